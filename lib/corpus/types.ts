/**
 * The statement model: what `lib/corpus` extracts from `seeds/` and what
 * every later stage (index, background, card, panel) reads. Plain data, so it
 * serializes to `data/` as is.
 */

/** Whose words these are, as the reader sees it. */
export type Kind = 'primary' | 'counterclaim' | 'context';

/** The camp a speaker belongs to; drives the card's grouping and colours. */
export type Side = 'huawei' | 'chinese-government' | 'us-government' | 'independent' | 'press';

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
  | 'globalisation';

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
  topics: Topic[];
  /** Ids of the statements this one answers or disputes. */
  answers: string[];
  /** Spans of identical quotes merged into this record (same file or others). */
  duplicates: { file: string; span: [number, number] }[];
}
