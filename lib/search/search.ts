/**
 * The side panel's search (`searchCorpus`), the one function behind the panel's list and
 * counts and `npm run query`: so the CLI prints what the panel shows. Per
 * keystroke: one search (`rankedSearch`), then the filters over its hits as
 * typed arrays (`filterDocs`; the facet counts only when read), and
 * `Result`s built only for what is shown. On a corpus 1,000 times today's a broad word matches tens of
 * thousands of statements, and the panel has one frame: nothing here is
 * per-hit beyond arithmetic. An empty query browses the whole corpus in its
 * own order (documents in file order, statements in text order).
 */
import { facetTable, filterDocs, hasFilters, type FacetCounts, type FacetFilters, type Filtered } from './facets.ts';
import type { Corpus } from './load.ts';
import { rankedSearch } from './query.ts';
import { type Result, toResult } from './result.ts';
import { topK } from './top.ts';

/**
 * One query's answer. For a non-empty query its counts and any results not
 * yet built come from the search's hits, which the next search of the same
 * corpus overwrites (lib/search/postings.ts, `Hits`): read them before
 * searching again (the panel holds one answer, for what is typed now), or
 * they throw rather than answer for another query.
 */
export interface SearchAnswer {
  /** How many statements the query matched before filters (the whole corpus for an empty query). */
  matched: number;
  /** How many of them pass the filters: the list's length. */
  total: number;
  /** The facet counts; worked out when first read (the panel reads them only while its filters are open). */
  readonly counts: FacetCounts;
  /** The first `n` of the list, best first. */
  first(n: number): Result[];
  /** The whole list in order (export, grouping by topic); built on first call. */
  all(): Result[];
}

const browseCache = new WeakMap<Corpus, Result[]>();

/** Every statement as a result, in data order. */
export function allStatements(corpus: Corpus): Result[] {
  let all = browseCache.get(corpus);
  if (!all) {
    all = corpus.byDoc.map((s) => toResult(corpus, s, 1, new Set()));
    browseCache.set(corpus, all);
  }
  return all;
}

const identities = new WeakMap<Corpus, Uint32Array>();

/** 0, 1, … up to the last document number. */
function everyDoc(corpus: Corpus): Uint32Array {
  let docs = identities.get(corpus);
  if (!docs) identities.set(corpus, (docs = Uint32Array.from(corpus.byDoc, (_, doc) => doc)));
  return docs;
}

/**
 * The positions of `docs` that pass `filters`, and the facet counts over
 * `docs` when first asked for. Without a filter every position passes, and
 * nothing walks the matches unless the counts are read: a broad word on a
 * large corpus matches tens of thousands of statements, and tallying them
 * for filters nobody has open was a good part of a keystroke.
 */
function filtered(corpus: Corpus, docs: Uint32Array, filters: FacetFilters): { passing: Uint32Array; counts: () => FacetCounts } {
  const table = facetTable(corpus);
  let done: Filtered | undefined;
  const run = () => (done ??= filterDocs(table, docs, filters));
  // Positions 0 … n-1 are the first n document numbers.
  const passing = hasFilters(filters) ? run().passing : everyDoc(corpus).subarray(0, docs.length);
  return { passing, counts: () => run().counts };
}

/**
 * Prefix and fuzzy matching over text, speaker names and topic words. A
 * result must match at least half of the query's distinct words (synonyms
 * count: "semiconductor" is matched by "chips"), so a long query about
 * something else ("Apple iPhone battery life review") does not return the
 * one quote that mentions an iPhone. Scores are relative to the best hit.
 */
export function searchCorpus(corpus: Corpus, query: string, filters: FacetFilters = {}): SearchAnswer {
  if (!String(query).trim()) {
    const all = allStatements(corpus);
    // Positions in the whole corpus are document numbers.
    const { passing, counts } = filtered(corpus, everyDoc(corpus), filters);
    return {
      matched: all.length,
      total: passing.length,
      get counts() {
        return counts();
      },
      first: (n) => Array.from(passing.subarray(0, n), (doc) => all[doc]!),
      all: () => Array.from(passing, (doc) => all[doc]!),
    };
  }
  const ranked = rankedSearch(corpus, query);
  // Positions in the hits are hit numbers.
  const { passing: hits, counts } = filtered(corpus, ranked.hits.docs, filters);
  const ranking = (n: number) => {
    ranked.check();
    return topK(hits.length, n, (a, b) => ranked.compare(hits[a]!, hits[b]!)).map((i) => ranked.result(hits[i]!));
  };
  let all: Result[] | undefined;
  return {
    matched: ranked.hits.docs.length,
    total: hits.length,
    get counts() {
      ranked.check();
      return counts();
    },
    first: (n) => (all ? all.slice(0, n) : ranking(n)),
    all: () => (all ??= ranking(hits.length)),
  };
}
