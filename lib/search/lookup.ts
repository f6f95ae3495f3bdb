import type { Category } from '../vocabulary/categories.ts';
import { cardQuestion, type Detected } from './card-question.ts';
import type { Corpus } from './load.ts';
import { type CardReason, rankCard } from './query.ts';
import type { CardWeights } from './card-weights.ts';
import type { Result } from './result.ts';

/** What the content script asks about a mention (see `BackgroundApi.lookup`). */
export interface LookupParams {
  /** The highlighted words as written on the page. */
  mention: string;
  /** The detector's category for them. */
  category: Category;
  /** The detector's term-table entry ("Entity List"); when absent the lookup asks the detector itself. */
  term?: string;
  /** The paragraph (block text) holding the mention. */
  context: string;
  /** Offset of the mention in `context`; default: its first occurrence. */
  at?: number;
}

/** The card's answer: the statements in the order the card shows them (the lead, what disputes it, the rest), and why. */
export interface CardAnswer {
  results: Result[];
  reason: CardReason | null;
}

/**
 * The card's answer for a mention: the one card lookup, which the
 * background answers the content script with and `npm run query --context`
 * prints (and the card eval measures). Only the parties' own words and the
 * claims that dispute them; reporting (`context`) records stay in the side
 * panel. `detected` is what the detector found (`LookupParams`); without it
 * the mention is matched against the detector's term table. `options` are
 * for tuning and measuring (other weights, more results); the extension
 * never passes them.
 */
export function lookupCard(corpus: Corpus, mention: string, context: string, detected: Detected = {}, options: { weights?: CardWeights; limit?: number } = {}): CardAnswer {
  return rankCard(corpus, cardQuestion(mention, context, detected), options);
}
