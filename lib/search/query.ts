import { findMentions } from '../corpus/mentions.ts';
import { BROADER, detectTopics } from '../corpus/topics.ts';
import type { Kind, Side, Statement, Topic } from '../corpus/types.ts';
import type { Corpus } from './load.ts';
import { CARD_SEARCH, PANEL_SEARCH, processTerm, tokenize } from './options.ts';
import { type Result, roundScore, toResult } from './result.ts';
import { MAX_CONTEXT, MAX_MENTION, MAX_QUERY } from './limits.ts';

/**
 * The two questions the extension asks the corpus:
 * - `cardQuery`: what the hover card shows for a highlighted mention in its
 *   sentence or block (topic-gated, kinds mixed, empty when off-topic);
 * - `searchCorpus`: the side panel's free-text search (prefix + fuzzy,
 *   filters, a coverage threshold).
 * Inputs are clipped, so any string (empty, regex characters, 100 KB) is a
 * valid question with a valid, possibly empty, answer.
 */

/** At most this many distinct query words are matched (beyond it, a query is a document). */
export const MAX_QUERY_TERMS = 24;

/**
 * Minimum card score (see `cardQuery`). At 0.3 a party's statement needs a
 * shared or broader topic, or its speaker named plus matching words; the
 * writer's narration (weight 0.6) needs the mention's own topic.
 */
export const CARD_THRESHOLD = 0.3;

const KIND_WEIGHT: Readonly<Record<Kind, number>> = { primary: 1, counterclaim: 1, context: 0.6 };

const PANEL_KIND_WEIGHT: Readonly<Record<Kind, number>> = { primary: 1, counterclaim: 1, context: 0.8 };

/** Added to a statement that answers, or is answered by, one of the card's three best. */
const LINK_BONUS = 0.15;

export interface CardOptions {
  /** Most results (default 6). */
  limit?: number;
}

export interface SearchFilters {
  kinds?: Kind[];
  sides?: Side[];
  topics?: Topic[];
  /** Speaker ids, e.g. "ren-zhengfei". */
  speakers?: string[];
  files?: string[];
  /** Most results (default 20). */
  limit?: number;
}

/** The part of `context` around the mention, at most MAX_CONTEXT characters. */
export function contextWindow(context: string, mention: string): string {
  if (context.length <= MAX_CONTEXT) return context;
  const at = mention ? context.toLowerCase().indexOf(mention.toLowerCase()) : -1;
  const start = at < 0 ? 0 : Math.max(0, at - MAX_CONTEXT / 2);
  return context.slice(start, start + MAX_CONTEXT);
}

/** Distinct query words after tokenising (groups of processed forms), capped at MAX_QUERY_TERMS. */
function queryWords(text: string): string[][] {
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const token of tokenize(text)) {
    const p = processTerm(token);
    const forms = p === null ? [] : Array.isArray(p) ? p : [p];
    const key = forms[0];
    if (key === undefined || seen.has(key)) continue;
    seen.add(key);
    out.push(forms);
    if (out.length >= MAX_QUERY_TERMS) break;
  }
  return out;
}

/**
 * BM25 scores by statement id, and the index terms each hit matched (kept as
 * MiniSearch returns them: only the few results shown ever need them).
 */
function textScores(corpus: Corpus, words: string[][], options: typeof CARD_SEARCH) {
  const scores = new Map<string, number>();
  const matched = new Map<string, { terms: string[]; queryTerms: string[] }>();
  if (words.length === 0) return { scores, matched, max: 0 };
  const query = words.map((forms) => forms[0]).join(' ');
  let max = 0;
  for (const r of corpus.index.search(query, options)) {
    scores.set(String(r.id), r.score);
    matched.set(String(r.id), r);
    max = Math.max(max, r.score);
  }
  return { scores, matched, max };
}

/** Every index term a statement matched in either search. */
function matchedTerms(id: string, ...hits: ReturnType<typeof textScores>[]): Set<string> {
  const out = new Set<string>();
  for (const hit of hits) {
    const r = hit.matched.get(id);
    if (r) for (const t of [...r.terms, ...r.queryTerms]) out.add(t);
  }
  return out;
}

function people(text: string): Set<string> {
  return new Set(findMentions(text).filter((m) => m.entity.type === 'person').map((m) => m.entity.id));
}

/**
 * What the hover card shows for `mention` (the highlighted words, e.g.
 * "no-spy", "Entity List", "Huawei") found in `context` (its sentence or
 * block). A statement qualifies when it shares a topic with the mention (or,
 * if the mention has none, with the context), or a BROADER topic, or when
 * its speaker is named in the mention or context. With no topic and no
 * named person the answer is empty: a "Huawei" in a phone review gets no
 * card. Score, capped at 1:
 *
 *   kindWeight * (topic + 0.3 * words + 0.1 * contextTopics + 0.2 * speakerNamed)
 *
 * `topic` is 0.3 plus up to 0.2 for the share of the wanted topics a
 * statement has (0.5 when it has them all), or 0.3 for a broader topic; `words` is the
 * BM25 score of the mention (counted twice) and the context, relative to the
 * best; `contextTopics` is the share of up to two context topics the
 * statement has. A statement linked by `answers` to one of the three best
 * gains LINK_BONUS. Results under CARD_THRESHOLD are dropped. Best first,
 * and when any qualify the list holds a primary statement and a
 * counterclaim, so the card shows both sides it can.
 */
export function cardQuery(corpus: Corpus, mention: string, context = '', options: CardOptions = {}): Result[] {
  const limit = options.limit ?? 6;
  const m = String(mention).slice(0, MAX_MENTION);
  const c = contextWindow(String(context), m);
  const mentionTopics = detectTopics(m);
  const contextTopics = detectTopics(c);
  const named = new Set([...people(m), ...people(c)]);
  if (mentionTopics.length === 0 && contextTopics.length === 0 && named.size === 0) return [];

  const wanted = mentionTopics.length > 0 ? mentionTopics : contextTopics;
  const broader = wanted.flatMap((t) => BROADER[t] ?? []).filter((t) => !wanted.includes(t));
  const mentionWords = queryWords(m);
  const words = queryWords(`${m} ${c}`);
  const mentionHits = textScores(corpus, mentionWords, CARD_SEARCH);
  const allHits = textScores(corpus, words, CARD_SEARCH);

  const base = new Map<Statement, number>();
  for (const s of corpus.statements.values()) {
    const speakerNamed = named.has(s.speaker.id);
    const shared = s.topics.filter((t) => wanted.includes(t)).length;
    const related = s.topics.filter((t) => broader.includes(t)).length;
    if (shared + related === 0 && !speakerNamed) continue;
    const contextShared = s.topics.filter((t) => contextTopics.includes(t)).length;
    const text =
      ((mentionHits.max > 0 ? (2 * (mentionHits.scores.get(s.id) ?? 0)) / mentionHits.max : 0) +
        (allHits.max > 0 ? (allHits.scores.get(s.id) ?? 0) / allHits.max : 0)) /
      3;
    const topics = shared > 0 ? 0.3 + (0.2 * shared) / wanted.length : related > 0 ? 0.3 : 0;
    const score = topics + 0.3 * text + 0.1 * Math.min(1, contextShared / 2) + 0.2 * (speakerNamed ? 1 : 0);
    base.set(s, KIND_WEIGHT[s.kind] * Math.min(1, score));
  }

  // A claim and what disputes it belong on one card: links to the three best raise a statement.
  const best = new Set(topIds(base, 3));
  const linkedToBest = new Set([...best].flatMap((id) => corpus.statements.get(id)?.answers ?? []));
  const scored: Candidate[] = [];
  for (const [s, score] of base) {
    const linked = linkedToBest.has(s.id) || s.answers.some((id) => best.has(id));
    const final = Math.min(1, score + (linked ? LINK_BONUS * KIND_WEIGHT[s.kind] : 0));
    if (final >= CARD_THRESHOLD) scored.push({ s, score: final });
  }
  // Results are built for the few shown, not for every candidate.
  return withBothSides(scored.sort(byCandidate), limit).map(({ s, score }) => toResult(corpus, s, score, matchedTerms(s.id, mentionHits, allHits)));
}

interface Candidate {
  s: Statement;
  score: number;
}

/** Best first; ties by id, so answers are stable. */
function byCandidate(a: Candidate, b: Candidate): number {
  return roundScore(b.score) - roundScore(a.score) || (a.s.id < b.s.id ? -1 : a.s.id > b.s.id ? 1 : 0);
}

/** Ids of the `n` best-scored statements, without sorting them all. */
function topIds(scores: ReadonlyMap<Statement, number>, n: number): string[] {
  const top: [Statement, number][] = [];
  for (const entry of scores) {
    if (top.length === n && entry[1] <= top[n - 1]![1]) continue;
    top.push(entry);
    top.sort((a, b) => b[1] - a[1]);
    if (top.length > n) top.pop();
  }
  return top.map(([s]) => s.id);
}

/** The top `limit`, swapping in the best primary / counterclaim when the top lacks one. */
function withBothSides(sorted: Candidate[], limit: number): Candidate[] {
  const top = sorted.slice(0, limit);
  for (const kind of ['primary', 'counterclaim'] as const) {
    if (top.some((c) => c.s.kind === kind)) continue;
    const best = sorted.find((c) => c.s.kind === kind);
    if (!best) continue;
    if (top.length < limit) top.push(best);
    else {
      const drop = [...top].reverse().find((c) => top.filter((x) => x.s.kind === c.s.kind).length > 1);
      if (drop) top.splice(top.indexOf(drop), 1, best);
    }
  }
  return top.sort(byCandidate);
}

function passes(s: Statement, f: SearchFilters): boolean {
  return (
    (!f.kinds || f.kinds.includes(s.kind)) &&
    (!f.sides || f.sides.includes(s.speaker.side)) &&
    (!f.topics || s.topics.some((t) => f.topics!.includes(t))) &&
    (!f.speakers || f.speakers.includes(s.speaker.id)) &&
    (!f.files || f.files.includes(s.file))
  );
}

/**
 * Side-panel search: prefix and fuzzy matching over text, speaker names and
 * topic words. A result must match at least half of the query's distinct
 * words (synonyms count: "semiconductor" is matched by "chips"), so a long
 * query about something else ("Apple iPhone battery life review") does not
 * return the one quote that mentions an iPhone. Scores are relative to the
 * best hit.
 */
export function searchCorpus(corpus: Corpus, query: string, filters: SearchFilters = {}): Result[] {
  const limit = filters.limit ?? 20;
  const words = queryWords(String(query).slice(0, MAX_QUERY));
  if (words.length === 0) return [];
  const needed = Math.ceil(words.length / 2);
  const hits = corpus.index.search(words.map((w) => w[0]).join(' '), {
    ...PANEL_SEARCH,
    // The parties' words before the writer's narration, other things equal.
    boostDocument: (id) => PANEL_KIND_WEIGHT[corpus.statements.get(String(id))?.kind ?? 'context'],
    filter: (r) => {
      const s = corpus.statements.get(String(r.id));
      return s !== undefined && passes(s, filters);
    },
  });
  const max = hits[0]?.score ?? 0;
  const out: (Candidate & { terms: string[] })[] = [];
  for (const h of hits) {
    const s = corpus.statements.get(String(h.id));
    if (!s) continue;
    const covered = words.filter((forms) => forms.some((f) => h.queryTerms.includes(f))).length;
    if (covered < needed) continue;
    out.push({ s, score: max > 0 ? h.score / max : 0, terms: h.terms });
  }
  return out
    .sort(byCandidate)
    .slice(0, limit)
    .map(({ s, score, terms }) => toResult(corpus, s, score, new Set(terms)));
}
