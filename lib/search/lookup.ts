import type { Corpus } from './load.ts';
import { cardQuery } from './query.ts';
import type { Result } from './result.ts';

/**
 * The card's answer for a mention: the card query's results split into the
 * parties' own words and the claims that dispute them. Reporting (`context`)
 * records stay in the side panel; the card is for the parties' positions.
 */
export function lookupCard(corpus: Corpus, mention: string, context: string): { primary: Result[]; counterclaims: Result[] } {
  const results = cardQuery(corpus, mention, context);
  return {
    primary: results.filter((r) => r.kind === 'primary'),
    counterclaims: results.filter((r) => r.kind === 'counterclaim'),
  };
}
