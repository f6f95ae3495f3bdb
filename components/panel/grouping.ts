/**
 * Results grouped by topic, each claim followed by what disputes or answers
 * it, so a researcher reads a pledge and its rebuttals together. Pure: the
 * grouped list view and the overview share it.
 */
import { TOPICS } from '../../lib/corpus/topics.ts';
import type { Topic } from '../../lib/corpus/types.ts';
import type { Result } from '../../lib/search/result.ts';

/** A claim and the statements linked to it by `answers`, in either direction. */
export interface Thread {
  claim: Result;
  replies: Result[];
}

export interface TopicGroup {
  /** null: statements with no topic. */
  topic: Topic | null;
  /** Distinct statements in the group. */
  count: number;
  threads: Thread[];
  /** Statements linked to no claim of the group: lone counterclaims, reporting. */
  loose: Result[];
}

function linked(a: Result, b: Result): boolean {
  return a.answers.includes(b.id) || b.answers.includes(a.id);
}

/** Threads of one topic's members: every primary statement leads one; each statement appears once. */
function threadsOf(members: readonly Result[]): { threads: Thread[]; loose: Result[] } {
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
}

/**
 * One group per topic present, in the corpus's topic order, then one for
 * statements without a topic. A statement with two topics is in both
 * groups, as it is in both topic filters. Order inside follows `results`.
 */
export function groupByTopic(results: readonly Result[]): TopicGroup[] {
  const groups: TopicGroup[] = [];
  for (const topic of TOPICS) {
    const members = results.filter((r) => r.topics.includes(topic));
    if (members.length) groups.push({ topic, count: members.length, ...threadsOf(members) });
  }
  const none = results.filter((r) => r.topics.length === 0);
  if (none.length) groups.push({ topic: null, count: none.length, ...threadsOf(none) });
  return groups;
}
