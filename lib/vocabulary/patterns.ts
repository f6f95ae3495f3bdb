/**
 * THE regex-source builders: the page matcher's term and signal tables, the
 * build's entity-alias matcher and the card's emphasis all spell literals,
 * dashes and word edges with these, so "no-spy" is one word to all of them.
 * Everything returns RegExp *source* for a pattern compiled with the `u` flag
 * and without `i`: case rules differ per term and one alternation holds all
 * terms, so case is spelled out in the pattern instead of set by a flag
 * (RegExp modifiers like `(?i:)` are not yet in every browser the extension
 * supports).
 */

/**
 * Escape a literal for use in a RegExp, with or without the `u` flag, outside
 * a character class: the syntax characters and `/`, nothing else (`u` mode
 * rejects needless escapes such as `\-`).
 * @example escapeLiteral("C++ (est.)") === "C\\+\\+ \\(est\\.\\)"
 */
export function escapeLiteral(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/** A literal matching in any letter case: "ban" -> "[Bb][Aa][Nn]". */
export function anyCase(literal: string): string {
  let out = '';
  for (const ch of literal) {
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    out += lower === upper ? escapeLiteral(ch) : `[${upper}${lower}]`;
  }
  return out;
}

/**
 * Each space-separated word either as written (Title case) or ALL CAPS, so
 * "Liang Hua" accepts "Liang Hua", "LIANG HUA" and the surname-first style
 * "Liang HUA", but never "liang hua". Words are joined by {@link SPACE}.
 */
export function titleOrUpper(phrase: string): string {
  return phrase
    .split(' ')
    .map((word) => {
      const upper = word.toUpperCase();
      return upper === word ? escapeLiteral(word) : `(?:${escapeLiteral(word)}|${escapeLiteral(upper)})`;
    })
    .join(SPACE);
}

/** Words separated by any caseless phrase: "export ban" -> export, space, ban. */
export function anyCasePhrase(phrase: string, join: string = SPACE): string {
  return phrase.split(' ').map(anyCase).join(join);
}

/** One or more whitespace characters; JS `\s` includes NBSP and the other Zs spaces. */
export const SPACE = '\\s+';

/**
 * Hyphens and dashes that may join compound words: hyphen-minus, soft hyphen
 * (U+00AD), hyphen (U+2010), non-breaking hyphen (U+2011), figure dash
 * (U+2012), en dash (U+2013), em dash (U+2014), horizontal bar (U+2015) and
 * minus sign (U+2212).
 */
export const DASH = '[\\-\\u00AD\\u2010-\\u2015\\u2212]';

/** Between the parts of a compound: a dash (spaces around it allowed) or whitespace. */
export const JOIN = `(?:\\s*${DASH}\\s*|\\s+)`;

/** Apostrophes used in possessives: ASCII and the typographic U+2019. */
export const APOSTROPHE = "['\\u2019]";

/** Optional possessive suffix, highlighted with the name it belongs to. */
export const POSSESSIVE = `(?:${APOSTROPHE}[sS])?`;

/**
 * Whole-word edges for Latin-script terms, Unicode-aware instead of ASCII `\b`.
 * A term may not touch a letter, combining mark, digit or underscore on either
 * side ("unsanctioned", "Huaweiphone", "Huawei\u0301" do not match), nor be a
 * label of a domain name, e-mail address or handle ("consumer.huawei.com",
 * "press@huawei.com", "@Huawei" do not match; "#Huawei" does). Hyphenated
 * compounds do match: "anti-Huawei", "sanctions-busting".
 */
export const WORD_START = '(?<![\\p{L}\\p{M}\\p{N}_@])(?<![\\p{L}\\p{N}]\\.)';
export const WORD_END = '(?![\\p{L}\\p{M}\\p{N}_])(?![.@][\\p{L}\\p{N}])';

/** Wrap a Latin-script pattern in {@link WORD_START} / {@link WORD_END}. */
export function wholeWord(pattern: string): string {
  return `${WORD_START}(?:${pattern})${WORD_END}`;
}

/**
 * The alternatives for `terms`, in order, each wrapped by `group`, where
 * consecutive terms with word edges share one pair of edge checks instead
 * of a pair each. The edges are Unicode-property lookarounds, and V8 builds
 * each one's character sets anew: with a pair per term, the term table's
 * RegExp cost several times more to build and compile (in every renderer,
 * so on every page load). The match is the same: the engine tries the same
 * alternatives in the same order, each followed by the same end check, and
 * backtracks into the next one when it fails.
 */
export function sharedEdges(terms: readonly { pattern: string; wordEdges: boolean }[], group: (pattern: string) => string): string[] {
  const parts: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length) parts.push(wholeWord(run.join('|')));
    run = [];
  };
  for (const t of terms) {
    if (t.wordEdges) {
      run.push(group(t.pattern));
    } else {
      flush();
      parts.push(group(t.pattern));
    }
  }
  flush();
  return parts;
}
