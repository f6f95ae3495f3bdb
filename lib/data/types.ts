import type { Speaker } from '../vocabulary/entities.ts';
import type { Topic } from '../vocabulary/topics.ts';

/**
 * The `data/` contract: what `lib/corpus` (the build) writes from `seeds/`
 * and what the runtime (index, background, card, panel) reads. Plain data,
 * so it serializes to `data/` as is. Defined here, below both sides, so the
 * runtime never imports the build to learn the shape of its input.
 */

/** Whose words these are, as the reader sees it; in the order the card and the report list them. */
export const KINDS = ['primary', 'counterclaim', 'context'] as const;
export type Kind = (typeof KINDS)[number];

/**
 * How the text gives these words, i.e. why the statement got its `kind`:
 * - `quote`: inside quotation marks, or a block quote introduced by "X said;".
 * - `transcript`: a labelled turn of a transcript (`LIANG HUA: ...`).
 * - `own-text`: text the speaker published itself (Huawei's own page).
 * - `reported`: the writer's paraphrase of what a party said ("Zhao said that ...").
 * - `narration`: the writer's own words.
 */
export const VOICES = ['quote', 'transcript', 'own-text', 'reported', 'narration'] as const;
export type Voice = (typeof VOICES)[number];

/**
 * Whether the text is the speaker's own words, word for word. Only these are
 * drawn as quotations (quotation marks, quote bar); a paraphrase ("Zhao said
 * that ...") or the writer's narration must never look like a quote.
 */
export function isVerbatim(voice: Voice): boolean {
  return voice === 'quote' || voice === 'transcript' || voice === 'own-text';
}

/**
 * The rule that named the speaker; shown by `npm run index -- --report` so a
 * maintainer can see why a sentence went to whom.
 */
export const VIAS = [
  'quote-tag',
  'quote-sibling',
  'quote-continuation',
  'block-quote',
  'transcript-label',
  'transcript-turn',
  'self-published',
  'reported-speech',
  'trailing-tag',
  'paragraph-tag',
  'narration',
  'override',
] as const;
export type Via = (typeof VIAS)[number];

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

/** What a paragraph of a cleaned document is, for the reader view's layout. */
export const PARAGRAPH_ROLES = ['title', 'heading', 'body'] as const;
export type ParagraphRole = (typeof PARAGRAPH_ROLES)[number];

/** One paragraph of a cleaned document: its exact text and where it sits in the original seed file. */
export interface ReaderParagraph {
  /** UTF-16 offsets into the original file, end exclusive (statement spans subtract its start). */
  span: [number, number];
  role: ParagraphRole;
  text: string;
}

/** A cleaned document for the reader view: one entry of `data/documents.json`. */
export interface ReaderDocument {
  file: string;
  paragraphs: ReaderParagraph[];
}
