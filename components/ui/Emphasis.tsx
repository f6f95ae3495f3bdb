/**
 * Emphasis of matched words inside a verbatim quote, built from text segments
 * so corpus text only ever reaches the DOM as text nodes. No innerHTML, no
 * dangerouslySetInnerHTML: a quote containing `<img onerror=…>` is shown as
 * those characters, not run.
 */

import { useMemo } from 'preact/hooks';
import { DASH, escapeLiteral } from '../../lib/vocabulary/patterns.ts';

export interface Segment {
  text: string;
  marked: boolean;
}

/** At an index just after a letter, digit or combining mark, i.e. inside a word (sticky; a `u` lookbehind sees whole code points). */
const AFTER_WORD_CHAR = /(?<=[\p{L}\p{N}\p{M}])/uy;
/** The rest of a word, from a given index (sticky). */
const WORD_REST = /[\p{L}\p{N}\p{M}]*/uy;
/** Dashes and spaces inside a term: "no-spy" also matches "no spy" and "no‑spy" (the page matcher's dashes). */
const TERM_SEPARATORS = new RegExp(`(?:\\s|${DASH})+`, 'gu');
/** The same, sticky: the separators between two parts of a term in the text. */
const SEPARATOR_RUN = new RegExp(`(?:\\s|${DASH})+`, 'uy');

/**
 * Scripts written without spaces between words. A term in one of them can
 * match anywhere, and does not swallow the characters after it (there is no
 * "rest of the word" to extend to).
 */
const UNSPACED_SCRIPT =
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** A term as the text must show it: its parts, case-insensitive, with any run of separators between them. */
interface Term {
  parts: RegExp[];
  /** Whether a match must start a word and takes the rest of it. */
  spaced: boolean;
}

/** Compiled parts by their text. Each is a plain literal, cheap to compile, and reused across results. */
const parts = new Map<string, RegExp>();
const PARTS_KEPT = 1024;

function part(text: string): RegExp {
  let re = parts.get(text);
  if (!re) {
    if (parts.size >= PARTS_KEPT) parts.clear();
    parts.set(text, (re = new RegExp(escapeLiteral(text), 'iuy')));
  }
  return re;
}

/** Where a match of `term` starting at `at` ends, or -1. */
function matchEnd(text: string, at: number, term: Term): number {
  let end = at;
  for (let k = 0; k < term.parts.length; k++) {
    if (k > 0) {
      SEPARATOR_RUN.lastIndex = end;
      if (!SEPARATOR_RUN.test(text)) return -1;
      end = SEPARATOR_RUN.lastIndex;
    }
    const re = term.parts[k]!;
    re.lastIndex = end;
    if (!re.test(text)) return -1;
    end = re.lastIndex;
  }
  if (term.spaced) {
    WORD_REST.lastIndex = end;
    WORD_REST.test(text);
    end = WORD_REST.lastIndex;
  }
  return end;
}

/** Whether the code point ending just before `at` is inside a word. */
function wordBefore(text: string, at: number): boolean {
  AFTER_WORD_CHAR.lastIndex = at;
  return AFTER_WORD_CHAR.test(text);
}

/**
 * Splits `text` into segments, marking each occurrence of a term.
 *
 * - Case-insensitive and Unicode-aware (each term part is an `iu` literal;
 *   `\p{…}` classes for words, so "Zhengfei", "Ü" and "华为" behave like ASCII).
 * - Whole-word-ish: a match must start a word (the character before it is not
 *   a letter or digit), so "spy" does not mark "Espy". Terms may be stems or
 *   prefixes, as search engines report them: "sanction" marks the whole of
 *   "Sanctions" and "sanctioned". Terms in unspaced scripts (Chinese,
 *   Japanese, Thai…) match anywhere and mark only themselves.
 * - Terms are matched as literal text, so "(", ".*" or "\\" are matched
 *   literally and cannot break or widen anything.
 * - Leftmost match first; where several terms start at the same place, the
 *   longest term wins.
 *
 * No pattern is built per term set: a case-insensitive Unicode RegExp with
 * lookbehind over the set cost about 3 ms to compile in Chromium, and the
 * side panel renders thirty results per keystroke, each with its own set.
 *
 * Invariant: concatenating the segments' text gives back `text` exactly, and
 * no two adjacent segments have the same `marked`.
 */
export function splitForEmphasis(text: string, terms: readonly string[]): Segment[] {
  const cleaned = [...new Set(terms.map((t) => t.trim()).filter((t) => /[\p{L}\p{N}]/u.test(t)))];
  if (text === '') return [];
  if (cleaned.length === 0) return [{ text, marked: false }];

  // Longest first, so "no-spy agreement" wins over "no". (A spaced and an unspaced term never start at one place.)
  cleaned.sort((a, b) => b.length - a.length);
  const ordered = cleaned.map((t): Term => ({ parts: t.split(TERM_SEPARATORS).map(part), spaced: !UNSPACED_SCRIPT.test(t) }));

  const segments: Segment[] = [];
  const push = (chunk: string, marked: boolean) => {
    if (chunk === '') return;
    const last = segments[segments.length - 1];
    if (last && last.marked === marked) last.text += chunk;
    else segments.push({ text: chunk, marked });
  };

  let cursor = 0;
  for (let at = 0; at < text.length; ) {
    const startsWord = !wordBefore(text, at);
    let end = -1;
    for (const term of ordered) {
      if (term.spaced && !startsWord) continue;
      end = matchEnd(text, at, term);
      if (end > at) break;
    }
    if (end > at) {
      push(text.slice(cursor, at), false);
      push(text.slice(at, end), true);
      cursor = at = end;
    } else {
      // One code point on, as a `u` RegExp steps (a lone surrogate is one).
      at += text.codePointAt(at)! > 0xffff ? 2 : 1;
    }
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
