import type { AsPlainObject, SearchOptions } from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import { popcount } from './bits.ts';
import { FIELDS } from '../data/index-options.ts';

/**
 * The index as the runtime searches it. `npm run index` builds it with
 * MiniSearch and THE options (`lib/data/index-options.ts`) and writes MiniSearch's own
 * serialized form; here that form is unpacked into flat typed arrays, one
 * posting list per term and field, and searched with MiniSearch's scoring
 * (BM25+, field boosts, prefix and fuzzy weights, the score times the number
 * of query terms matched) read from the same `SearchOptions`.
 *
 * Why not `MiniSearch#search`: it builds an object per matching document
 * per query (with its terms and fields), then sorts them all. On a corpus
 * 1,000 times today's, a common word like "huawei" matches half of 95,000
 * statements and one search took 65 ms at the median and 360 ms at p95;
 * the side panel asks on every keystroke and has 16 ms. Accumulating into
 * typed arrays does the same arithmetic without the objects, and the
 * caller ranks only what it shows. `tests/unit/lib/search/postings.test.ts`
 * checks, on random queries, that the answers are MiniSearch's own.
 *
 * Documents are numbered as MiniSearch numbered them: the order they were
 * added, which is data/statements.json's order.
 */

/** One index term a query term stands for, with MiniSearch's weight for how it was reached. */
export interface Expansion {
  /** Term number (position in the serialized index). */
  term: number;
  /** The index term itself, e.g. "sanction" for the query "sanc". */
  text: string;
  /** 1 for the exact term; the prefix or fuzzy weight otherwise. */
  weight: number;
}

/**
 * The documents a query matched, in document order. Typed arrays: a broad
 * query matches tens of thousands. They are views into buffers the
 * `Postings` reuses, valid until its next search (`Postings.searches`
 * tells): writing a fresh array of that size per keystroke cost the panel
 * more than the search itself in Chromium (each new page of memory is
 * faulted in on first write; about 3 ms for 75,000 hits, 0.1 ms reused).
 */
export interface Hits {
  /** The distinct query terms, in first-seen order; bit i of a mask stands for terms[i]. */
  terms: string[];
  /** Document numbers. */
  docs: Uint32Array;
  /** MiniSearch's score of each hit. */
  scores: Float64Array;
  /** Which query terms each hit matched: two 32-bit words per hit (terms 0-31, then 32-63). Read through `matchedTerms` and `keepCovering`, not outside this file. */
  masks: Uint32Array;
  /** Every index term each query term stood for (to tell which words of a hit matched). */
  expansions: Expansion[];
}

/** The query terms hit `h` matched (its mask read back into `hits.terms`). */
export function matchedTerms(hits: Hits, h: number): string[] {
  return hits.terms.filter((_, i) => (hits.masks[h * 2 + (i >> 5)]! >>> (i & 31)) & 1);
}

/**
 * Drops, in place, the hits that match fewer than `needed` of `words` (each
 * word: the processed forms of one query word, any of which counts). The
 * mask arithmetic stays here, with the masks.
 */
export function keepCovering(hits: Hits, words: readonly (readonly string[])[], needed: number): Hits {
  // Two mask words per query word, as the hits' masks have them.
  const wordMasks = new Uint32Array(words.length * 2);
  words.forEach((forms, w) => {
    for (const f of forms) {
      const i = hits.terms.indexOf(f);
      if (i >= 0) wordMasks[w * 2 + (i >> 5)]! |= 1 << (i & 31);
    }
  });
  const kept = keepMatching(hits.docs, hits.scores, hits.masks, wordMasks, needed);
  return { ...hits, docs: hits.docs.subarray(0, kept), scores: hits.scores.subarray(0, kept), masks: hits.masks.subarray(0, kept * 2) };
}

/** `keepCovering`'s loop per hit, apart with only typed arrays in reach (see `collectHits`); how many hits are kept. */
function keepMatching(docs: Uint32Array, scores: Float64Array, masks: Uint32Array, wordMasks: Uint32Array, needed: number): number {
  let kept = 0;
  for (let h = 0; h < docs.length; h++) {
    const lo = masks[h * 2]!;
    const hi = masks[h * 2 + 1]!;
    let n = 0;
    for (let w = 0; w < wordMasks.length; w += 2) if ((lo & wordMasks[w]!) | (hi & wordMasks[w + 1]!)) n++;
    if (n < needed) continue;
    docs[kept] = docs[h]!;
    scores[kept] = scores[h]!;
    masks[kept * 2] = lo;
    masks[kept * 2 + 1] = hi;
    kept++;
  }
  return kept;
}

/** Distinct query terms a search can track (the masks' width); `queryWords` (24 words, two forms each at most) stays under it. */
const MAX_SEARCH_TERMS = 64;

const DEFAULT_BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const DEFAULT_WEIGHTS = { fuzzy: 0.45, prefix: 0.375 };
const DEFAULT_MAX_FUZZY = 6;

/** Growable typed-array column, for reading posting lists whose total is not known in advance. */
class Column<A extends Uint32Array | Uint16Array> {
  length = 0;
  data: A;
  constructor(data: A) {
    this.data = data;
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new (this.data.constructor as new (n: number) => A)(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
  trimmed(): A {
    return this.data.slice(0, this.length) as A;
  }
}

export class Postings {
  /** Statement id of each document number. */
  readonly ids: readonly string[];
  readonly docCount: number;
  readonly termCount: number;
  readonly #terms: SearchableMap<number>;
  /** Postings of term t in field f: positions offsets[t*F+f] up to offsets[t*F+f+1]. */
  readonly #offsets: Uint32Array;
  readonly #docs: Uint32Array;
  readonly #freqs: Uint16Array;
  /** Length of field f of document d at d*F+f. */
  readonly #fieldLength: Uint32Array;
  readonly #avgFieldLength: Float64Array;
  /** Per-document scratch, reused by every search (searches are synchronous) and left zeroed. */
  readonly #score: Float64Array;
  readonly #mask: Uint32Array;
  /** What `search` returns views of (see `Hits`). */
  readonly #hitDocs: Uint32Array;
  readonly #hitScores: Float64Array;
  readonly #hitMasks: Uint32Array;
  #searches = 0;

  /**
   * @param plain MiniSearch's serialized index (`index.toJSON()`, data/index.json parsed).
   * @throws on a serialization version or field list other than the ones `npm run index` writes.
   */
  constructor(plain: AsPlainObject) {
    if (plain.serializationVersion !== 2) throw new Error(`index: serialization version ${plain.serializationVersion}, expected 2; run npm run index`);
    const fieldIds = FIELDS.map((f) => plain.fieldIds[f]);
    if (fieldIds.some((id, i) => id !== i) || Object.keys(plain.fieldIds).length !== FIELDS.length) {
      throw new Error(`index: fields ${JSON.stringify(plain.fieldIds)}, expected ${FIELDS.join(', ')}; run npm run index`);
    }
    const F = FIELDS.length;
    const size = plain.nextId;
    const ids: string[] = new Array(size);
    for (const key in plain.documentIds) ids[Number(key)] = String(plain.documentIds[key]);
    this.ids = ids;
    this.docCount = plain.documentCount;
    this.#fieldLength = new Uint32Array(size * F);
    for (const key in plain.fieldLength) this.#fieldLength.set(plain.fieldLength[key]!, Number(key) * F);
    this.#avgFieldLength = Float64Array.from(plain.averageFieldLength);

    this.termCount = plain.index.length;
    this.#offsets = new Uint32Array(this.termCount * F + 1);
    const docs = new Column(new Uint32Array(1 << 16));
    const freqs = new Column(new Uint16Array(1 << 16));
    const entries: [string, number][] = new Array(this.termCount);
    plain.index.forEach(([term, byField], t) => {
      entries[t] = [term, t];
      for (let f = 0; f < F; f++) {
        this.#offsets[t * F + f] = docs.length;
        const freqsOf = byField[f];
        // Integer keys iterate in ascending order, so each list is sorted by document.
        for (const key in freqsOf) {
          const d = Number(key);
          if (ids[d] === undefined) continue; // a document MiniSearch discarded
          const tf = freqsOf[key]!;
          if (tf > 0xffff) throw new Error(`index: "${term}" occurs ${tf} times in ${ids[d]}, more than this index can count`);
          docs.push(d);
          freqs.push(tf);
        }
      }
    });
    this.#offsets[this.termCount * F] = docs.length;
    this.#docs = docs.trimmed();
    this.#freqs = freqs.trimmed();
    this.#terms = SearchableMap.from(entries);
    this.#score = new Float64Array(size);
    this.#mask = new Uint32Array(size * 2);
    this.#hitDocs = new Uint32Array(size);
    this.#hitScores = new Float64Array(size);
    this.#hitMasks = new Uint32Array(size * 2);
  }

  /** How many searches have run: the `Hits` of an earlier count are overwritten. */
  get searches(): number {
    return this.#searches;
  }

  /**
   * The index terms `term` stands for, as MiniSearch's `executeQuerySpec`
   * finds them: the exact term, then (when asked) longer terms it prefixes,
   * then terms within the fuzzy edit distance that are not prefix matches.
   * @example expand("sanc", PANEL_SEARCH) => [{ text: "sanction", weight: 0.35… }, …]
   */
  expand(term: string, options: SearchOptions): Expansion[] {
    const weights = { ...DEFAULT_WEIGHTS, ...options.weights };
    const prefix = typeof options.prefix === 'function' ? options.prefix(term, 0, [term]) : options.prefix === true;
    const fuzzyOption = typeof options.fuzzy === 'function' ? options.fuzzy(term, 0, [term]) : (options.fuzzy ?? false);
    const out: Expansion[] = [];
    const exact = this.#terms.get(term);
    if (exact !== undefined) out.push({ term: exact, text: term, weight: 1 });
    const seen = new Set<string>([term]);
    if (prefix) {
      for (const [text, t] of this.#terms.atPrefix(term)) {
        if (seen.has(text)) continue;
        seen.add(text);
        const distance = text.length - term.length;
        out.push({ term: t, text, weight: (weights.prefix * text.length) / (text.length + 0.3 * distance) });
      }
    }
    if (fuzzyOption) {
      const fuzzy = fuzzyOption === true ? 0.2 : fuzzyOption;
      const maxDistance = fuzzy < 1 ? Math.min(options.maxFuzzy ?? DEFAULT_MAX_FUZZY, Math.round(term.length * fuzzy)) : fuzzy;
      if (maxDistance) {
        for (const [text, [t, distance]] of this.#terms.fuzzyGet(term, maxDistance)) {
          if (seen.has(text)) continue;
          seen.add(text);
          out.push({ term: t, text, weight: (weights.fuzzy * text.length) / (text.length + distance) });
        }
      }
    }
    return out;
  }

  /**
   * MiniSearch's `search(terms.join(" "), options)` for already processed
   * query terms (OR-combined; a term given twice counts twice, as it does
   * there), without ranking: hits come in document order. `docWeights`
   * (by document number) multiplies each score, as MiniSearch's
   * `boostDocument` option does. The hits are valid until the next search
   * (see `Hits`): read them, or copy what is kept.
   */
  search(queryTerms: readonly string[], options: SearchOptions, docWeights?: Float64Array): Hits {
    if ((options.combineWith ?? 'OR').toUpperCase() !== 'OR') throw new Error('Postings.search combines with OR only');
    const terms = [...new Set(queryTerms)];
    if (terms.length > MAX_SEARCH_TERMS) throw new Error(`Postings.search: ${terms.length} distinct terms, at most ${MAX_SEARCH_TERMS}`);
    const F = FIELDS.length;
    const { k, b, d: delta } = { ...DEFAULT_BM25, ...options.bm25 };
    const boosts = FIELDS.map((f) => options.boost?.[f] || 1);
    const score = this.#score;
    const mask = this.#mask;
    const expansions: Expansion[] = [];
    terms.forEach((term, i) => {
      const times = queryTerms.filter((q) => q === term).length;
      const word = i >> 5;
      const bit = 1 << (i & 31);
      for (const e of this.expand(term, options)) {
        expansions.push(e);
        for (let f = 0; f < F; f++) {
          const from = this.#offsets[e.term * F + f]!;
          const to = this.#offsets[e.term * F + f + 1]!;
          if (from === to) continue;
          const matching = to - from;
          const idf = Math.log(1 + (this.docCount - matching + 0.5) / (matching + 0.5));
          const weight = times * e.weight * boosts[f]! * idf;
          accumulate(this.#docs, this.#freqs, this.#fieldLength, from, to, F, f, this.#avgFieldLength[f]!, weight, k, b, delta, score, mask, word, bit);
        }
      }
    });
    // Collect in document order by walking every document: one pass over a
    // typed array costs less than sorting the tens of thousands a broad term touches.
    const n = countHits(mask);
    this.#searches++;
    const out: Hits = { terms, docs: this.#hitDocs.subarray(0, n), scores: this.#hitScores.subarray(0, n), masks: this.#hitMasks.subarray(0, n * 2), expansions };
    collectHits(score, mask, docWeights, out.docs, out.scores, out.masks);
    return out;
  }

  /** The index terms among `expansions` that document `doc` contains, in any field. */
  termsIn(doc: number, expansions: readonly Expansion[]): Set<string> {
    const F = FIELDS.length;
    const out = new Set<string>();
    for (const e of expansions) {
      if (out.has(e.text)) continue;
      for (let f = 0; f < F; f++) {
        if (this.#contains(this.#offsets[e.term * F + f]!, this.#offsets[e.term * F + f + 1]!, doc)) {
          out.add(e.text);
          break;
        }
      }
    }
    return out;
  }

  /** Binary search of one posting list. */
  #contains(from: number, to: number, doc: number): boolean {
    let lo = from;
    let hi = to - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const d = this.#docs[mid]!;
      if (d === doc) return true;
      if (d < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }
}

/** How many documents have a bit set in `mask` (two words per document). */
function countHits(mask: Uint32Array): number {
  let n = 0;
  for (let m = 0; m < mask.length; m += 2) if ((mask[m]! | mask[m + 1]!) !== 0) n++;
  return n;
}

/**
 * The scored documents, in document order, into `docs`, `scores` (times the
 * number of query terms matched, and the document's weight) and `masks`;
 * `score` and `mask` are left zeroed for the next search. A loop per hit,
 * apart from `search` with only typed arrays in reach, as `accumulate` is:
 * inside `search` it ran several times slower in Chromium (the panel).
 */
function collectHits(score: Float64Array, mask: Uint32Array, docWeights: Float64Array | undefined, docs: Uint32Array, scores: Float64Array, masks: Uint32Array): void {
  for (let doc = 0, h = 0; h < docs.length; doc++) {
    const lo = mask[doc * 2]!;
    const hi = mask[doc * 2 + 1]!;
    if ((lo | hi) === 0) continue;
    docs[h] = doc;
    scores[h] = score[doc]! * (popcount(lo) + popcount(hi)) * (docWeights ? docWeights[doc]! : 1);
    masks[h * 2] = lo;
    masks[h * 2 + 1] = hi;
    score[doc] = 0;
    mask[doc * 2] = 0;
    mask[doc * 2 + 1] = 0;
    h++;
  }
}

/**
 * One posting list's BM25+ contributions added into `score`, and the query
 * term's bit set in `mask`. The hot loop of every search, kept apart with
 * only typed arrays and numbers in reach so the engine compiles it tight.
 */
function accumulate(
  docs: Uint32Array,
  freqs: Uint16Array,
  fieldLength: Uint32Array,
  from: number,
  to: number,
  fields: number,
  field: number,
  avgLength: number,
  weight: number,
  k: number,
  b: number,
  delta: number,
  score: Float64Array,
  mask: Uint32Array,
  word: number,
  bit: number,
): void {
  const norm = (k * b) / avgLength;
  const base = k * (1 - b);
  for (let p = from; p < to; p++) {
    const doc = docs[p]!;
    const tf = freqs[p]!;
    score[doc]! += weight * (delta + (tf * (k + 1)) / (tf + base + norm * fieldLength[doc * fields + field]!));
    mask[doc * 2 + word]! |= bit;
  }
}
