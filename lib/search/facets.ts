import { type Topic, TOPICS } from '../vocabulary/topics.ts';
import type { Kind } from '../data/types.ts';
import type { Side } from '../vocabulary/entities.ts';
import type { Corpus } from './load.ts';

/**
 * Faceted filtering for the side panel, over the statements a query
 * matched (or the whole corpus). Within a facet the chosen values are
 * alternatives (kind is primary OR counterclaim); facets combine with AND.
 * Counts are disjunctive, as in library catalogues: a facet's counts ignore
 * that facet's own choice, so ticking "primary" does not turn "counterclaim"
 * into 0 and the reader can see what adding it would bring.
 */

export interface FacetFilters {
  kinds?: Kind[];
  sides?: Side[];
  topics?: Topic[];
  /** Speaker ids, e.g. "liang-hua". */
  speakers?: string[];
  /** Source document file names. */
  files?: string[];
  /** Inclusive lower bound, ISO "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
  from?: string;
  /** Inclusive upper bound, same forms. */
  to?: string;
}

export type FacetKey = 'kinds' | 'sides' | 'topics' | 'speakers' | 'files';
export const FACET_KEYS: readonly FacetKey[] = ['kinds', 'sides', 'topics', 'speakers', 'files'];

/** Facet value -> how many results it would match with the other facets applied. */
export type FacetCounts = Record<FacetKey, FacetCount> & {
  /** Results left out only because their source has no date while a date range is set. */
  undated: number;
};

/**
 * The first and last day an ISO date, possibly partial, can stand for, as
 * comparable strings ("2021-02" -> ["2021-02-01", "2021-02-31"]: day 31 is
 * an upper bound for comparison, not a calendar day). Null for a missing or
 * unreadable date.
 */
export function dateSpan(date: string | null | undefined): [string, string] | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date?.trim() ?? '');
  if (!match) return null;
  const [, y, m, d] = match;
  if (m === undefined) return [`${y}-01-01`, `${y}-12-31`];
  if (d === undefined) return [`${y}-${m}-01`, `${y}-${m}-31`];
  return [`${y}-${m}-${d}`, `${y}-${m}-${d}`];
}

/** A date span as numbers (yyyymmdd) for comparison; [0, 0] when undated. */
function dayNumbers(date: string | null | undefined): [number, number] {
  const span = dateSpan(date);
  return span ? [Number(span[0].replaceAll('-', '')), Number(span[1].replaceAll('-', ''))] : [0, 0];
}

type SingleKey = Exclude<FacetKey, 'topics'>;

/**
 * Topics as a bit mask, bit i for `TOPICS[i]` (the facet table's `topics`).
 * A string that is not a topic adds no bit.
 * @example topicMask(['no-spy', 'backdoor']) & table.topics[doc] // the two topics the statement has
 */
export function topicMask(topics: readonly string[]): number {
  let mask = 0;
  for (const t of topics) {
    const i = TOPICS.indexOf(t as Topic);
    if (i >= 0) mask |= 1 << i;
  }
  return mask;
}

/**
 * Every statement's facet values as small integers, by index document
 * number, so filtering and counting a query's hits is arithmetic over
 * typed arrays (a broad query on a large corpus has tens of thousands).
 */
export interface FacetTable {
  /** The value each code stands for. */
  values: Record<FacetKey, readonly string[]>;
  /** The code of each value. */
  codeOf: Record<FacetKey, ReadonlyMap<string, number>>;
  /** Each document's code for the one-valued facets. */
  codes: Record<SingleKey, Uint32Array>;
  /** Each document's topics: bit i for `values.topics[i]`. */
  topics: Uint32Array;
  /** Each document's source date span (yyyymmdd); 0 when undated. */
  dateFrom: Uint32Array;
  dateTo: Uint32Array;
}

const SINGLE: readonly SingleKey[] = ['kinds', 'sides', 'speakers', 'files'];
const tables = new WeakMap<Corpus, FacetTable>();

/** The corpus's facet table, built on first use. */
export function facetTable(corpus: Corpus): FacetTable {
  const cached = tables.get(corpus);
  if (cached) return cached;
  const n = corpus.byDoc.length;
  const values = { kinds: [], sides: [], speakers: [], files: [], topics: [...TOPICS] } as Record<FacetKey, string[]>;
  if (TOPICS.length > 32) throw new Error('facetTable: more than 32 topics do not fit its masks');
  const codeOf = Object.fromEntries(SINGLE.map((k) => [k, new Map<string, number>()])) as Record<FacetKey, Map<string, number>>;
  codeOf.topics = new Map(TOPICS.map((t, i) => [t, i]));
  const codes = Object.fromEntries(SINGLE.map((k) => [k, new Uint32Array(n)])) as Record<SingleKey, Uint32Array>;
  const table: FacetTable = { values, codeOf, codes, topics: new Uint32Array(n), dateFrom: new Uint32Array(n), dateTo: new Uint32Array(n) };
  const spans = new Map<string, [number, number]>();
  corpus.byDoc.forEach((s, doc) => {
    const single: Record<SingleKey, string> = { kinds: s.kind, sides: s.speaker.side, speakers: s.speaker.id, files: s.file };
    for (const key of SINGLE) {
      let code = codeOf[key].get(single[key]);
      if (code === undefined) {
        code = values[key].push(single[key]) - 1;
        codeOf[key].set(single[key], code);
      }
      codes[key][doc] = code;
    }
    table.topics[doc] = topicMask(s.topics);
    let span = spans.get(s.file);
    if (!span) spans.set(s.file, (span = dayNumbers(corpus.sources.get(s.file)?.date)));
    [table.dateFrom[doc], table.dateTo[doc]] = span;
  });
  tables.set(corpus, table);
  return table;
}

/** What `filterDocs` leaves and counts. */
export interface Filtered {
  /** Positions in the `docs` given of those passing every filter, in order. */
  passing: Uint32Array;
  counts: FacetCounts;
}

/**
 * The documents of `docs` that pass `filters`, and the disjunctive counts
 * of every facet value among `docs` (see the file comment): a value's count
 * is how many documents it would leave with the other facets applied.
 */
export function filterDocs(table: FacetTable, docs: ArrayLike<number>, filters: FacetFilters): Filtered {
  // Per one-valued facet, by its position in SINGLE: the ticked codes (null: no choice), the codes, the tallies.
  const chosen = SINGLE.map((key) => {
    const wanted = filters[key] as readonly string[] | undefined;
    if (!wanted?.length) return null;
    const flags = new Uint8Array(table.values[key].length);
    for (const v of wanted) {
      const code = table.codeOf[key].get(v);
      if (code !== undefined) flags[code] = 1;
    }
    return flags;
  });
  const codes = SINGLE.map((key) => table.codes[key]);
  const tally = SINGLE.map((key) => new Uint32Array(table.values[key].length));
  const topicTally = new Uint32Array(TOPICS.length);
  // An unknown topic adds no bit: chosen alone, it leaves nothing, as an unknown speaker does.
  const chosenTopics = filters.topics?.length ? topicMask(filters.topics) : null;
  const ranged = Boolean(filters.from || filters.to);
  const lower = filters.from ? dayNumbers(filters.from)[0] || null : null;
  const upper = filters.to ? dayNumbers(filters.to)[1] || null : null;
  const { topics: topicsOf, dateFrom, dateTo } = table;
  // The four one-valued facets by name, not in a loop: this runs per hit, and locals compile tight.
  const [kindCodes, sideCodes, speakerCodes, fileCodes] = codes as [Uint32Array, Uint32Array, Uint32Array, Uint32Array];
  const [kindChosen, sideChosen, speakerChosen, fileChosen] = chosen;
  const [kindTally, sideTally, speakerTally, fileTally] = tally as [Uint32Array, Uint32Array, Uint32Array, Uint32Array];
  const passing = new Uint32Array(docs.length);
  let kept = 0;
  let undated = 0;
  // Facets that fail a document, as bits in SINGLE's order, then topics, then dates.
  const [KIND, SIDE, SPEAKER, FILE, TOPIC, DATE] = [1, 2, 4, 8, 16, 32];
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i]!;
    const kind = kindCodes[doc]!;
    const side = sideCodes[doc]!;
    const speaker = speakerCodes[doc]!;
    const file = fileCodes[doc]!;
    const topics = topicsOf[doc]!;
    let failed = 0;
    if (kindChosen && !kindChosen[kind]) failed |= KIND;
    if (sideChosen && !sideChosen[side]) failed |= SIDE;
    if (speakerChosen && !speakerChosen[speaker]) failed |= SPEAKER;
    if (fileChosen && !fileChosen[file]) failed |= FILE;
    if (chosenTopics !== null && (topics & chosenTopics) === 0) failed |= TOPIC;
    const undatedDoc = dateFrom[doc] === 0;
    if (ranged && (undatedDoc || (lower !== null && dateTo[doc]! < lower) || (upper !== null && dateFrom[doc]! > upper))) failed |= DATE;
    if (failed === 0) passing[kept++] = i;
    else if (failed === DATE && undatedDoc) undated++;
    // A facet's counts ignore that facet's own choice: count it when it is the only one failing.
    if ((failed & (failed - 1)) !== 0) continue; // two or more fail: no count moves
    if ((failed & ~KIND) === 0) kindTally[kind]!++;
    if ((failed & ~SIDE) === 0) sideTally[side]!++;
    if ((failed & ~SPEAKER) === 0) speakerTally[speaker]!++;
    if ((failed & ~FILE) === 0) fileTally[file]!++;
    if ((failed & ~TOPIC) === 0) for (let bits = topics, t = 0; bits; bits >>>= 1, t++) if (bits & 1) topicTally[t]!++;
  }
  const tallies: Record<FacetKey, Uint32Array> = { ...(Object.fromEntries(SINGLE.map((k, f) => [k, tally[f]!])) as Record<SingleKey, Uint32Array>), topics: topicTally };
  const counts = Object.fromEntries(FACET_KEYS.map((key) => [key, facetCount(table, key, tallies[key])])) as Record<FacetKey, FacetCount>;
  return { passing: passing.subarray(0, kept), counts: { ...counts, undated } };
}

/**
 * One facet's counts, read straight from its tally: a large corpus has
 * thousands of source documents, and nothing is built per keystroke. Two
 * questions only: the count of a value, and the values that have any.
 */
export interface FacetCount {
  /** How many results `value` would match (0 for an unknown value). */
  of(value: string): number;
  /** The values with a count above 0, in code order, with their counts. */
  entries(): IterableIterator<[string, number]>;
}

function facetCount(table: FacetTable, key: FacetKey, counts: Uint32Array): FacetCount {
  const values = table.values[key];
  const codeOf = table.codeOf[key];
  return {
    of: (value) => {
      const code = codeOf.get(value);
      return code === undefined ? 0 : counts[code]!;
    },
    *entries() {
      for (let code = 0; code < counts.length; code++) if (counts[code]! > 0) yield [values[code]!, counts[code]!];
    },
  };
}

/** Whether any filter is set. */
export function hasFilters(filters: FacetFilters): boolean {
  return Boolean(filters.from || filters.to) || FACET_KEYS.some((k) => (filters[k]?.length ?? 0) > 0);
}
