/**
 * The `answers` links of the corpus read both ways: what a statement
 * disputes or answers, and what disputes or answers it. Built once per
 * corpus; the result list and the reader show both directions.
 */
import type { Statement } from '../../lib/data/types.ts';
import type { Corpus } from '../../lib/search/load.ts';

export interface Links {
  /** Statements `id` answers or disputes. */
  answers(id: string): Statement[];
  /** Statements that answer or dispute `id`. */
  answeredBy(id: string): Statement[];
}

const cache = new WeakMap<Corpus, Links>();

export function linksOf(corpus: Corpus): Links {
  const cached = cache.get(corpus);
  if (cached) return cached;
  const links: Links = {
    answers: (id) =>
      [...new Set(corpus.statements.get(id)?.answers ?? [])]
        .filter((t) => t !== id)
        .map((t) => corpus.statements.get(t))
        .filter((s): s is Statement => s !== undefined),
    answeredBy: (id) => (corpus.answeredBy.get(id) ?? []).map((by) => corpus.statements.get(by)!),
  };
  cache.set(corpus, links);
  return links;
}
