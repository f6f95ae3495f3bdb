import type { Corpus } from './load.ts';
import { cardQuery } from './query.ts';
import { type Result, surfaceTerms } from './result.ts';
import { processTerm, tokenize } from './options.ts';

/**
 * The card's answer for a mention: the card query's results split into the
 * parties' own words and the claims that dispute them. Reporting (`context`)
 * records stay in the side panel; the card is for the parties' positions.
 */
export function lookupCard(corpus: Corpus, mention: string, context: string): { primary: Result[]; counterclaims: Result[] } {
  // Emphasis marks the words of the mention itself: the context chose the
  // statements, but marking every shared context word ("sign", "willing")
  // would bury what the reader hovered.
  const mentionTerms = new Set(tokenize(mention).flatMap((t) => [processTerm(t)].flat().filter((p): p is string => p !== null)));
  const results = cardQuery(corpus, mention, context).map((r) => ({ ...r, terms: surfaceTerms(r.text, mentionTerms) }));
  return {
    primary: results.filter((r) => r.kind === 'primary'),
    counterclaims: results.filter((r) => r.kind === 'counterclaim'),
  };
}
