/**
 * What the search view shows for a query and filters: one `searchCorpus`
 * call per keystroke (every match, so facet counts cover all of them), then
 * filters and counts over that answer in memory. An empty query browses the
 * whole corpus in its own order.
 */
import { applyFilters, facetCounts, type FacetCounts, type FacetFilters } from '../../lib/search/facets.ts';
import type { Corpus } from '../../lib/search/load.ts';
import { searchCorpus } from '../../lib/search/query.ts';
import { type Result, toResult } from '../../lib/search/result.ts';

export interface SearchModel {
  /** The query's matches before filtering (the whole corpus for an empty query). */
  matches: Result[];
  /** `matches` after filters: the list shown and exported. */
  results: Result[];
  counts: FacetCounts;
}

const browseCache = new WeakMap<Corpus, Result[]>();

/** Every statement as a result, in data order (documents in file order, statements in text order). */
export function allStatements(corpus: Corpus): Result[] {
  let all = browseCache.get(corpus);
  if (!all) {
    all = [...corpus.statements.values()].map((s) => toResult(corpus, s, 1, new Set()));
    browseCache.set(corpus, all);
  }
  return all;
}

export function searchModel(corpus: Corpus, query: string, filters: FacetFilters): SearchModel {
  const matches = query.trim() ? searchCorpus(corpus, query, { limit: corpus.statements.size }) : allStatements(corpus);
  return { matches, results: applyFilters(matches, filters), counts: facetCounts(matches, filters) };
}
