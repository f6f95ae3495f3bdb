/**
 * Emphasis of matched words inside a verbatim quote, built from text segments
 * so corpus text only ever reaches the DOM as text nodes. No innerHTML, no
 * dangerouslySetInnerHTML: a quote containing `<img onerror=…>` is shown as
 * those characters, not run.
 */

import { useMemo } from 'preact/hooks';

export interface Segment {
  text: string;
  marked: boolean;
}

/** Letters, digits and combining marks: what counts as "inside a word". */
const WORD_CHAR = String.raw`[\p{L}\p{N}\p{M}]`;

/**
 * Scripts written without spaces between words. A term in one of them can
 * match anywhere, and does not swallow the characters after it (there is no
 * "rest of the word" to extend to).
 */
const UNSPACED_SCRIPT =
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** Dashes and spaces inside a term: "no-spy" also matches "no spy" and "no‑spy". */
const TERM_SEPARATORS = /[\s\-\u2010-\u2015]+/gu;

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/gu, '\\$&');
}

function termPattern(term: string): string {
  return term
    .split(TERM_SEPARATORS)
    .map(escapeRegExp)
    .join(String.raw`[\s\-\u2010-\u2015]+`);
}

/**
 * Splits `text` into segments, marking each occurrence of a term.
 *
 * - Case-insensitive and Unicode-aware (`iu` flags; `\p{…}` classes, so
 *   "Zhengfei", "Ü" and "华为" behave like ASCII).
 * - Whole-word-ish: a match must start a word (the character before it is not
 *   a letter or digit), so "spy" does not mark "Espy". Terms may be stems or
 *   prefixes, as search engines report them: "sanction" marks the whole of
 *   "Sanctions" and "sanctioned". Terms in unspaced scripts (Chinese,
 *   Japanese, Thai…) match anywhere and mark only themselves.
 * - Terms are escaped before they enter the pattern, so "(", ".*" or "\\" are
 *   matched literally and cannot break or widen the expression.
 * - Longest term wins where several start at the same place.
 *
 * Invariant: concatenating the segments' text gives back `text` exactly, and
 * no two adjacent segments have the same `marked`.
 */
/** Compiled patterns by source, the most recent last. */
const patterns = new Map<string, RegExp>();
/** Patterns kept: a screenful of results and the card, with room for a few keystrokes. */
const PATTERNS_KEPT = 256;

/**
 * The `giu` RegExp for `source`, compiled once. A case-insensitive Unicode
 * pattern with lookbehind costs about 3 ms to compile in Chromium, and the
 * side panel renders thirty results per keystroke. (`matchAll` clones the
 * RegExp, so sharing one is safe.)
 */
function compiled(source: string): RegExp {
  let re = patterns.get(source);
  if (re) patterns.delete(source);
  else re = new RegExp(source, 'giu');
  patterns.set(source, re);
  if (patterns.size > PATTERNS_KEPT) patterns.delete(patterns.keys().next().value!);
  return re;
}

export function splitForEmphasis(text: string, terms: readonly string[]): Segment[] {
  const cleaned = [...new Set(terms.map((t) => t.trim()).filter((t) => /[\p{L}\p{N}]/u.test(t)))];
  if (text === '') return [];
  if (cleaned.length === 0) return [{ text, marked: false }];

  // Longest first so alternation prefers "no-spy agreement" over "no".
  cleaned.sort((a, b) => b.length - a.length);
  const spaced = cleaned.filter((t) => !UNSPACED_SCRIPT.test(t)).map(termPattern);
  const unspaced = cleaned.filter((t) => UNSPACED_SCRIPT.test(t)).map(termPattern);

  const alternatives: string[] = [];
  if (spaced.length > 0) {
    alternatives.push(`(?<!${WORD_CHAR})(?:${spaced.join('|')})${WORD_CHAR}*`);
  }
  if (unspaced.length > 0) alternatives.push(`(?:${unspaced.join('|')})`);
  const pattern = compiled(alternatives.join('|'));

  const segments: Segment[] = [];
  const push = (chunk: string, marked: boolean) => {
    if (chunk === '') return;
    const last = segments[segments.length - 1];
    if (last && last.marked === marked) last.text += chunk;
    else segments.push({ text: chunk, marked });
  };

  let cursor = 0;
  for (const match of text.matchAll(pattern)) {
    const start = match.index;
    const end = start + match[0].length;
    if (end === start) continue; // defensive: a zero-width match would mark nothing
    push(text.slice(cursor, start), false);
    push(text.slice(start, end), true);
    cursor = end;
  }
  push(text.slice(cursor), false);
  return segments;
}

export interface EmphasisProps {
  text: string;
  terms: readonly string[];
}

/** Renders `text` with the matched words wrapped in `<mark>`. */
export function Emphasis({ text, terms }: EmphasisProps) {
  // A result that stays listed while the reader types keeps its terms: no new split.
  const segments = useMemo(() => splitForEmphasis(text, terms), [text, terms.join('\u0000')]);
  return (
    <>
      {segments.map((segment, index) =>
        segment.marked ? (
          <mark key={index} class="sc-mark">
            {segment.text}
          </mark>
        ) : (
          segment.text
        ),
      )}
    </>
  );
}
