import type { Mention } from './types.ts';

/**
 * The mentions of one block a reader wants highlighted under the "first in
 * each paragraph" setting: the first occurrence of each term. A paragraph
 * that names Huawei five times and the Entity List once keeps one of each,
 * so every matter the paragraph raises still opens its card, and a page
 * naming Huawei forty times is not painted forty times.
 * @example firstOfEachTerm(findMentions("Huawei said… Huawei added… sanctions")) keeps the first "Huawei" and "sanctions".
 */
export function firstOfEachTerm<M extends Pick<Mention, 'term'>>(mentions: readonly M[]): M[] {
  const seen = new Set<string>();
  return mentions.filter((m) => !seen.has(m.term) && seen.add(m.term));
}
