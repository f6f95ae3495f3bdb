/**
 * Small text helpers shared by the corpus stages. Every stage works on spans
 * of the untouched source; these helpers only *compare* or *measure* text,
 * they never produce text that ends up in a statement.
 */

/** A half-open `[start, end)` range of UTF-16 offsets into a source file. */
export type Span = [number, number];

/** Whitespace as found in scraped pages: includes NBSP, zero-width space and BOM. */
const SPACE = /[\s\u00a0\u200b\ufeff]/;

export function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && SPACE.test(ch);
}

/** Shrinks a span so it neither starts nor ends with whitespace. */
export function trimSpan(source: string, [start, end]: Span): Span {
  let s = start;
  let e = end;
  while (s < e && isSpace(source[s])) s++;
  while (e > s && isSpace(source[e - 1])) e--;
  return [s, e];
}

/**
 * The comparison form of a text: curly quotes and apostrophes made straight,
 * dashes made plain, runs of whitespace made one space, case folded. Used to
 * spot duplicates ("We’ll" vs "We'll") and to match titles and overrides;
 * never stored as a statement's text.
 */
export function normalizeForCompare(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\u2013\u2014\u2212]/g, '-')
    .replace(/[\s\u00a0\u200b\ufeff]+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Words as a reader counts them (used by length thresholds). */
export function wordCount(text: string): number {
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu);
  return words ? words.length : 0;
}

/** 32-bit FNV-1a as 8 hex digits: short, stable statement ids. */
export function hash8(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** 1-based line and column of an offset, for error messages. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
