import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupByTopic, type TopicGroup, type Thread } from '../../../../components/panel/grouping.ts';
import { type Topic, TOPICS } from '../../../../lib/vocabulary/topics.ts';
import type { Kind } from '../../../../lib/data/types.ts';
import type { Result } from '../../../../lib/search/result.ts';

function result(id: string, kind: Kind, topics: Topic[], answers: string[] = []): Result {
  return {
    id,
    kind,
    voice: 'quote',
    speaker: { id: 'test-speaker', name: 'Test Speaker', role: 'Fixture role', side: 'press' },
    side: 'press',
    text: `Statement ${id}.`,
    topics,
    score: 1,
    source: { file: 'test.txt', title: null, publisher: null, date: null, url: null },
    terms: [],
    answers,
  };
}

/** The plain rule, a filter over all members per claim: the oracle. */
function referenceGroups(results: readonly Result[]): TopicGroup[] {
  const linked = (a: Result, b: Result) => a.answers.includes(b.id) || b.answers.includes(a.id);
  const threadsOf = (members: readonly Result[]) => {
    const placed = new Set<string>();
    const threads: Thread[] = [];
    for (const claim of members) {
      if (claim.kind !== 'primary' || placed.has(claim.id)) continue;
      placed.add(claim.id);
      const replies = members.filter((r) => r.kind !== 'primary' && !placed.has(r.id) && linked(claim, r));
      for (const r of replies) placed.add(r.id);
      threads.push({ claim, replies });
    }
    return { threads, loose: members.filter((r) => !placed.has(r.id)) };
  };
  const groups: TopicGroup[] = [];
  for (const topic of TOPICS) {
    const members = results.filter((r) => r.topics.includes(topic));
    if (members.length) groups.push({ topic, count: members.length, ...threadsOf(members) });
  }
  const none = results.filter((r) => r.topics.length === 0);
  if (none.length) groups.push({ topic: null, count: none.length, ...threadsOf(none) });
  return groups;
}

/** Groups as positions in `results`, so the very objects (not look-alikes) are compared. */
function positions(groups: TopicGroup[], results: readonly Result[]) {
  const at = (r: Result) => results.indexOf(r);
  return groups.map((g) => ({
    topic: g.topic,
    count: g.count,
    threads: g.threads.map((t) => [at(t.claim), t.replies.map(at)]),
    loose: g.loose.map(at),
  }));
}

describe('groupByTopic', () => {
  it('threads a claim with what answers it and what it answers, in results order', () => {
    const results = [
      result('c1', 'counterclaim', ['no-spy'], ['p1']),
      result('p1', 'primary', ['no-spy'], ['x1']),
      result('x1', 'context', ['no-spy']),
      result('lone', 'counterclaim', ['no-spy'], ['elsewhere']),
      result('p2', 'primary', ['no-spy']),
      result('c2', 'counterclaim', ['no-spy'], ['p1', 'p2']),
      result('n1', 'context', []),
    ];
    const groups = groupByTopic(results);
    expect(positions(groups, results)).toEqual([
      { topic: 'no-spy', count: 6, threads: [[1, [0, 2, 5]], [4, []]], loose: [3] },
      { topic: null, count: 1, threads: [], loose: [6] },
    ]);
  });

  it('gives the same groups as the plain per-claim filter, for any results', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    // Links also go to ids not in the list (y, z); ids may repeat, links may cycle or repeat.
    const arb = fc.array(
      fc.record({
        id: fc.constantFrom(...ids),
        kind: fc.constantFrom<Kind>('primary', 'counterclaim', 'context'),
        topics: fc.array(fc.constantFrom<Topic>(...TOPICS.slice(0, 3)), { maxLength: 2 }),
        answers: fc.array(fc.constantFrom(...ids, 'y', 'z'), { maxLength: 4 }),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(arb, fc.array(fc.nat(), { maxLength: 3 }), (specs, again) => {
        const results = specs.map((s) => result(s.id, s.kind, s.topics, s.answers));
        // The very same result listed twice, too.
        if (results.length) for (const k of again) results.push(results[k % results.length]!);
        expect(positions(groupByTopic(results), results)).toEqual(positions(referenceGroups(results), results));
      }),
      { numRuns: 1000 },
    );
  });

  it('agrees with the oracle when ids are distinct, as in a real corpus', () => {
    const arb = fc.array(
      fc.record({
        kind: fc.constantFrom<Kind>('primary', 'counterclaim', 'context'),
        topics: fc.array(fc.constantFrom<Topic>(...TOPICS.slice(0, 2)), { maxLength: 2 }),
        answers: fc.array(fc.nat(40), { maxLength: 3 }),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(arb, (specs) => {
        const results = specs.map((s, i) => result(`s${i}`, s.kind, s.topics, s.answers.map((n) => `s${n}`)));
        expect(positions(groupByTopic(results), results)).toEqual(positions(referenceGroups(results), results));
      }),
      { numRuns: 500 },
    );
  });
});
