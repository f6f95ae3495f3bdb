/**
 * Runs the card development set through what the extension does: the
 * detector finds the labelled mention in its paragraph (as the content
 * script does on the page), then the background's card lookup answers it
 * with the paragraph as context. Shared by `npm run eval:card` and the unit
 * test, so both measure the same thing.
 */
import type { Statement } from '../../lib/data/types.ts';
import { type Category, collapseText, findMentions, pageContext } from '../../lib/detect/index.ts';
import type { Corpus } from '../../lib/search/load.ts';
import type { Detected } from '../../lib/search/card-question.ts';
import { lookupCard } from '../../lib/search/lookup.ts';
import type { Result } from '../../lib/search/result.ts';
import { type CardItem, type ItemScore, type StaleLabel, type Totals, resolveAll, scoreItem, totals } from './card.ts';

/** The highlighted mention the card is asked about. */
export interface Asked {
  /** The words on the page, as the content script sends them. */
  text: string;
  /** The term-table entry the detector matched; null when it found nothing there. */
  term: string | null;
  category: Category | null;
  /** Where the detector found the words in the block; null when it did not. */
  at: number | null;
}

/** How a card is asked: the lookup as the background answers it, or a variant under tuning. */
export type AskCard = (corpus: Corpus, mention: Asked, block: string) => Result[];

/** What the detector found, as the content script sends it with the lookup (nothing when it found nothing). */
export function detectedOf(mention: Asked): Detected {
  return mention.category === null ? {} : { category: mention.category, term: mention.term, ...(mention.at === null ? {} : { at: mention.at }) };
}

/**
 * The card's statements in the order the card shows them, for a mention in
 * its block: the one place the eval calls the lookup, with what the
 * detector found, as the content script sends it.
 */
export const askCard: AskCard = (corpus, mention, block) => lookupCard(corpus, mention.text, block, detectedOf(mention)).results;

/** What the eval saw for one paragraph. */
export interface ItemOutcome {
  item: CardItem;
  /** The detected mention overlapping the labelled one, or null when the detector missed it. */
  detected: Asked | null;
  /** The card, best first. */
  card: Result[];
  /** Resolved ids per label (`item.relevant[i]`). */
  labels: string[][];
  /** Scores for paragraphs with relevant statements; null for `relevant: []`. */
  score: ItemScore | null;
}

export interface CardEval {
  outcomes: ItemOutcome[];
  stale: StaleLabel[];
  totals: Totals;
  /** On-topic items whose labelled mention the detector did not highlight. */
  undetected: string[];
  /** Off-topic items whose mention the detector highlighted anyway. */
  offTopicHighlighted: string[];
}

/**
 * The page context of each article, from its headline and all its
 * paragraphs in the set (a neighbour of the text the detector sees on the
 * real page), keyed by URL.
 */
function pages(items: readonly CardItem[]) {
  const byUrl = new Map<string, CardItem[]>();
  for (const item of items) byUrl.set(item.url, [...(byUrl.get(item.url) ?? []), item]);
  return new Map(
    [...byUrl].map(([url, group]) => [url, pageContext(group.find((i) => i.title)?.title ?? '', group.map((i) => collapseText(i.paragraph)).join('\n'))]),
  );
}

/** The detected mention overlapping the first occurrence of the labelled one. */
function detect(item: CardItem, block: string, page: ReturnType<typeof pageContext>): Asked | null {
  const wanted = collapseText(item.mention);
  const start = block.indexOf(wanted);
  const end = start + wanted.length;
  const hit = findMentions(block, page).find((m) => m.start < end && m.end > start);
  return hit ? { text: hit.text, term: hit.term, category: hit.category, at: hit.start } : null;
}

export function runCardEval(
  corpus: Corpus,
  statements: readonly Statement[],
  items: readonly CardItem[],
  seedText: (file: string) => string,
  ask: AskCard = askCard,
): CardEval {
  const { resolved, stale } = resolveAll(items, statements, seedText);
  const pageOf = pages(items);
  const outcomes = items.map((item): ItemOutcome => {
    const block = collapseText(item.paragraph);
    const detected = detect(item, block, pageOf.get(item.url)!);
    // A missed mention gets no card on the page; the card is still measured, on the labelled words,
    // so the card's figures do not depend on the detector's.
    const card = ask(corpus, detected ?? { text: item.mention, term: null, category: null, at: null }, block);
    const labels = resolved.get(item.id)!;
    const score = labels.length > 0 ? scoreItem(card.map((r) => r.id), labels) : null;
    return { item, detected, card, labels, score };
  });
  const scored = outcomes.flatMap((o) => (o.score ? [o.score] : []));
  const empties = outcomes.filter((o) => o.labels.length === 0).map((o) => o.card.length === 0);
  return {
    outcomes,
    stale,
    totals: totals(scored, empties),
    undetected: outcomes.filter((o) => !o.item.offTopic && !o.detected).map((o) => o.item.id),
    offTopicHighlighted: outcomes.filter((o) => o.item.offTopic && o.detected).map((o) => o.item.id),
  };
}
