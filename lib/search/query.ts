import type { Kind, Statement } from '../data/types.ts';
import { opposed } from '../vocabulary/entities.ts';
import { type Topic, TOPICS } from '../vocabulary/topics.ts';
import type { Matter } from './card-cues.ts';
import { type CardQuestion, cueTopics } from './card-question.ts';
import { reasonWords } from './card-reason.ts';
import { wordFeatures, wordOdds } from './card-words.ts';
import { CARD_WEIGHTS, type CardWeights } from './card-weights.ts';
import { type FacetFilters, facetTable, filterDocs } from './facets.ts';
import type { Corpus } from './load.ts';
import { CARD_SEARCH, PANEL_SEARCH, termForms, tokenize } from '../data/index-options.ts';
import { type Hits, keepCovering } from './postings.ts';
import { type Result, roundScore, toResult } from './result.ts';
import { topK } from './top.ts';
import { MAX_QUERY } from './limits.ts';

/**
 * The two questions the extension asks the corpus:
 * - `rankCard`: what the hover card shows for a card question (a
 *   highlighted mention in its sentence and block, `card-question.ts`):
 *   topic-gated, kinds mixed, empty when off-topic. Asked through
 *   `lookupCard` (`lookup.ts`), by the background and the CLI alike;
 * - `rankedSearch`: the side panel's free-text search (prefix + fuzzy, a
 *   coverage threshold), filtered, counted and paged by `search` (`search.ts`).
 * Inputs are clipped, so any string (empty, regex characters, 100 KB) is a
 * valid question with a valid, possibly empty, answer.
 */

/** At most this many distinct query words are matched (beyond it, a query is a document). */
export const MAX_QUERY_TERMS = 24;

const PANEL_KIND_WEIGHT: Readonly<Record<Kind, number>> = { primary: 1, counterclaim: 1, context: 0.8 };

/** Distinct query words after tokenising (groups of processed forms), capped at MAX_QUERY_TERMS. */
function queryWords(text: string): string[][] {
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const token of tokenize(text)) {
    const forms = termForms(token);
    const key = forms[0];
    if (key === undefined || seen.has(key)) continue;
    seen.add(key);
    out.push(forms);
    if (out.length >= MAX_QUERY_TERMS) break;
  }
  return out;
}

/** Whether two queries ask the same words (in any order): their searches score every document alike. */
function sameWords(a: readonly string[][], b: readonly string[][]): boolean {
  if (a.length !== b.length) return false;
  const keys = new Set(a.map((forms) => forms[0]));
  return b.every((forms) => keys.has(forms[0]));
}

/**
 * Adds `weight` times each document's BM25 score for `words`, relative to
 * the best document's, to `into` (by document number). Reads the hits as
 * they come, so no array as long as the corpus is made per question.
 */
function addWordScores(corpus: Corpus, words: string[][], weight: number, into: Float64Array): void {
  const hits = corpus.index.search(words.flat(), CARD_SEARCH);
  let max = 0;
  for (let h = 0; h < hits.scores.length; h++) if (hits.scores[h]! > max) max = hits.scores[h]!;
  if (max > 0) for (let h = 0; h < hits.docs.length; h++) into[hits.docs[h]!]! += weight * (hits.scores[h]! / max);
}

/**
 * Adds `weight` times each statement's score for the question's word pairs
 * (`wordPairs`: the sum of the rarity of the pairs it shares), relative to
 * the best statement's, to `into`. A paragraph that reports a statement
 * ("Huawei is willing to sign no-spy agreements with governments") repeats
 * runs of its words; single shared words do not tell it from a statement
 * that merely uses the same vocabulary.
 */
function addPairScores(t: CardTable, pairs: ReadonlySet<string>, weight: number, into: Float64Array): void {
  if (weight === 0) return;
  const acc = t.pairs;
  const touched: number[] = [];
  for (const pair of pairs) {
    const entry = t.pairIndex.get(pair);
    if (!entry) continue;
    for (const doc of entry.docs) {
      if (acc[doc] === 0) touched.push(doc);
      acc[doc]! += entry.weight;
    }
  }
  let max = 0;
  for (const doc of touched) if (acc[doc]! > max) max = acc[doc]!;
  for (const doc of touched) {
    into[doc]! += weight * (acc[doc]! / max);
    acc[doc] = 0;
  }
}

/** Why the card shows what it shows: the lead statement's topics and words the paragraph shares. */
export interface CardReason {
  /** Corpus topics of the lead statement the mention, sentence or paragraph is about, strongest first. */
  topics: Topic[];
  /** Words of the paragraph that carry meaning and the lead statement shares, as the paragraph writes them (`card-reason.ts`). */
  words: string[];
  /** The lead's speaker, when the paragraph names them. */
  speaker: string | null;
  /**
   * Statements of the corpus paired with the lead (answering it, or
   * answered by it) that the card leaves off: on another matter than the
   * paragraph's, far weaker than the lead, or a second answer from the same
   * side. The card then says the lead is answered elsewhere, not that
   * nothing answers it.
   */
  pairedLeftOff: number;
}

/** The card's answer: statements in the order the card shows them, and why. */
export interface CardRanking {
  results: Result[];
  reason: CardReason | null;
}

/** Only the parties' words go on the card; the writer's narration stays in the side panel. */
const ON_CARD: ReadonlySet<Kind> = new Set(['primary', 'counterclaim']);

const mattersOf = new WeakMap<Corpus, StatementMatters>();

/**
 * What each statement is about for the card: its corpus topics, and the
 * topics the paragraph cues find in its text. The corpus classifies a
 * sentence by its own words ("sanctions"); a party answering a measure
 * often names it otherwise ("political means to disrupt an industry",
 * "smearing Chinese companies"), in the words reporters use for it too.
 */
export function statementMatters(corpus: Corpus): StatementMatters {
  let out = mattersOf.get(corpus);
  if (!out) {
    const own: Matter[][] = corpus.byDoc.map((s) => (ON_CARD.has(s.kind) ? [...new Set([...s.topics, ...cueTopics(s.text)])] : s.topics));
    const lead = leadIns(corpus);
    const lent = (doc: number) => own[doc]!.length === 0 && lead[doc] !== -1;
    out = {
      matters: own.map((m, doc) => (lent(doc) ? own[lead[doc]!]! : m)),
      lent: Uint8Array.from(own, (_, doc) => (lent(doc) ? 1 : 0)),
    };
    mattersOf.set(corpus, out);
  }
  return out;
}

/** What each statement (by document number) is about for the card. */
export interface StatementMatters {
  matters: Matter[][];
  /** 1 where the statement names no matter itself and has its lead-in's (`leadIns`). */
  lent: Uint8Array;
}

/** How far back (characters of the source) a quote's lead-in may start. */
const LEAD_IN_REACH = 600;

/**
 * For each statement, the document number of the nearest statement before
 * it in the same source that has a topic, within LEAD_IN_REACH characters
 * of it; -1 when there is none. News introduces a quote with the matter it
 * is on ("the U.S. government's ban, if imposed, will hurt Huawei in the
 * short term") and then quotes words that do not name it ("What President
 * Trump is doing is waking the sleeping capacity of Huawei"): such a quote
 * is on its lead-in's matter.
 */
function leadIns(corpus: Corpus): Int32Array {
  const out = new Int32Array(corpus.byDoc.length).fill(-1);
  const byFile = new Map<string, number[]>();
  corpus.byDoc.forEach((s, doc) => byFile.set(s.file, [...(byFile.get(s.file) ?? []), doc]));
  for (const docs of byFile.values()) {
    docs.sort((a, b) => corpus.byDoc[a]!.span[0] - corpus.byDoc[b]!.span[0]);
    let last = -1;
    for (const doc of docs) {
      const s = corpus.byDoc[doc]!;
      if (last >= 0 && s.span[0] - corpus.byDoc[last]!.span[1] <= LEAD_IN_REACH) out[doc] = last;
      if (s.topics.length > 0) last = doc;
    }
  }
  return out;
}

/**
 * How much a statement's topic counts for the question: the question's
 * topics (the mention's own, its sentence's, the rest of its paragraph's,
 * each with its weight) carried over to statement topics by the affinity
 * table. A paragraph about a 5G ban is a question about security and
 * spying, and a statement about 5G business is not its answer.
 */
function topicWeights(q: CardQuestion, w: CardWeights, paragraphFeatures: readonly string[]): Map<Matter, number> {
  const asked = new Map<Matter, number>();
  const add = (topics: readonly Matter[], weight: number) => {
    for (const t of topics) asked.set(t, (asked.get(t) ?? 0) + weight);
  };
  add(q.mentionTopics, w.topicMention);
  add(q.sentenceTopics, w.topicSentence);
  add(q.paragraphTopics, w.topicParagraph);
  const out = new Map<Matter, number>();
  for (const [from, weight] of asked) {
    const row = w.affinity[from];
    if (!row) out.set(from, (out.get(from) ?? 0) + weight);
    else for (const [to, a] of Object.entries(row) as [Matter, number][]) if (a > 0) out.set(to, (out.get(to) ?? 0) + weight * a);
  }
  for (const [m, p] of wordOdds(w.words.matters, paragraphFeatures)) out.set(m, (out.get(m) ?? 0) + w.wordMatters * p);
  return out;
}

/**
 * What scoring a card reads of every statement, in arrays by document
 * number, built once per corpus: a card question touches every statement,
 * and on a corpus 100 times today's the string-keyed lookups per statement
 * (its matters, speaker, side and answer links) were most of a lookup's time.
 */
interface CardTable {
  /** Distinct matter lists (`statementMatters`), and each card statement's (-1: not on the card). */
  lists: Matter[][];
  listOf: Int32Array;
  /** Speaker and side codes, and the ids and sides they stand for. */
  speakerOf: Int32Array;
  speakers: string[];
  sideOf: Int32Array;
  sides: string[];
  /**
   * The statements each one answers or is answered by, as document numbers:
   * `links[linkStart[doc] .. pairEnd[doc])`, then the claims it denies in
   * other pages (`deniedClaims`) up to `linkStart[doc + 1]`. Both count for
   * the answer-link gain; only the first are the lead's pairings, which the
   * card shows beside the lead as answers.
   */
  linkStart: Int32Array;
  links: Int32Array;
  pairEnd: Int32Array;
  /**
   * The share of a statement's score each statement linked to it gains:
   * 1 / sqrt(its number of pairings). A claim answered four times over (four
   * lines of one briefing) is one matter, not four: its answers share its
   * weight, so a densely linked source does not outrank an unlinked one on
   * the strength of the links alone.
   */
  linkShare: Float64Array;
  /** Each word pair of the card's statements (`wordPairs`): the statements holding it, and its weight (the rarer, the more). */
  pairIndex: Map<string, { docs: Int32Array; weight: number }>;
  /**
   * Scratch arrays by document number, reused by every question (a card is
   * scored and ranked in one synchronous call, so no two questions share
   * them at once): the words part of the score, the word pairs'
   * (`addPairScores`), the score before and after answer links, and which
   * statements may lead.
   */
  words: Float64Array;
  pairs: Float64Array;
  base: Float64Array;
  score: Float64Array;
  onMatter: Uint8Array;
}

const cardTables = new WeakMap<Corpus, CardTable>();

function cardTable(corpus: Corpus): CardTable {
  let t = cardTables.get(corpus);
  if (t) return t;
  const { matters } = statementMatters(corpus);
  const n = corpus.byDoc.length;
  const code = <T>(values: T[], at: Map<T, number>, v: T) => {
    let c = at.get(v);
    if (c === undefined) at.set(v, (c = values.push(v) - 1));
    return c;
  };
  const lists: Matter[][] = [];
  const listAt = new Map<string, number>();
  const listOf = new Int32Array(n).fill(-1);
  const speakers: string[] = [];
  const speakerAt = new Map<string, number>();
  const sides: string[] = [];
  const sideAt = new Map<string, number>();
  const speakerOf = new Int32Array(n);
  const sideOf = new Int32Array(n);
  const linkStart = new Int32Array(n + 1);
  const pairEnd = new Int32Array(n);
  const links: number[] = [];
  const denied = deniedClaims(corpus, matters);
  for (let doc = 0; doc < n; doc++) {
    const s = corpus.byDoc[doc]!;
    speakerOf[doc] = code(speakers, speakerAt, s.speaker.id);
    sideOf[doc] = code(sides, sideAt, s.speaker.side);
    if (ON_CARD.has(s.kind)) {
      const key = matters[doc]!.join(' ');
      let c = listAt.get(key);
      if (c === undefined) listAt.set(key, (c = lists.push(matters[doc]!) - 1));
      listOf[doc] = c;
    }
    for (const id of [...s.answers, ...(corpus.answeredBy.get(s.id) ?? [])]) {
      const other = corpus.docOf.get(id);
      if (other !== undefined) links.push(other);
    }
    pairEnd[doc] = links.length;
    links.push(...(denied.get(doc) ?? []));
    linkStart[doc + 1] = links.length;
  }
  const pairDocs = new Map<string, number[]>();
  for (let doc = 0; doc < n; doc++) {
    if (listOf[doc]! < 0) continue;
    for (const pair of wordPairs(corpus.byDoc[doc]!.text)) {
      const docs = pairDocs.get(pair);
      if (docs) docs.push(doc);
      else pairDocs.set(pair, [doc]);
    }
  }
  const pairIndex = new Map([...pairDocs].map(([pair, docs]) => [pair, { docs: Int32Array.from(docs), weight: Math.log(1 + n / docs.length) }]));
  t = {
    lists,
    pairIndex,
    listOf,
    speakerOf,
    speakers,
    sideOf,
    sides,
    linkStart,
    links: Int32Array.from(links),
    pairEnd,
    linkShare: Float64Array.from({ length: n }, (_, doc) => 1 / Math.sqrt(Math.max(1, pairEnd[doc]! - linkStart[doc]!))),
    words: new Float64Array(n),
    pairs: new Float64Array(n),
    base: new Float64Array(n),
    score: new Float64Array(n),
    onMatter: new Uint8Array(n),
  };
  cardTables.set(corpus, t);
  return t;
}

/**
 * The claims each unanswered denial denies, for the card: a party's
 * statement that denies or says there is no evidence (the `denial` or
 * `evidence` matter) and that answers nothing and is answered by nothing in
 * its own page is linked to every claim of an opposed camp that shares a
 * corpus topic with it, in other pages too. Huawei's "There is no evidence
 * to show that Huawei has ever done anything to jeopardize the security of
 * our customers' networks" stands on a page of its own, yet it is the
 * answer to the U.S. security accusation wherever a paragraph raises it:
 * a claim and what disputes it are one matter. These links count for the
 * answer-link gain of `scoreCard` only, one way (the denial gains from the
 * claims, at each claim's `linkShare`, which counts pairings only); they are not
 * pairings, so a card this denial leads does not show those claims beside
 * it as what it answers. The corpus's `answers` stay within a page
 * (`lib/corpus/link.ts`): this is the card's reading, not a link it
 * records.
 */
function deniedClaims(corpus: Corpus, matters: readonly Matter[][]): Map<number, number[]> {
  const claimsOn = new Map<Topic, number[]>();
  corpus.byDoc.forEach((s, doc) => {
    if (!ON_CARD.has(s.kind)) return;
    for (const t of s.topics) {
      const docs = claimsOn.get(t);
      if (docs) docs.push(doc);
      else claimsOn.set(t, [doc]);
    }
  });
  const out = new Map<number, number[]>();
  corpus.byDoc.forEach((s, doc) => {
    const denies = matters[doc]!.includes('denial') || matters[doc]!.includes('evidence');
    if (!ON_CARD.has(s.kind) || !denies || s.answers.length > 0 || (corpus.answeredBy.get(s.id)?.length ?? 0) > 0) return;
    const claims = new Set(s.topics.flatMap((t) => claimsOn.get(t) ?? []).filter((c) => opposed(s.speaker.side, corpus.byDoc[c]!.speaker.side)));
    if (claims.size > 0) out.set(doc, [...claims]);
  });
  return out;
}

/**
 * The distinct pairs of consecutive content words of a text, processed as
 * the index processes words (stop words dropped, stemmed): "willing to sign
 * no-spy agreements" -> "willing sign", "sign nospy", "nospy agreement".
 */
function wordPairs(text: string): Set<string> {
  const out = new Set<string>();
  let last: string | undefined;
  for (const token of tokenize(text)) {
    const word = termForms(token)[0];
    if (word === undefined) continue;
    if (last !== undefined) out.add(`${last} ${word}`);
    last = word;
  }
  return out;
}

/** Every statement's card score for a question (0 for those the card never shows), and which may lead it; valid until the next question. */
interface CardScores {
  score: Float64Array;
  /**
   * 1 where the statement shares a topic with the question or has its
   * speaker named. Only such a statement can lead a card: shared words alone
   * ("Apple" in a phone review and in a statement about backdoors) do not
   * make one matter.
   */
  onMatter: Uint8Array;
}

/**
 * Scores every statement the card may show against a question. Features,
 * each in [0, 1] before its weight:
 * - topics: the question's topic weights (`topicWeights`) summed over the
 *   statement's topics, damped by how many topics the statement has (a
 *   statement about everything is not about this);
 * - words: BM25 of the sentence's words and of the paragraph's words, and
 *   the rarity of the pairs of consecutive words the statement shares with
 *   the paragraph (`addPairScores`), each relative to the best statement;
 * - speaker / side: the paragraph names the statement's speaker, or the
 *   party (side) speaking; and how likely the word model (`card-words.ts`)
 *   finds the paragraph's words to want that side's words (a paragraph
 *   reporting the U.S. accusation wants Huawei's answer);
 * - answers: a claim and what disputes it are one matter, so a statement
 *   gains part of the best score among the statements it answers or that
 *   answer it.
 * The weights are `CARD_WEIGHTS` (see `card-weights.ts`). The topic part is
 * worked out once per distinct matter list, not per statement.
 */
function scoreCard(corpus: Corpus, q: CardQuestion, w: CardWeights): CardScores {
  const t = cardTable(corpus);
  const { lent } = statementMatters(corpus);
  const features = wordFeatures(q.paragraph);
  const topics = topicWeights(q, w, features);
  const sideOdds = wordOdds(w.words.sides, features);
  const asked = new Set([...q.mentionTopics, ...q.sentenceTopics, ...q.paragraphTopics]);
  const topical = new Float64Array(t.lists.length);
  const listOnMatter = new Uint8Array(t.lists.length);
  t.lists.forEach((own, c) => {
    let x = 0;
    for (const m of own) x += topics.get(m) ?? 0;
    if (own.length > 1) x /= own.length ** w.topicDamping;
    topical[c] = x;
    if (own.some((m) => asked.has(m))) listOnMatter[c] = 1;
  });
  const speakerNamed = Uint8Array.from(t.speakers, (id) => (q.namedSpeakers.has(id) ? 1 : 0));
  const sideNamed = Uint8Array.from(t.sides, (side) => (q.namedSides.has(side) ? 1 : 0));
  const sideAsked = Float64Array.from(t.sides, (side) => w.wordSides * (sideOdds.get(side) ?? 0));
  const { words, base, score, onMatter } = t;
  words.fill(0);
  const sentenceWords = queryWords(`${q.mention} ${q.sentence}`);
  const paragraphWords = queryWords(q.paragraph);
  // A paragraph of one sentence asks the same words twice: one search, both weights.
  if (sameWords(sentenceWords, paragraphWords)) addWordScores(corpus, paragraphWords, w.wordsSentence + w.wordsParagraph, words);
  else {
    addWordScores(corpus, sentenceWords, w.wordsSentence, words);
    addWordScores(corpus, paragraphWords, w.wordsParagraph, words);
  }
  addPairScores(t, wordPairs(q.paragraph), w.phrase, words);
  const n = corpus.byDoc.length;
  for (let doc = 0; doc < n; doc++) {
    const c = t.listOf[doc]!;
    base[doc] = 0;
    onMatter[doc] = 0;
    if (c < 0) continue;
    const named = (speakerNamed[t.speakerOf[doc]!] ? w.speaker : 0) + (sideNamed[t.sideOf[doc]!] ? w.side : 0) + sideAsked[t.sideOf[doc]!]!;
    base[doc] = (lent[doc] ? topical[c]! * w.leadIn : topical[c]!) + words[doc]! + named;
    onMatter[doc] = listOnMatter[c]! | speakerNamed[t.speakerOf[doc]!]!;
  }
  for (let doc = 0; doc < n; doc++) {
    score[doc] = 0;
    if (t.listOf[doc]! < 0) continue;
    let linked = 0;
    for (let i = t.linkStart[doc]!; i < t.linkStart[doc + 1]!; i++) linked = Math.max(linked, base[t.links[i]!]! * t.linkShare[t.links[i]!]!);
    score[doc] = base[doc]! + w.link * linked;
  }
  return { score, onMatter };
}

/**
 * The card for a question: nothing when the paragraph is another story or
 * nothing scores `threshold`; otherwise the best statement (the lead), the
 * best of the statements that answer it or that it answers right after it
 * (one matter, both sides; `CardWeights.disputes` of them, and only one on
 * the paragraph's matter), then the rest best first (a speaker's statements
 * of one matter list beyond `CardWeights.repeats` after the others:
 * `spread`), `limit` in all. The lead's other answers are left off the card: the
 * card shows every statement paired with the lead next to it, so a second
 * and third answer from the same side would take the places of statements
 * on the rest of the paragraph's matter.
 */
export function rankCard(corpus: Corpus, q: CardQuestion, options: { limit?: number; weights?: CardWeights } = {}): CardRanking {
  const w = options.weights ?? CARD_WEIGHTS;
  const limit = options.limit ?? 6;
  if (q.offTopic || !q.mention.trim()) return { results: [], reason: null };
  const { score, onMatter } = scoreCard(corpus, q, w);
  const passing: number[] = [];
  for (let doc = 0; doc < score.length; doc++) if (score[doc]! >= w.threshold) passing.push(doc);
  // Best first; ties by id, so answers are stable.
  const byScore = (a: number, b: number) => roundScore(score[b]!) - roundScore(score[a]!) || byId(corpus.byDoc[a]!, corpus.byDoc[b]!);
  // Rounded once per statement, not twice per comparison: on a large corpus thousands pass.
  const rounded = Float64Array.from(passing, (doc) => roundScore(score[doc]!));
  const ranked = topK(passing.length, Math.max(limit, 12), (a, b) => rounded[b]! - rounded[a]! || byId(corpus.byDoc[passing[a]!]!, corpus.byDoc[passing[b]!]!)).map((i) => passing[i]!);
  const lead = ranked.find((doc) => onMatter[doc]);
  if (lead === undefined) return { results: [], reason: null };
  const leadScore = score[lead]!;
  const t = cardTable(corpus);
  const matter = new Set<number>();
  for (let i = t.linkStart[lead]!; i < t.pairEnd[lead]!; i++) matter.add(t.links[i]!);
  // The best of them only: the lead's other answers are the same side saying it again, and would
  // take the places of statements on other parts of the paragraph's matter. And only one on the
  // paragraph's matter: a claim the lead answers in its source ("politicians claim that Chinese
  // law ...") is no dispute of a paragraph about a 5G ban, and would take a place of its own.
  const disputes = [...matter]
    .filter((doc) => onMatter[doc] && score[doc]! >= w.threshold && score[doc]! >= w.matterFloor * leadScore)
    .sort(byScore)
    .slice(0, w.disputes);
  const shown = [lead, ...disputes, ...spread(t, [lead, ...disputes], ranked.filter((doc) => doc !== lead && !matter.has(doc)), w.repeats)].slice(0, limit);
  // Emphasis marks the words of the mention itself: the paragraph chose the
  // statements (the reason line says which words), but marking every shared
  // paragraph word ("sign", "willing") would bury what the reader hovered.
  const hovered = new Set(queryWords(q.mention).flat());
  const results = shown.map((doc) => {
    const r = toResult(corpus, corpus.byDoc[doc]!, Math.min(1, score[doc]! / (leadScore || 1)), hovered);
    // Plain data, not `toResult`'s lazy getter: the answer crosses the
    // extension's messaging, and Firefox's card showed no statements when
    // it carried accessor properties.
    return { ...r, terms: r.terms };
  });
  return { results, reason: reasonFor(corpus, q, lead, w, matter.size - disputes.length) };
}

/**
 * `rest` (best first) with every statement whose speaker already has
 * `repeats` statements of the same matter list before it (on the card
 * ahead of it, `first`, or earlier in `rest`) moved after the others, in
 * their order. One speaker's lines of one briefing on one matter (three
 * foreign-ministry lines on the "crackdown") say one thing; the third would
 * take the place of another party's words on the paragraph's matter.
 */
function spread(t: CardTable, first: readonly number[], rest: readonly number[], repeats: number): number[] {
  const seen = new Map<string, number>();
  const key = (doc: number) => `${t.speakerOf[doc]} ${t.listOf[doc]}`;
  for (const doc of first) seen.set(key(doc), (seen.get(key(doc)) ?? 0) + 1);
  const kept: number[] = [];
  const later: number[] = [];
  for (const doc of rest) {
    const n = seen.get(key(doc)) ?? 0;
    if (n < repeats) kept.push(doc);
    else later.push(doc);
    seen.set(key(doc), n + 1);
  }
  return [...kept, ...later];
}

function reasonFor(corpus: Corpus, q: CardQuestion, lead: number, w: CardWeights, pairedLeftOff: number): CardReason {
  const weights = topicWeights(q, w, wordFeatures(q.paragraph));
  const topics = statementMatters(corpus)
    .matters[lead]!.filter((t): t is Topic => weights.has(t) && TOPICS.includes(t as Topic))
    .sort((a, b) => weights.get(b)! - weights.get(a)!);
  return {
    topics,
    words: reasonWords(corpus, q.paragraph, q.mention, corpus.byDoc[lead]!, topics),
    speaker: q.namedSpeakers.has(corpus.byDoc[lead]!.speaker.id) ? corpus.byDoc[lead]!.speaker.name : null,
    pairedLeftOff,
  };
}

/** Statement ids in code-unit order: the tie-break that keeps answers stable. */
function byId(a: Statement, b: Statement): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}


/** The side panel's answer before filters and ranking, with what it takes to rank and show any part of it. */
export interface RankedSearch {
  /** Only statements matching enough of the query's words (see `search` in search.ts). */
  hits: Hits;
  /**
   * Throws once a later search on the corpus has run: `hits` and the scores
   * are views into buffers every search reuses (postings.ts, `Hits`).
   */
  check(): void;
  /** Order of two hits: best first, ties by statement id. */
  compare(a: number, b: number): number;
  /** Hit `h` as a result, its score relative to the best hit. */
  result(h: number): Result;
}

const weights = new WeakMap<Corpus, Float64Array>();
const scratches = new WeakMap<Corpus, Float64Array>();

/** A number per document, reused by every panel search of the corpus (see `relativeScores`). */
function scratch(corpus: Corpus): Float64Array {
  let s = scratches.get(corpus);
  if (!s) scratches.set(corpus, (s = new Float64Array(corpus.byDoc.length)));
  return s;
}

/** PANEL_KIND_WEIGHT of each document: the parties' words before the writer's narration, other things equal. */
function panelWeights(corpus: Corpus): Float64Array {
  let w = weights.get(corpus);
  if (!w) weights.set(corpus, (w = Float64Array.from(corpus.byDoc, (s) => PANEL_KIND_WEIGHT[s.kind])));
  return w;
}

/**
 * Each score relative to `max`, rounded (`roundScore`) once per
 * hit rather than per comparison. A loop of its own over typed arrays: a
 * broad query has tens of thousands of hits, and inside `rankedSearch` it
 * was several times slower in Chromium (the panel). Written into `into`, a
 * buffer kept per corpus, for the reason `Hits` are (postings.ts).
 */
function relativeScores(scores: Float64Array, max: number, into: Float64Array): Float64Array {
  const out = into.subarray(0, scores.length);
  out.fill(0);
  if (max > 0) for (let h = 0; h < out.length; h++) out[h] = roundScore(scores[h]! / max);
  return out;
}

/**
 * The ranked matches of a panel query, for `search` (search.ts), which
 * filters, counts and pages them.
 */
export function rankedSearch(corpus: Corpus, query: string): RankedSearch {
  const words = queryWords(String(query).slice(0, MAX_QUERY));
  const found = corpus.index.search(words.flat(), PANEL_SEARCH, panelWeights(corpus));
  const needed = Math.ceil(words.length / 2);
  const hits = needed <= 1 ? found : keepCovering(found, words, needed);
  // The best score among all matches, before any filter, so scores read the same whatever the filters.
  let max = 0;
  for (let h = 0; h < hits.scores.length; h++) if (hits.scores[h]! > max) max = hits.scores[h]!;
  const relative = relativeScores(hits.scores, max, scratch(corpus));
  const searches = corpus.index.searches;
  return {
    hits,
    check: () => {
      if (corpus.index.searches !== searches) throw new Error(`search "${query}": its hits were reused by a later search; ask again`);
    },
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
