import { describe, expect, it } from 'vitest';
import { wordOdds, wordFeatures } from '../../../../lib/search/card-words.ts';

describe('card word model', () => {
  const model = { security: { bias: -2, words: { security: 3, network: 1 } }, trade: { bias: -1, words: { tariff: 2 } } };

  it('reads a paragraph as the index reads words: stemmed, stop words out, synonym heads added', () => {
    expect(wordFeatures('The networks were banned for security')).toEqual(['network', 'banned', 'sanction', 'security']);
  });

  it('raises a matter (or side) by its words, scaled by 1/√(number of words), and leaves others at their bias', () => {
    const odds = wordOdds(model, ['security', 'network', 'huawei', 'ban']);
    expect(odds.get('security')).toBeCloseTo(1 / (1 + Math.exp(-(-2 + (3 + 1) / 2))));
    expect(odds.get('trade')).toBeCloseTo(1 / (1 + Math.exp(1)));
  });

  it('gives any word list, prototype names included, a number in [0, 1]', () => {
    for (const words of [[], ['constructor', '__proto__', 'toString', 'hasOwnProperty']]) {
      for (const p of wordOdds(model, words).values()) {
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
      }
    }
  });
});
