import { describe, expect, it } from 'vitest';
import { processTerm, tokenize } from '../../../../lib/data/index-options.ts';
import { FACET_KEYS, facetTable, filterDocs, type FacetFilters } from '../../../../lib/search/facets.ts';
import { rankedSearch } from '../../../../lib/search/query.ts';
import { searchCorpus } from '../../../../lib/search/search.ts';

/** The panel's first `limit` results: what the panel lists and `npm run query` prints. */
const listed = (corpus: Parameters<typeof searchCorpus>[0], query: string, filters: FacetFilters & { limit?: number } = {}) => searchCorpus(corpus, query, filters).first(filters.limit ?? 20);
import { corpus } from './helpers.ts';

describe('query normalisation (index-options.ts)', () => {
  const terms = (text: string) => tokenize(text).flatMap((t) => [processTerm(t)].flat().filter((x): x is string => !!x));

  it('"no spy", "no-spy" and "nospy" are one term', () => {
    expect(terms('no spy')).toEqual(terms('no-spy'));
    expect(terms('nospy')).toEqual(terms('no-spy'));
  });

  it('"U.S.", "U.S", "US" and "United States" are one term; the pronoun "us" is a stop word', () => {
    for (const v of ['U.S.', 'U.S', 'US', 'United States']) expect(terms(`the ${v} ban`), v).toEqual(terms('the U.S. ban'));
    expect(terms('give us time')).toEqual(['give', 'time']);
  });

  it('"back door" and "backdoor", "Entity List" and "blacklist", "semiconductor" and "chips" meet', () => {
    expect(terms('back door')).toEqual(terms('backdoor'));
    expect(terms('blacklist')).toContain('entitylist');
    expect(terms('semiconductors')).toContain('chip');
  });
});

describe('searchCorpus', () => {
  it('"Ren" and "Ren Zhengfei" find Ren Zhengfei’s statements; a typo still does', () => {
    for (const q of ['Ren', 'Ren Zhengfei', 'Zhengfie']) {
      const results = listed(corpus(), q);
      expect(results.length, q).toBeGreaterThan(5);
      expect(results.slice(0, 5).every((r) => r.speaker.id === 'ren-zhengfei'), q).toBe(true);
    }
  });

  it('prefix search: "sanc" finds sanctions', () => {
    expect(listed(corpus(), 'sanc').some((r) => r.topics.includes('sanctions'))).toBe(true);
  });

  it('synonyms: "semiconductor" finds statements that say "chips"', () => {
    const results = listed(corpus(), 'semiconductor');
    expect(results.some((r) => /\bchips\b/.test(r.text) && !/semiconductor/i.test(r.text))).toBe(true);
  });

  it('"back door" finds the backdoor statements', () => {
    const results = listed(corpus(), 'back door');
    expect(results.length).toBeGreaterThan(0);
    expect(results[0]!.topics).toContain('backdoor');
  });

  it('filters by kind, side and speaker', () => {
    const counter = listed(corpus(), 'Huawei', { kinds: ['counterclaim'] });
    expect(counter.length).toBeGreaterThan(0);
    expect(counter.every((r) => r.kind === 'counterclaim')).toBe(true);
    const us = listed(corpus(), 'Huawei', { sides: ['us-government'] });
    expect(us.every((r) => r.side === 'us-government')).toBe(true);
    expect(listed(corpus(), 'spy', { speakers: ['zhao-lijian'] }).every((r) => r.speaker.id === 'zhao-lijian')).toBe(true);
  });

  it('counts read after the answer are the counts of every match, with and without filters, the query or an empty one', () => {
    const c = corpus();
    const table = facetTable(c);
    for (const query of ['Huawei', 'spy', '']) {
      for (const filters of [{}, { kinds: ['primary'] }] as FacetFilters[]) {
        // The expected counts first: a search's hits are overwritten by the next search.
        const docs = query ? rankedSearch(c, query).hits.docs : Uint32Array.from(c.byDoc, (_, d) => d);
        const expected = filterDocs(table, docs, filters);
        const answer = searchCorpus(c, query, filters);
        expect(answer.total).toBe(expected.passing.length);
        for (const key of FACET_KEYS) expect([...answer.counts[key].entries()]).toEqual([...expected.counts[key].entries()]);
      }
    }
  });

  it('an answer read after a later search of the same corpus throws instead of answering for the other query', () => {
    const c = corpus();
    const huawei = searchCorpus(c, 'Huawei');
    searchCorpus(c, 'spy');
    expect(() => huawei.first(5)).toThrow(/search "Huawei": its hits were reused by a later search/);
    expect(() => huawei.counts).toThrow(/reused by a later search/);
    // A whole list built before the later search is kept, and read from.
    const sanctions = searchCorpus(c, 'sanctions');
    const whole = sanctions.all();
    searchCorpus(c, 'spy');
    expect(sanctions.all()).toBe(whole);
    expect(sanctions.first(3)).toEqual(whole.slice(0, 3));
  });

  it('a query about something else returns nothing (half the words must match)', () => {
    expect(listed(corpus(), 'Apple iPhone battery life review')).toEqual([]);
  });

  it('empty, stop-word-only, metacharacter and 100 KB queries are valid', () => {
    // An empty query browses the corpus in data order, as the panel does.
    expect(listed(corpus(), '').map((r) => r.id)).toEqual(corpus().byDoc.slice(0, 20).map((s) => s.id));
    expect(listed(corpus(), 'the of and')).toEqual([]);
    expect(listed(corpus(), '.*+?^${}()|[]\\')).toEqual([]);
    const huge = 'x'.repeat(100_000);
    expect(listed(corpus(), huge)).toEqual([]);
    expect(Array.isArray(listed(corpus(), `Huawei ${'sanctions '.repeat(12_000)}`))).toBe(true);
  });
});
