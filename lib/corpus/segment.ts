import { isSpace, type Span, trimSpan } from './text.ts';

/**
 * Quotations and sentences inside one paragraph, as spans of the original
 * source. A quotation opened with “ or " is one unit until it is closed, so
 * a multi-sentence quote is never cut at its inner full stops.
 */

export interface Quote {
  /** Including the quotation marks. */
  outer: Span;
  /** Between the marks (not trimmed). */
  inner: Span;
  /** False when the paragraph ends before the closing mark. */
  closed: boolean;
}

const OPEN_CONTEXT = /[\s([{\u2014\u2013\-/:]/;

/**
 * Double-quoted spans of a paragraph. Curly marks are unambiguous; a straight
 * `"` opens when it follows whitespace, an opening bracket, a dash or a colon
 * (or starts the paragraph) and is followed by a non-space, and closes
 * otherwise. Single quotes are not tracked: they double as apostrophes
 * ("US' actions") and mark terms or partial quotes, not speech units.
 */
export function findQuotes(source: string, [start, end]: Span): Quote[] {
  const quotes: Quote[] = [];
  let open = -1;
  for (let i = start; i < end; i++) {
    const ch = source[i];
    if (ch !== '\u201c' && ch !== '\u201d' && ch !== '"') continue;
    let opening: boolean;
    if (ch === '\u201c') opening = true;
    else if (ch === '\u201d') opening = false;
    else {
      const prev = i === start ? ' ' : (source[i - 1] ?? ' ');
      const next = source[i + 1] ?? ' ';
      opening = open < 0 && OPEN_CONTEXT.test(prev) && !isSpace(next);
    }
    if (opening) {
      if (open < 0) open = i;
    } else if (open >= 0) {
      quotes.push({ outer: [open, i + 1], inner: [open + 1, i], closed: true });
      open = -1;
    }
  }
  if (open >= 0) quotes.push({ outer: [open, end], inner: [open + 1, end], closed: false });
  return quotes;
}

/** Abbreviations that never end a sentence when a word follows ("Mr. Ren", "Jun. 4"). */
const NEVER_FINAL = new Set(
  (
    'Mr Mrs Ms Dr Prof St Sen Rep Gov Gen Lt Col Capt Sgt Mt Ft Jr Sr vs cf Fig No Nos Vol Ch ' +
    'Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thurs Fri Sat Sun e.g i.e'
  ).split(' '),
);

/**
 * Words that start a new sentence after a dotted acronym: "... with the U.S.
 * But ..." ends a sentence, "the U.S. Commerce Department" does not.
 */
const STARTERS = new Set(
  (
    'The A An And But Or So He She It They We I You This That These Those There Here In On At For ' +
    'However Meanwhile Now Its His Her Their Our My While When If As After Before Last Still Yet Then Also ' +
    'Since Although Though What Why How Who'
  ).split(' '),
);

const CLOSERS = new Set(['\u201d', '"', '\u2019', "'", ')', ']', '\u00bb']);
const OPENERS = /["\u201c\u2018'([\u00ab$]/;

function insideQuote(quotes: Quote[], pos: number): boolean {
  return quotes.some((q) => q.outer[0] < pos && pos < q.outer[1]);
}

function nextWord(source: string, from: number, end: number): string {
  const m = /^[\p{L}\p{N}'’-]+/u.exec(source.slice(from, Math.min(end, from + 40)));
  return m ? m[0] : '';
}

/** The letters-and-dots token that ends at the full stop at `dot`. */
function tokenBefore(source: string, dot: number, start: number): string {
  let s = dot;
  while (s > start && /[A-Za-z.]/.test(source[s - 1] ?? '')) s--;
  return source.slice(s, dot);
}

function isBoundaryAfterDot(source: string, dot: number, start: number, next: number, end: number): boolean {
  const token = tokenBefore(source, dot, start);
  if (NEVER_FINAL.has(token)) return false;
  const nextCh = source[next] ?? '';
  // A lone capital initial ("David D. Li") is part of a name; "5G." is not an initial.
  if (/^[A-Z]$/.test(token) && !/[\p{L}\p{N}]/u.test(source[dot - 2] ?? '')) return false;
  // Dotted acronyms ("U.S.", "U.K.") end a sentence only before a quote or a sentence starter.
  if (/^(?:[A-Za-z]\.)+[A-Za-z]$/.test(token)) {
    return OPENERS.test(nextCh) || STARTERS.has(nextWord(source, next, end));
  }
  return true;
}

/**
 * Sentence spans of a paragraph, trimmed. A sentence ends at `.`, `!` or `?`
 * (plus any closing quotes or brackets) followed by whitespace and a capital,
 * digit or opening quote, unless the stop belongs to an abbreviation or sits
 * inside a quotation. A stop glued to a capitalised word ("situation.We")
 * also ends a sentence: scraped text loses spaces, and a lower-case word
 * before the stop rules out acronyms and domain names.
 */
export function splitSentences(source: string, span: Span): Span[] {
  const [start, end] = span;
  const quotes = findQuotes(source, span);
  const out: Span[] = [];
  let sentenceStart = start;
  for (let i = start; i < end; i++) {
    const ch = source[i];
    if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '\u2026') continue;
    if (ch === '.' && /\d/.test(source[i + 1] ?? '')) continue; // $98.57, 9.9%
    let j = i + 1;
    while (j < end && CLOSERS.has(source[j] ?? '')) j++;
    if (insideQuote(quotes, j)) continue;
    let boundary = false;
    if (j >= end) boundary = true;
    else if (isSpace(source[j])) {
      let k = j;
      while (k < end && isSpace(source[k])) k++;
      const nextCh = source[k] ?? '';
      if (k >= end) boundary = true;
      else if (/[\p{Lu}\p{N}]/u.test(nextCh) || OPENERS.test(nextCh)) {
        boundary = ch !== '.' || isBoundaryAfterDot(source, i, start, k, end);
      }
    } else if (ch === '.' && /\p{Ll}/u.test(source[i - 1] ?? '') && /^\p{Lu}\p{Ll}/u.test(source.slice(j, j + 2))) {
      boundary = tokenBefore(source, i, start).length > 1 && !tokenBefore(source, i, start).includes('.');
    }
    if (boundary) {
      const s = trimSpan(source, [sentenceStart, j]);
      if (s[1] > s[0]) out.push(s);
      sentenceStart = j;
    }
  }
  const rest = trimSpan(source, [sentenceStart, end]);
  if (rest[1] > rest[0]) out.push(rest);
  return out;
}
