/**
 * The `k` first of `n` items in the order `compare` gives (negative: a
 * before b), as their indexes, first first. A side-panel query can match
 * tens of thousands of statements and shows thirty: keeping the k best in a
 * heap costs n log k comparisons instead of the n log n of a full sort.
 * Stable for items `compare` calls equal: the earlier index comes first.
 * @example topK(5, 2, (a, b) => scores[b] - scores[a]) // indexes of the two highest scores
 */
export function topK(n: number, k: number, compare: (a: number, b: number) => number): number[] {
  const limit = Math.min(n, Math.floor(k));
  if (!(limit > 0)) return [];
  const order = (a: number, b: number) => compare(a, b) || a - b;
  // A heap with the last-placed item kept at the root, so it is the one a better item replaces.
  const heap: number[] = [];
  const siftDown = (at: number) => {
    for (;;) {
      const left = at * 2 + 1;
      if (left >= heap.length) return;
      const right = left + 1;
      const worse = right < heap.length && order(heap[right]!, heap[left]!) > 0 ? right : left;
      if (order(heap[worse]!, heap[at]!) <= 0) return;
      [heap[at], heap[worse]] = [heap[worse]!, heap[at]!];
      at = worse;
    }
  };
  for (let i = 0; i < n; i++) {
    if (heap.length < limit) {
      heap.push(i);
      for (let at = heap.length - 1; at > 0; ) {
        const parent = (at - 1) >> 1;
        if (order(heap[at]!, heap[parent]!) <= 0) break;
        [heap[at], heap[parent]] = [heap[parent]!, heap[at]!];
        at = parent;
      }
    } else if (order(i, heap[0]!) < 0) {
      heap[0] = i;
      siftDown(0);
    }
  }
  return heap.sort(order);
}
