import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CARD_THRESHOLD, cardQuery } from '../../../lib/search/query.ts';
import { corpus } from './helpers.ts';

const LIANG_CONTEXT =
  'Huawei chairman Liang Hua told reporters in Shenzhen that the company is willing to sign a no-spy agreement with the United States.';

describe('cardQuery', () => {
  it('"no-spy" in a Liang Hua context: Liang Hua’s offer first, and a counterclaim that disputes it', () => {
    const results = cardQuery(corpus(), 'no-spy', LIANG_CONTEXT);
    expect(results[0]!.speaker.id).toBe('liang-hua');
    expect(results[0]!.kind).toBe('primary');
    expect(results[0]!.text).toBe('We are willing to sign no-spy agreements with countries');
    const counter = results.find((r) => r.kind === 'counterclaim');
    expect(counter).toBeDefined();
    expect(results.some((r) => r.kind === 'counterclaim' && r.answers.includes(results[0]!.id))).toBe(true);
    expect(results[0]!.terms).toContain('no-spy');
    expect(results[0]!.source).toEqual({
      file: '001_cf337998d25e89a1.txt',
      title: "Huawei Chairman Willing To Sign A 'No-Spy' Deal With The United States",
      publisher: 'KGOU (Oklahoma public radio, NPR member station), republishing NPR content',
      date: '2019-06-04',
      url: 'https://www.kgou.org/post/huawei-chairman-willing-sign-no-spy-deal-united-states',
    });
  });

  it('"Entity List" returns sanctions-related statements, with a party’s own words among them', () => {
    const results = cardQuery(corpus(), 'Entity List', 'The Commerce Department added Huawei to its Entity List in May 2019.');
    expect(results.length).toBeGreaterThanOrEqual(3);
    expect(results[0]!.topics).toContain('entity-list');
    for (const r of results) expect(r.topics.some((t) => t === 'entity-list' || t === 'sanctions'), r.text).toBe(true);
    expect(results.some((r) => r.kind === 'primary')).toBe(true);
    expect(results.some((r) => r.kind === 'counterclaim')).toBe(true);
  });

  it('"blacklist" is the Entity List too', () => {
    const results = cardQuery(corpus(), 'blacklist', 'Washington put the company on a trade blacklist.');
    expect(results.some((r) => r.topics.includes('entity-list'))).toBe(true);
    for (const r of results) expect(r.topics.some((t) => t === 'entity-list' || t === 'sanctions'), r.text).toBe(true);
  });

  it('an unrelated context returns nothing', () => {
    expect(cardQuery(corpus(), 'Huawei', 'Apple iPhone battery life review')).toEqual([]);
    expect(cardQuery(corpus(), 'Apple iPhone battery life review', 'Apple iPhone battery life review')).toEqual([]);
    expect(cardQuery(corpus(), 'Huawei', 'Huawei unveiled a foldable phone with a better camera and battery.')).toEqual([]);
  });

  it('a named person in the context brings that person’s statements', () => {
    const results = cardQuery(corpus(), 'Zhao Lijian', 'Foreign ministry spokesperson Zhao Lijian spoke on Tuesday.');
    expect(results.length).toBeGreaterThan(0);
    expect(results[0]!.speaker.id).toBe('zhao-lijian');
  });

  it('the same question gets the same answer, best first, all above the threshold', () => {
    const a = cardQuery(corpus(), 'backdoor', 'There is no evidence of a backdoor in Huawei equipment.');
    const b = cardQuery(corpus(), 'backdoor', 'There is no evidence of a backdoor in Huawei equipment.');
    expect(a).toEqual(b);
    expect(a.length).toBeGreaterThan(0);
    for (let i = 1; i < a.length; i++) expect(a[i - 1]!.score).toBeGreaterThanOrEqual(a[i]!.score);
    for (const r of a) expect(r.score).toBeGreaterThanOrEqual(CARD_THRESHOLD);
    for (const r of a) expect(r.score).toBeLessThanOrEqual(1);
  });

  it('regex metacharacters, empty strings and 100 KB strings are valid questions', () => {
    const c = corpus();
    expect(cardQuery(c, '', '')).toEqual([]);
    expect(cardQuery(c, '.*+?^${}()|[]\\', '(((')).toEqual([]);
    const huge = 'no-spy sanctions '.repeat(6500);
    expect(huge.length).toBeGreaterThan(100_000);
    const started = performance.now();
    const results = cardQuery(c, huge, huge);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(Array.isArray(results)).toBe(true);
    expect(results.length).toBeGreaterThan(0);
  });

  it('property: any input gives a well-formed, sorted, limited answer', () => {
    const c = corpus();
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.string({ maxLength: 300 }), (mention, context) => {
        const results = cardQuery(c, mention, context);
        expect(results.length).toBeLessThanOrEqual(6);
        for (let i = 1; i < results.length; i++) expect(results[i - 1]!.score).toBeGreaterThanOrEqual(results[i]!.score);
        for (const r of results) expect(c.statements.get(r.id)?.text).toBe(r.text);
      }),
      { numRuns: 200 },
    );
  });
});
