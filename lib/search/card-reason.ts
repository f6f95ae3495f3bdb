import type { Statement } from '../data/types.ts';
import type { Corpus } from './load.ts';
import { CARD_SEARCH, processTerm, tokenize } from '../data/index-options.ts';

/** Words of the reason line at most. */
const MAX_WORDS = 5;
/** A word in more than this share of the card's statements tells nothing about why one of them was chosen. */
const COMMON_SHARE = 0.4;

/**
 * Words the index keeps (they are not in `STOP_WORDS`) that still say
 * nothing about a matter: prepositions and hedges, counts and time.
 */
const GENERIC = new Set(
  (
    'without within despite among amid across around since per via however although though also even still yet ' +
    'new many much one two first last year years time times like well made make use used way ways including'
  ).split(' '),
);

function forms(token: string): string[] {
  const p = processTerm(token);
  return p === null ? [] : Array.isArray(p) ? p : [p];
}

const frequencyOf = new WeakMap<Corpus, Map<string, number>>();

/**
 * Whether a processed form is in more than COMMON_SHARE of the statements
 * ("huawei", "usa"). Counted from the index the first time a form is asked
 * about and kept: a card asks about a few words, and counting every word of
 * a large corpus up front would slow the first card.
 */
function isCommon(corpus: Corpus, form: string): boolean {
  let counts = frequencyOf.get(corpus);
  if (!counts) frequencyOf.set(corpus, (counts = new Map()));
  let n = counts.get(form);
  if (n === undefined) counts.set(form, (n = corpus.index.search([form], CARD_SEARCH).docs.length));
  return n > COMMON_SHARE * corpus.byDoc.length;
}

/**
 * Where each word of `text` starts a sentence (after the start, or after
 * . ! ? and any closing quote or bracket): its capital says nothing.
 */
function sentenceInitial(text: string): Set<number> {
  const out = new Set<number>();
  for (const m of text.matchAll(/(?:^|[.!?]["'”’)\]]*\s+)["'“‘(\[]*(?=\p{L})/gu)) out.add(m.index + m[0].length);
  return out;
}

/**
 * The words of the paragraph that the lead statement shares (same stem, or
 * same synonym group: "ban" for "restrictions"), as the paragraph writes
 * them, for the card's "Why these" line. Only words that carry meaning:
 * no stop words or GENERIC words, not the hovered words themselves (the reader knows them),
 * not the words most of the corpus shares ("Huawei", "US"), and a capital
 * that only starts a sentence ("Without") is written in lower case. In the
 * paragraph's order, each word once.
 */
export function reasonWords(corpus: Corpus, paragraph: string, mention: string, lead: Statement): string[] {
  const hovered = new Set(tokenize(mention).flatMap(forms));
  const shared = new Set(tokenize(lead.text).flatMap(forms));
  const initial = sentenceInitial(paragraph);
  const out: string[] = [];
  const seen = new Set<string>();
  for (const m of paragraph.matchAll(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu)) {
    const own = tokenize(m[0]).flatMap(forms);
    if (own.length === 0 || GENERIC.has(m[0].toLowerCase()) || !own.some((f) => shared.has(f)) || own.some((f) => hovered.has(f) || isCommon(corpus, f))) continue;
    const key = own[0]!;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(initial.has(m.index) && !/^\p{Lu}{2,}$/u.test(m[0]) ? m[0].toLowerCase() : m[0]);
    if (out.length >= MAX_WORDS) break;
  }
  return out;
}
