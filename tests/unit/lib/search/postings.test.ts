import fc from 'fast-check';
import MiniSearch, { type AsPlainObject, type SearchOptions } from 'minisearch';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toIndexDoc } from '../../../../lib/data/indexer.ts';
import { CARD_SEARCH, type IndexDoc, INDEX_OPTIONS, PANEL_SEARCH } from '../../../../lib/data/index-options.ts';
import { type Hits, matchedTerms, Postings } from '../../../../lib/search/postings.ts';
import type { Statement } from '../../../../lib/data/types.ts';
import { DATA } from './helpers.ts';

/**
 * `Postings.search` claims to answer as `MiniSearch#search` does with the
 * same options. MiniSearch itself is the oracle: same documents, same
 * scores (to rounding), same query terms and index terms matched.
 */

/** MiniSearch's answer for already processed terms: its own tokenizer and term processing are bypassed. */
function oracle(index: MiniSearch<IndexDoc>, terms: string[], options: SearchOptions) {
  return index.search(terms.join(' '), { ...options, tokenize: (s) => s.split(' '), processTerm: (t) => t });
}

function expectSame(postings: Postings, index: MiniSearch<IndexDoc>, terms: string[], options: SearchOptions, boost?: (id: string) => number) {
  const hits: Hits = postings.search(terms, options, boost && Float64Array.from(postings.ids, (id) => boost(id)));
  const expected = oracle(index, terms, boost ? { ...options, boostDocument: (id) => boost(String(id)) } : options);
  const got = new Map(
    Array.from(hits.docs, (doc, h) => {
      const matched = matchedTerms(hits, h);
      return [postings.ids[doc]!, { score: hits.scores[h]!, queryTerms: matched.sort(), terms: [...postings.termsIn(doc, hits.expansions)].sort() }];
    }),
  );
  expect([...got.keys()].sort(), terms.join(' ')).toEqual(expected.map((r) => String(r.id)).sort());
  for (const r of expected) {
    const mine = got.get(String(r.id))!;
    expect(Math.abs(mine.score - r.score) / r.score, `${terms.join(' ')}: ${r.id}`).toBeLessThan(1e-9);
    expect(mine.queryTerms).toEqual([...r.queryTerms].sort());
    expect(mine.terms).toEqual([...r.terms].sort());
  }
}

/** A MiniSearch index and the Postings unpacked from its JSON, as data/index.json travels. */
function both(docs: IndexDoc[]) {
  const index = new MiniSearch<IndexDoc>(INDEX_OPTIONS);
  index.addAll(docs);
  return { index, postings: new Postings(JSON.parse(JSON.stringify(index)) as AsPlainObject) };
}

const shipped = (() => {
  const statements = JSON.parse(readFileSync(join(DATA, 'statements.json'), 'utf8')) as Statement[];
  return { statements, ...both(statements.map((s) => toIndexDoc(s))) };
})();

describe('Postings (lib/search/postings.ts) answers as MiniSearch does', () => {
  const vocabulary = [...new Set(shipped.statements.flatMap((s) => s.text.toLowerCase().split(/[^\p{L}\p{N}]+/u)))].filter((w) => w.length > 1);
  /** A query term as a reader produces one: a corpus word, a prefix of it, a typo in it, or a stranger. */
  const term = fc.oneof(
    fc.constantFrom(...vocabulary),
    fc.constantFrom(...vocabulary).chain((w) => fc.integer({ min: 1, max: w.length }).map((n) => w.slice(0, n))),
    fc.tuple(fc.constantFrom(...vocabulary), fc.nat(), fc.constantFrom('a', 'e', 'x', '')).map(([w, at, c]) => w.slice(0, at % w.length) + c + w.slice((at % w.length) + 1)),
    fc.constantFrom('nospy', 'usa', 'huawei', 'zhengfei', 'sanction', 'chip', 'entitylist', 'qqqq'),
  );

  it('on the shipped corpus, for the panel options, the card options and a document boost (property)', () => {
    const kindWeight = new Map(shipped.statements.map((s) => [s.id, s.kind === 'context' ? 0.8 : 1]));
    fc.assert(
      fc.property(fc.array(term, { minLength: 1, maxLength: 8 }), (terms) => {
        expectSame(shipped.postings, shipped.index, terms, PANEL_SEARCH);
        expectSame(shipped.postings, shipped.index, terms, CARD_SEARCH);
        expectSame(shipped.postings, shipped.index, terms, PANEL_SEARCH, (id) => kindWeight.get(id)!);
      }),
      { numRuns: 300 },
    );
  });

  it('on any small corpus, with repeated terms and empty fields (property)', () => {
    const word = fc.constantFrom('spy', 'spying', 'spies', 'huawei', 'huaweis', 'ban', 'bank', 'banned', 'chip', 'chips', 'usa', 'trade', 'tra');
    const text = fc.array(word, { maxLength: 12 }).map((w) => w.join(' '));
    const docs = fc.array(fc.record({ text, speaker: text, topics: text }), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(docs, fc.array(word, { minLength: 1, maxLength: 5 }), (raw, terms) => {
        const { index, postings } = both(raw.map((d, i) => ({ id: `d${i}`, ...d })));
        expectSame(postings, index, terms, PANEL_SEARCH);
        expectSame(postings, index, terms, { ...PANEL_SEARCH, prefix: true, fuzzy: 0.4, weights: { fuzzy: 0.3, prefix: 0.6 }, bm25: { k: 2, b: 0.3, d: 1 } });
      }),
      { numRuns: 200 },
    );
  });

  it('numbers documents in data order, and says so when the index is not what npm run index writes', () => {
    expect(shipped.postings.ids).toEqual(shipped.statements.map((s) => s.id));
    expect(shipped.postings.termCount).toBe(shipped.index.termCount);
    const plain = JSON.parse(JSON.stringify(shipped.index)) as AsPlainObject;
    expect(() => new Postings({ ...plain, serializationVersion: 1 })).toThrow(/serialization version 1, expected 2; run npm run index/);
    expect(() => new Postings({ ...plain, fieldIds: { text: 0, speaker: 2, topics: 1 } })).toThrow(/fields .* expected text, speaker, topics/);
    expect(() => shipped.postings.search(['a'], { ...PANEL_SEARCH, combineWith: 'AND' })).toThrow(/OR only/);
  });

  it('leaves no trace of one search in the next', () => {
    // Copied: a search's hits are views the next search overwrites.
    const first = structuredClone(shipped.postings.search(['huawei'], PANEL_SEARCH));
    shipped.postings.search(['spy', 'usa', 'sanction'], PANEL_SEARCH);
    const again = shipped.postings.search(['huawei'], PANEL_SEARCH);
    expect(Array.from(again.docs)).toEqual(Array.from(first.docs));
    expect(Array.from(again.scores)).toEqual(Array.from(first.scores));
    expect(Array.from(again.masks)).toEqual(Array.from(first.masks));
  });
});
