import type { Category } from '../vocabulary/categories.ts';
import { cardQuestion, type Detected } from './card-question.ts';
import type { Corpus } from './load.ts';
import { type CardReason, rankCard } from './query.ts';
import { type Result, surfaceTerms } from './result.ts';
import { processTerm, tokenize } from '../data/index-options.ts';

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
 * The card's answer for a mention, as the background gives it and
 * `npm run query --context` prints it. Only the parties' own words and the
 * claims that dispute them; reporting (`context`) records stay in the side
 * panel. `detected` is what the detector found (`LookupParams`); without
 * it the mention is matched against the detector's term table.
 */
export function lookupCard(corpus: Corpus, mention: string, context: string, detected: Detected = {}): CardAnswer {
  const { results, reason } = rankCard(corpus, cardQuestion(mention, context, detected));
  // Emphasis marks the words of the mention itself: the context chose the
  // statements (the reason line says which words), but marking every shared
  // context word ("sign", "willing") would bury what the reader hovered.
  const mentionTerms = new Set(tokenize(mention).flatMap((t) => [processTerm(t)].flat().filter((p): p is string => p !== null)));
  return { results: results.map((r) => ({ ...r, terms: surfaceTerms(r.text, mentionTerms) })), reason };
}
