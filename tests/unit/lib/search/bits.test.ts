import fc from 'fast-check';
import { expect, it } from 'vitest';
import { popcount } from '../../../../lib/search/bits.ts';

it('popcount counts the set bits of any 32-bit integer (property)', () => {
  fc.assert(
    fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 32 - 1 }), (x) => {
      expect(popcount(x)).toBe([...(x >>> 0).toString(2)].filter((b) => b === '1').length);
    }),
  );
});
