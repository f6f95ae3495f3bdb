import { KNOWN_ENTITIES } from '../corpus/known-entities.ts';
import { BROADER, detectTopics } from '../corpus/topics.ts';
import type { Kind, Statement } from '../corpus/types.ts';
import { popcount } from './bits.ts';
import { type FacetFilters, facetTable, filterDocs, topicMask } from './facets.ts';
import type { Corpus } from './load.ts';
import { CARD_SEARCH, PANEL_SEARCH, processTerm, tokenize } from './options.ts';
import type { Hits } from './postings.ts';
import { type Result, roundScore, toResult } from './result.ts';
import { topK } from './top.ts';
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

/** The panel's filters (see `facets.ts`), and how many results to return. */
export interface SearchFilters extends FacetFilters {
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

/** Text scores by document number (0 where a document did not match), and the best of them. */
function textScores(corpus: Corpus, words: string[][], options: typeof CARD_SEARCH) {
  const dense = new Float64Array(corpus.byDoc.length);
  const hits = corpus.index.search(words.flat(), options);
  let max = 0;
  hits.docs.forEach((doc, h) => {
    dense[doc] = hits.scores[h]!;
    max = Math.max(max, hits.scores[h]!);
  });
  return { scores: dense, hits, max };
}

function people(text: string): Set<string> {
  return new Set(KNOWN_ENTITIES.findMentions(text).filter((m) => m.entity.type === 'person').map((m) => m.entity.id));
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

  // Topic sets as masks over the facet table's bits, so each statement costs a few integer operations.
  const table = facetTable(corpus);
  const [wantedMask, broaderMask, contextMask] = [topicMask(wanted), topicMask(broader), topicMask(contextTopics)];
  const namedCode = new Uint8Array(table.values.speakers.length);
  table.values.speakers.forEach((id, code) => (namedCode[code] = named.has(id) ? 1 : 0));
  const base: Candidate[] = [];
  for (let doc = 0; doc < corpus.byDoc.length; doc++) {
    const topicBits = table.topics[doc]!;
    const speakerNamed = namedCode[table.codes.speakers[doc]!] === 1;
    const shared = popcount(topicBits & wantedMask);
    const related = popcount(topicBits & broaderMask);
    if (shared + related === 0 && !speakerNamed) continue;
    const s = corpus.byDoc[doc]!;
    const contextShared = popcount(topicBits & contextMask);
    const text =
      ((mentionHits.max > 0 ? (2 * mentionHits.scores[doc]!) / mentionHits.max : 0) +
        (allHits.max > 0 ? allHits.scores[doc]! / allHits.max : 0)) /
      3;
    const topics = shared > 0 ? 0.3 + (0.2 * shared) / wanted.length : related > 0 ? 0.3 : 0;
    const score = topics + 0.3 * text + 0.1 * Math.min(1, contextShared / 2) + 0.2 * (speakerNamed ? 1 : 0);
    base.push({ s, doc, score: KIND_WEIGHT[s.kind] * Math.min(1, score) });
  }

  // A claim and what disputes it belong on one card: links to the three best raise a statement.
  const best = new Set(topK(base.length, 3, (a, b) => base[b]!.score - base[a]!.score).map((i) => base[i]!.s.id));
  const linkedToBest = new Set([...best].flatMap((id) => corpus.statements.get(id)?.answers ?? []));
  const scored: Candidate[] = [];
  for (const { s, doc, score } of base) {
    const linked = linkedToBest.has(s.id) || s.answers.some((id) => best.has(id));
    const final = Math.min(1, score + (linked ? LINK_BONUS * KIND_WEIGHT[s.kind] : 0));
    if (final >= CARD_THRESHOLD) scored.push({ s, doc, score: final });
  }
  // Results are built for the few shown, not for every candidate.
  const expansions = [...mentionHits.hits.expansions, ...allHits.hits.expansions];
  return withBothSides(scored, limit).map(({ s, doc, score }) => toResult(corpus, s, score, corpus.index.termsIn(doc, expansions)));
}

interface Candidate {
  s: Statement;
  /** Index document number. */
  doc: number;
  score: number;
}

/** Statement ids in code-unit order: the tie-break that keeps answers stable. */
function byId(a: Statement, b: Statement): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Best first; ties by id, so answers are stable. */
function byCandidate(a: Candidate, b: Candidate): number {
  return roundScore(b.score) - roundScore(a.score) || byId(a.s, b.s);
}

/**
 * The best `limit` in order, swapping in the best primary / counterclaim
 * when those lack one. Ranks only what it keeps: a broad mention on a large
 * corpus has tens of thousands of candidates.
 */
function withBothSides(candidates: readonly Candidate[], limit: number): Candidate[] {
  const top = topK(candidates.length, limit, (a, b) => byCandidate(candidates[a]!, candidates[b]!)).map((i) => candidates[i]!);
  for (const kind of ['primary', 'counterclaim'] as const) {
    if (top.some((c) => c.s.kind === kind)) continue;
    let best: Candidate | undefined;
    for (const c of candidates) if (c.s.kind === kind && (!best || byCandidate(c, best) < 0)) best = c;
    if (!best) continue;
    if (top.length < limit) top.push(best);
    else {
      const drop = [...top].reverse().find((c) => top.filter((x) => x.s.kind === c.s.kind).length > 1);
      if (drop) top.splice(top.indexOf(drop), 1, best);
    }
  }
  return top.sort(byCandidate);
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
  const ranked = rankedSearch(corpus, query);
  // Positions in the hits are hit numbers.
  const { passing } = filterDocs(facetTable(corpus), ranked.hits.docs, filters);
  return topK(passing.length, filters.limit ?? 20, (a, b) => ranked.compare(passing[a]!, passing[b]!)).map((i) => ranked.result(passing[i]!));
}

/** The side panel's answer before filters and ranking, with what it takes to rank and show any part of it. */
export interface RankedSearch {
  /** Only statements matching enough of the query's words (see `searchCorpus`). */
  hits: Hits;
  /** Order of two hits: best first, ties by statement id. */
  compare(a: number, b: number): number;
  /** Hit `h` as a result, its score relative to the best hit. */
  result(h: number): Result;
}

const weights = new WeakMap<Corpus, Float64Array>();

/** PANEL_KIND_WEIGHT of each document: the parties' words before the writer's narration, other things equal. */
function panelWeights(corpus: Corpus): Float64Array {
  let w = weights.get(corpus);
  if (!w) weights.set(corpus, (w = Float64Array.from(corpus.byDoc, (s) => PANEL_KIND_WEIGHT[s.kind])));
  return w;
}

/**
 * Drops, in place, the hits that match fewer than `needed` of the query's
 * words (each word a pair of mask words for its forms' bits).
 */
function keepCovered(hits: Hits, words: readonly [number, number][], needed: number): Hits {
  let kept = 0;
  for (let h = 0; h < hits.docs.length; h++) {
    const lo = hits.masks[h * 2]!;
    const hi = hits.masks[h * 2 + 1]!;
    let n = 0;
    for (const [wlo, whi] of words) if ((lo & wlo) | (hi & whi)) n++;
    if (n < needed) continue;
    hits.docs[kept] = hits.docs[h]!;
    hits.scores[kept] = hits.scores[h]!;
    hits.masks[kept * 2] = lo;
    hits.masks[kept * 2 + 1] = hi;
    kept++;
  }
  return { ...hits, docs: hits.docs.subarray(0, kept), scores: hits.scores.subarray(0, kept), masks: hits.masks.subarray(0, kept * 2) };
}

/**
 * The search `searchCorpus` ranks, for callers that filter, count and page
 * the hits themselves (the side panel).
 */
export function rankedSearch(corpus: Corpus, query: string): RankedSearch {
  const words = queryWords(String(query).slice(0, MAX_QUERY));
  const found = corpus.index.search(words.flat(), PANEL_SEARCH, panelWeights(corpus));
  const needed = Math.ceil(words.length / 2);
  // Each word as a mask of the hit masks' bits for its forms.
  const wordMasks = words.map((forms) => {
    const mask = [0, 0];
    for (const f of forms) {
      const i = found.terms.indexOf(f);
      if (i >= 0) mask[i >> 5]! |= 1 << (i & 31);
    }
    return mask as [number, number];
  });
  const hits = needed <= 1 ? found : keepCovered(found, wordMasks, needed);
  // The best score among all matches, before any filter, so scores read the same whatever the filters.
  let max = 0;
  for (let h = 0; h < hits.scores.length; h++) if (hits.scores[h]! > max) max = hits.scores[h]!;
  // Relative and rounded once, not per comparison.
  const relative = new Float64Array(hits.scores.length);
  for (let h = 0; h < relative.length; h++) relative[h] = roundScore(max > 0 ? hits.scores[h]! / max : 0);
  return {
    hits,
    compare: (a, b) => {
      if (relative[a] !== relative[b]) return relative[b]! - relative[a]!;
      return byId(corpus.byDoc[hits.docs[a]!]!, corpus.byDoc[hits.docs[b]!]!);
    },
    result: (h) => {
      const doc = hits.docs[h]!;
      return toResult(corpus, corpus.byDoc[doc]!, relative[h]!, corpus.index.termsIn(doc, hits.expansions));
    },
  };
}
