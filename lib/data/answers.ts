/**
 * `Statement.answers` points one way (a rebuttal lists the claim it rebuts);
 * the card, the panel and the search also need the other way. One function
 * reads the links backwards for all of them, so they agree on what a link
 * is: an item linking to itself, or to the same target twice, counts once
 * or not at all.
 */

/** For each target id, the items whose `answers` list it, in input order. */
export function answeredBy<T extends { id: string; answers: readonly string[] }>(items: Iterable<T>): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    for (const target of new Set(item.answers)) {
      if (target === item.id) continue;
      const list = out.get(target);
      if (list) list.push(item);
      else out.set(target, [item]);
    }
  }
  return out;
}
