/**
 * How many bits of a 32-bit integer are set. Sets of query terms and of
 * topics travel as bit masks in the search's typed arrays.
 * @example popcount(0b1011) === 3
 */
export function popcount(x: number): number {
  let n = x - ((x >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
