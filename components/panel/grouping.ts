/**
 * Results grouped by topic, each claim followed by what disputes or answers
 * it, so a researcher reads a pledge and its rebuttals together. Pure: the
 * grouped list view and the overview share it.
 */
import { type Topic, TOPICS } from '../../lib/vocabulary/topics.ts';
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

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Threads of one topic's members: every primary statement leads one, its
 * replies are the other-kind members linked to it by `answers` in either
 * direction, and each statement appears once.
 *
 * The overview groups the whole corpus, so a filter over all members per
 * claim (quadratic) would freeze the panel on a large one. Instead the links
 * are indexed once: member positions by id, and by each id they answer, both
 * for non-primary members only, since only those can be replies. The output
 * is that of the plain rule: replies in members order, taken by id (a
 * member whose id was already placed is neither a reply nor loose).
 */
function threadsOf(members: readonly Result[]): { threads: Thread[]; loose: Result[] } {
  // Ids and kinds read once, by position: the loops below read them many times.
  const ids = members.map((r) => r.id);
  const primary = members.map((r) => r.kind === 'primary');
  const byId = new Map<string, number[]>();
  const answering = new Map<string, number[]>();
  members.forEach((r, i) => {
    if (primary[i]) return;
    push(byId, ids[i]!, i);
    for (const id of r.answers) push(answering, id, i);
  });
  const placed = new Set<string>();
  const taken = new Uint8Array(members.length);
  const threads: Thread[] = [];
  members.forEach((claim, c) => {
    const claimId = ids[c]!;
    if (!primary[c] || placed.has(claimId)) return;
    // Placed first, so a member sharing the claim's id is not its reply.
    placed.add(claimId);
    // Candidates: members the claim answers, then members answering it.
    // `taken` drops a member found both ways; `placed` is read before any
    // of this claim's replies are added, so same-id members all come along.
    const found: number[] = [];
    const take = (i: number) => {
      if (!taken[i] && !placed.has(ids[i]!)) {
        taken[i] = 1;
        found.push(i);
      }
    };
    // Linear: an id's list is walked until that id is placed (all of its
    // members then become replies), and each claim id is looked up once.
    for (const id of claim.answers) if (!placed.has(id)) for (const i of byId.get(id) ?? []) take(i);
    for (const i of answering.get(claimId) ?? []) take(i);
    // Back to members order; a claim has few replies, so sorting is cheap.
    const replies = found.sort((a, b) => a - b).map((i) => members[i]!);
    for (const i of found) placed.add(ids[i]!);
    threads.push({ claim, replies });
  });
  return { threads, loose: members.filter((_, i) => !placed.has(ids[i]!)) };
}

/**
 * One group per topic present, in the corpus's topic order, then one for
 * statements without a topic. A statement with two topics is in both
 * groups, as it is in both topic filters. Order inside follows `results`.
 */
export function groupByTopic(results: readonly Result[]): TopicGroup[] {
  // One pass rather than a filter per topic: this runs on the whole corpus.
  const byTopic = new Map<Topic, Result[]>(TOPICS.map((t) => [t, []]));
  const none: Result[] = [];
  for (const r of results) {
    const topics = r.topics;
    if (!topics.length) none.push(r);
    // A topic listed twice still puts the statement in its group once.
    topics.forEach((t, j) => topics.indexOf(t) === j && byTopic.get(t)?.push(r));
  }
  const groups: TopicGroup[] = [];
  for (const [topic, members] of byTopic) if (members.length) groups.push({ topic, count: members.length, ...threadsOf(members) });
  if (none.length) groups.push({ topic: null, count: none.length, ...threadsOf(none) });
  return groups;
}
