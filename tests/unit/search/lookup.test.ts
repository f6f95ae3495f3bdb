import { describe, expect, it } from 'vitest';
import { lookupCard } from '../../../lib/search/lookup.ts';
import { cardQuery } from '../../../lib/search/query.ts';
import { corpus } from './helpers.ts';

const LIANG_CONTEXT =
  'Huawei chairman Liang Hua said the company was willing to sign a no-spy agreement with the United States, repeating an offer the Chinese firm has made to European governments.';

describe('lookupCard', () => {
  it('splits the card query into the parties’ own words and the claims that dispute them, keeping order', () => {
    const answer = lookupCard(corpus(), 'no-spy agreement', LIANG_CONTEXT);
    const ranked = cardQuery(corpus(), 'no-spy agreement', LIANG_CONTEXT);
    expect(answer.primary.map((r) => r.id)).toEqual(ranked.filter((r) => r.kind === 'primary').map((r) => r.id));
    expect(answer.counterclaims.map((r) => r.id)).toEqual(ranked.filter((r) => r.kind === 'counterclaim').map((r) => r.id));
    expect(answer.primary[0]!.speaker.name).toBe('Liang Hua');
    expect(answer.counterclaims.length).toBeGreaterThan(0);
  });

  it('emphasizes the words of the mention, not every context word the statement shares', () => {
    const { primary } = lookupCard(corpus(), 'no-spy agreement', LIANG_CONTEXT);
    const offer = primary.find((r) => r.text === 'We are willing to sign no-spy agreements with countries')!;
    expect(offer.terms).toEqual(expect.arrayContaining(['no-spy', 'agreements']));
    expect(offer.terms).not.toContain('willing');
    expect(offer.terms).not.toContain('sign');
  });

  it('answers nothing when neither mention nor context is about the corpus topics', () => {
    expect(lookupCard(corpus(), 'Huawei', 'Apple iPhone battery life review')).toEqual({ primary: [], counterclaims: [] });
  });
});
