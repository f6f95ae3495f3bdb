/**
 * The statement model: what `lib/corpus` extracts from `seeds/` and what
 * every later stage (index, background, card, panel) reads. Plain data, so it
 * serializes to `data/` as is.
 */

/** Whose words these are, as the reader sees it. */
export type Kind = 'primary' | 'counterclaim' | 'context';

/**
 * The camp a speaker belongs to; drives the card's grouping and colours.
 * `unnamed` is a party the source does not identify ("some groups of
 * politicians"): it is kept apart so that a vague claim is never shown under a
 * named camp the text does not name.
 */
export type Side =
  | 'huawei'
  | 'chinese-government'
  | 'us-government'
  | 'independent'
  | 'press'
  | 'unnamed';

export type Topic =
  | 'no-spy'
  | 'backdoor'
  | 'sanctions'
  | 'entity-list'
  | 'chips'
  | '5g'
  | 'trade'
  | 'intelligence-law'
  | 'independence'
  | 'meng-wanzhou'
  | 'security'
  | 'globalisation'
  | 'operating-system';

/**
 * How the text gives these words, i.e. why the statement got its `kind`:
 * - `quote`: inside quotation marks, or a block quote introduced by "X said;".
 * - `transcript`: a labelled turn of a transcript (`LIANG HUA: ...`).
 * - `own-text`: text the speaker published itself (Huawei's own page).
 * - `reported`: the writer's paraphrase of what a party said ("Zhao said that ...").
 * - `narration`: the writer's own words.
 */
export type Voice = 'quote' | 'transcript' | 'own-text' | 'reported' | 'narration';

/**
 * The rule that named the speaker; shown by `npm run index -- --report` so a
 * maintainer can see why a sentence went to whom.
 */
export type Via =
  | 'quote-tag'
  | 'quote-sibling'
  | 'quote-continuation'
  | 'block-quote'
  | 'transcript-label'
  | 'transcript-turn'
  | 'self-published'
  | 'reported-speech'
  | 'trailing-tag'
  | 'paragraph-tag'
  | 'narration'
  | 'override';

/** One source document's metadata; every field but `file` may be unknown. */
export interface DocumentMeta {
  /** File name in `seeds/`, the document's stable id. */
  file: string;
  title: string | null;
  publisher: string | null;
  url: string | null;
  /** ISO date, possibly partial ("2021-02"), or null when unknown. */
  date: string | null;
  author: string | null;
}

export interface Speaker {
  /** Stable key in the entity table, e.g. "ren-zhengfei". */
  id: string;
  /** Canonical display name, e.g. "Ren Zhengfei". */
  name: string;
  /** Role and affiliation, e.g. "Founder and CEO, Huawei". */
  role: string;
  side: Side;
}

export interface Statement {
  /** Stable across rebuilds while the source text is unchanged. */
  id: string;
  /** Verbatim: exactly `source.slice(span[0], span[1])` of the original file. */
  text: string;
  file: string;
  /** UTF-16 offsets into the original file, end exclusive. */
  span: [number, number];
  speaker: Speaker;
  kind: Kind;
  voice: Voice;
  via: Via;
  topics: Topic[];
  /**
   * Ids of the statements this one answers or disputes, in the same document:
   * a rebuttal lists the claim it rebuts; a counterclaim lists the opposing
   * primary statements it disputes. Never both directions for one pair.
   */
  answers: string[];
  /** Spans of identical quotes merged into this record (same file or others). */
  duplicates: { file: string; span: [number, number] }[];
}
