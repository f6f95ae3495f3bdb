import type { Statement } from '../data/types.ts';
import type { Topic } from '../vocabulary/topics.ts';
import type { Corpus } from './load.ts';
import { CARD_SEARCH, stem, termForms, tokenize } from '../data/index-options.ts';
import { cueSpans } from './card-cues.ts';

/** Words of the reason line at most. */
const MAX_WORDS = 5;
/** A word in more than this share of the card's statements tells nothing about why one of them was chosen. */
const COMMON_SHARE = 0.4;

/**
 * Words that can sit inside a matter's wording (`QUERY_TOPIC_CUES` allows a
 * few words between "no" and "evidence", or "despite" and "sanctions") and
 * still say nothing about the matter: prepositions and hedges, generic
 * adjectives ("solid", "convincing", "latest"), nationalities and the
 * parties' generic names (every statement here is a Chinese or American
 * company or government's), counts and time.
 */
const GENERIC = new Set(
  (
    'without within despite among amid across around since per via however although though also even still yet ' +
    'new many much one two first last year years time times like well made make use used way ways including ' +
    'solid convincing clear hard concrete real credible substantial sufficient firm strong latest recent current previous ' +
    'further major big huge great serious significant several various certain possible alleged so-called ' +
    'chinese american british european us china usa company companies firm firms government governments country countries'
  ).split(' '),
);

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

const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

/** Words written with a capital in `text` other than at a sentence's start: names ("Kirin", "Pompeo"). */
function namesIn(text: string): Set<string> {
  const initial = sentenceInitial(text);
  const out = new Set<string>();
  for (const m of text.matchAll(WORD)) if (/^\p{Lu}/u.test(m[0]) && !initial.has(m.index)) out.add(m[0]);
  return out;
}

/**
 * The words of the paragraph that say why the lead statement is on the
 * card, for its "Why these" line, as the paragraph writes them, in its
 * order, each once. A word counts when the lead shares it (same stem, or
 * same synonym group: "ban" for "restrictions") and it carries the matter:
 * - it is part of how the paragraph words one of the card's matters (a cue
 *   of `QUERY_TOPIC_CUES`: "crackdown", "espionage", "no evidence") and not a
 *   GENERIC word inside that wording ("Without solid evidence" gives
 *   "evidence"), or
 * - it is a name both write with a capital mid-sentence ("Kirin", "TSMC");
 *   a capital word of the paragraph the lead writes in lower case is part
 *   of another name ("Bureau of Industry and Security", "United States").
 * Never the hovered words (the reader knows them), the words most of the
 * corpus shares ("Huawei"), or a word that only repeats a topic the line
 * already names (`topics`: "security" after "the paragraph is about
 * Security").
 */
export function reasonWords(corpus: Corpus, paragraph: string, mention: string, lead: Statement, topics: readonly Topic[] = []): string[] {
  const hovered = new Set(tokenize(mention).flatMap(termForms));
  // "no-spy" is the token `nospy` and the words "no", "spy": any of them repeats the topic.
  const named = new Set(topics.flatMap((t) => [...t.split('-'), ...tokenize(t)].map((w) => stem(w.toLowerCase()))));
  const shared = new Set(tokenize(lead.text).flatMap(termForms));
  const leadNames = namesIn(lead.text);
  const paragraphNames = namesIn(paragraph);
  const spans = cueSpans(paragraph);
  const inSpan = (at: number, end: number) => spans.some(([s, e]) => s <= at && end <= e);
  const initial = sentenceInitial(paragraph);
  const out: string[] = [];
  const seen = new Set<string>();
  for (const m of paragraph.matchAll(WORD)) {
    const word = m[0];
    const own = tokenize(word).flatMap(termForms);
    if (own.length === 0 || GENERIC.has(word.toLowerCase()) || /^\p{N}+$/u.test(word)) continue;
    if (!own.some((f) => shared.has(f)) || named.has(own[0]!) || own.some((f) => hovered.has(f) || isCommon(corpus, f))) continue;
    const isName = paragraphNames.has(word) && !initial.has(m.index);
    if (isName ? !leadNames.has(word) : !inSpan(m.index, m.index + word.length)) continue;
    const key = own[0]!;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(initial.has(m.index) && !/^\p{Lu}{2,}$/u.test(word) ? word.toLowerCase() : word);
    if (out.length >= MAX_WORDS) break;
  }
  return out;
}
