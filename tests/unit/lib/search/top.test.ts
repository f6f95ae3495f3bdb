import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { topK } from '../../../../lib/search/top.ts';

describe('topK (lib/search/top.ts)', () => {
  it('is the first k of a stable full sort, ties and all (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 200 }), fc.integer({ min: -2, max: 220 }), (scores, k) => {
        const byScore = (a: number, b: number) => scores[b]! - scores[a]!;
        const full = scores.map((_, i) => i).sort((a, b) => byScore(a, b) || a - b);
        expect(topK(scores.length, k, byScore)).toEqual(full.slice(0, Math.max(0, k)));
      }),
      { numRuns: 500 },
    );
  });

  it('takes fractional and absurd k without complaint', () => {
    expect(topK(3, 1.9, (a, b) => a - b)).toEqual([0]);
    expect(topK(0, 5, () => 0)).toEqual([]);
    expect(topK(4, Infinity, (a, b) => b - a)).toEqual([3, 2, 1, 0]);
    expect(topK(4, Number.NaN, (a, b) => b - a)).toEqual([]);
  });
});
