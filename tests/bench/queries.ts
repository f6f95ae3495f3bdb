/**
 * The questions the lookup and index benchmarks ask, the same in the browser
 * and in Node: card lookups are the mentions the content script itself finds
 * in the generated pages' mention sentences (mention, category, sentence as
 * context), and side-panel searches are what a reader types, one keystroke
 * at a time.
 */
import { findMentions, matchTerms } from '../../lib/detect/index.ts';
import type { Corpus } from '../../lib/search/load.ts';
import { lookupCard, type CardAnswer } from '../../lib/search/lookup.ts';
import type { Category } from '../../lib/vocabulary/categories.ts';
import { NAME_SENTENCES, OFF_TOPIC_SENTENCES, ON_TOPIC_SENTENCES } from './pages.ts';

export interface CardLookup {
  mention: string;
  category: Category;
  context: string;
}

/**
 * `lookupCard` as the background's `lookup` answers the card's message
 * (entrypoints/background/index.ts): with the mention's category; the
 * message these lookups stand for carries no term or offset.
 */
export function answerLookup(corpus: Corpus, q: CardLookup): CardAnswer {
  return lookupCard(corpus, q.mention, q.context, { category: q.category });
}

/** Every mention of every mention sentence, with its sentence (on- and off-topic alike, as pages have both). */
export function cardLookups(): CardLookup[] {
  const out: CardLookup[] = [];
  for (const context of [...NAME_SENTENCES, ...ON_TOPIC_SENTENCES]) {
    for (const m of findMentions(context)) out.push({ mention: m.text, category: m.category, context });
  }
  // Off-topic generic words are not highlighted, so they never reach the
  // card; ask with the raw words anyway (the card must answer them fast too).
  for (const context of OFF_TOPIC_SENTENCES) {
    for (const m of matchTerms(context)) out.push({ mention: m.text, category: m.category, context });
  }
  return out;
}

/** Queries a researcher types into the side panel. */
export const PANEL_QUERIES = [
  'huawei no spy agreement',
  'ren zhengfei backdoor',
  'entity list',
  'meng wanzhou extradition',
  '5g security risk',
  'export controls on chips',
  'liang hua willing to sign',
  'intelligence law china',
  'zhengfie',
  'sanctions trump',
];

/** Each prefix of each query, as the panel sees them while the reader types (from 2 characters). */
export function keystrokes(queries: readonly string[] = PANEL_QUERIES): string[] {
  return queries.flatMap((q) => Array.from({ length: q.length - 1 }, (_, i) => q.slice(0, i + 2)));
}
