/**
 * Emphasis of matched words inside a verbatim quote, built from text segments
 * so corpus text only ever reaches the DOM as text nodes. No innerHTML, no
 * dangerouslySetInnerHTML: a quote containing `<img onerror=…>` is shown as
 * those characters, not run.
 */

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
  const pattern = new RegExp(alternatives.join('|'), 'giu');

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
  const segments = splitForEmphasis(text, terms);
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
