/**
 * The sentence around a span of text: for the side panel's "On this page"
 * list (enough words for a reader to tell one "Huawei" from the next without
 * opening the page), and for the card lookup, which weighs the mention's own
 * sentence above the rest of its paragraph. Pure text in, text out, so the
 * content script, the background and the CLI cut sentences the same way.
 */

/** Longest sentence shown; a longer one is cut around the mention with ellipses. */
export const MAX_SENTENCE = 240;

/** Ends a sentence in spaced scripts when followed by a space; ends one in CJK outright. */
const SPACED_END = /[.!?…]/u;
const UNSPACED_END = /[。！？]/u;
/** Closing quotes and brackets that belong to the sentence they end. */
const CLOSERS = /["'”’»)\]]/u;
/** Abbreviations whose full stop does not end a sentence ("Mr. Ren", "U.S. sanctions"). */
const ABBREVIATION = /(?:^|[\s(])(?:[A-Z]|[A-Z]\.[A-Z]|Mr|Mrs|Ms|Dr|St|Jr|Sr|Prof|Gen|Sen|Rep|Gov|Inc|Ltd|Co|Corp|No|vs|etc|e\.g|i\.e)\.$/u;

/** Index just past the sentence end at `i` (a terminator), or -1 when `i` does not end one. */
function endAt(text: string, i: number): number {
  const ch = text[i]!;
  if (UNSPACED_END.test(ch)) {
    let j = i + 1;
    while (j < text.length && CLOSERS.test(text[j]!)) j++;
    return j;
  }
  if (!SPACED_END.test(ch)) return -1;
  let j = i + 1;
  while (j < text.length && (CLOSERS.test(text[j]!) || SPACED_END.test(text[j]!))) j++;
  if (j < text.length && !/\s/u.test(text[j]!)) return -1;
  if (ch === '.' && ABBREVIATION.test(text.slice(Math.max(0, i - 6), i + 1))) return -1;
  return j;
}

/**
 * The sentence of `text` that holds [start, end), whitespace collapsed and,
 * when longer than `max`, cut to a window around the span marked with "…".
 * @example sentenceAround("One. Huawei said no. Three.", 5, 11) === "Huawei said no."
 */
export function sentenceAround(text: string, start: number, end: number, max = MAX_SENTENCE): string {
  let from = 0;
  for (let i = start - 1; i >= 0; i--) {
    const past = endAt(text, i);
    if (past !== -1 && past <= start) {
      from = past;
      break;
    }
  }
  let to = text.length;
  for (let i = Math.max(end, from); i < text.length; i++) {
    const past = endAt(text, i);
    if (past !== -1) {
      to = past;
      break;
    }
  }
  const raw = text.slice(from, to);
  const lead = raw.length - raw.trimStart().length;
  const sentence = raw.trim();
  const collapse = (s: string) => s.replace(/\s+/gu, ' ');
  const flat = collapse(sentence);
  if (flat.length <= max) return flat;
  // Keep the mention in view: centre the window on it, measured in the collapsed text.
  const before = collapse(sentence.slice(0, Math.max(0, start - from - lead)));
  const mentionLength = collapse(text.slice(start, end)).length;
  const centre = before.length + mentionLength / 2;
  let windowStart = Math.max(0, Math.round(centre - max / 2));
  const windowEnd = Math.min(flat.length, windowStart + max);
  windowStart = Math.max(0, windowEnd - max);
  const head = windowStart > 0 ? '…' : '';
  const tail = windowEnd < flat.length ? '…' : '';
  return `${head}${flat.slice(windowStart, windowEnd).trim()}${tail}`;
}

/**
 * The sentences of `text`, whitespace collapsed, cut where `sentenceAround`
 * cuts them. The card reads a paragraph's sentences to find the one that
 * words its claim (`claimSentence` in lib/search/card-question.ts).
 * @example sentences("Mr. Ren spoke. Huawei said no.") → ["Mr. Ren spoke.", "Huawei said no."]
 */
export function sentences(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const past = endAt(text, i);
    if (past === -1) continue;
    out.push(text.slice(from, past));
    from = past;
    i = past - 1;
  }
  out.push(text.slice(from));
  return out.map((s) => s.replace(/\s+/gu, ' ').trim()).filter((s) => s !== '');
}
