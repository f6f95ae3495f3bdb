import type { AsPlainObject } from 'minisearch';
import { SIDES } from '../vocabulary/entities.ts';
import { InputError } from './input-error.ts';
import { TOPICS } from '../vocabulary/topics.ts';
import { type DocumentMeta, KINDS, PARAGRAPH_ROLES, type ReaderDocument, type Statement, VIAS, VOICES } from './types.ts';

/**
 * The one gate between the JSON files of `data/` and typed code. Every
 * reader (background, side panel, CLIs, tests) hands the parsed JSON here
 * instead of casting it, so a `data/` written by an older build, or edited
 * by hand, fails once, at load, with the file and the entry that is wrong,
 * rather than as an `undefined` deep inside a card. The checks are of shape
 * only (95 statements take well under a millisecond); what the values mean
 * is the build's business.
 */

/** The three files the search needs, as they come out of `JSON.parse` or a JSON import. */
export interface RawCorpusData {
  /** data/index.json (parsed, or the raw JSON string). */
  index: unknown;
  /** data/statements.json */
  statements: unknown;
  /** data/sources.json */
  sources: unknown;
}

/** The same three files, checked. */
export interface CorpusData {
  /** MiniSearch's serialized index, built with `lib/data/index-options.ts`. */
  index: AsPlainObject;
  statements: Statement[];
  sources: DocumentMeta[];
}

type Check = (value: unknown) => string | null;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str: Check = (v) => (typeof v === 'string' ? null : 'must be a string');
const nullableStr: Check = (v) => (v === null || typeof v === 'string' ? null : 'must be a string or null');
const oneOf =
  (values: readonly string[]): Check =>
  (v) =>
    typeof v === 'string' && values.includes(v) ? null : `must be one of ${values.join(', ')}, not ${JSON.stringify(v)}`;
const span: Check = (v) =>
  Array.isArray(v) && v.length === 2 && v.every((n) => Number.isSafeInteger(n) && n >= 0) && v[0] <= v[1] ? null : 'must be [start, end] offsets';
const listOf =
  (item: Check): Check =>
  (v) => {
    if (!Array.isArray(v)) return 'must be an array';
    for (let i = 0; i < v.length; i++) {
      const problem = item(v[i]);
      if (problem !== null) return `[${i}] ${problem}`;
    }
    return null;
  };
const shape =
  (fields: Record<string, Check>): Check =>
  (v) => {
    if (!isObject(v)) return 'must be an object';
    for (const [name, check] of Object.entries(fields)) {
      const problem = check(v[name]);
      if (problem !== null) return `"${name}" ${problem}`;
    }
    return null;
  };

const SPEAKER = shape({ id: str, name: str, role: str, side: oneOf(SIDES) });
const STATEMENT = shape({
  id: str,
  text: str,
  file: str,
  span,
  speaker: SPEAKER,
  kind: oneOf(KINDS),
  voice: oneOf(VOICES),
  via: oneOf(VIAS),
  topics: listOf(oneOf(TOPICS)),
  answers: listOf(str),
  duplicates: listOf(shape({ file: str, span })),
});
const SOURCE = shape({ file: str, title: nullableStr, publisher: nullableStr, url: nullableStr, date: nullableStr, author: nullableStr });
const DOCUMENT = shape({
  file: str,
  paragraphs: listOf(shape({ span, role: oneOf(PARAGRAPH_ROLES), text: str })),
});
/** The parts of MiniSearch's serialized form that `Postings` reads. */
const INDEX = shape({
  documentCount: (v) => (Number.isSafeInteger(v) ? null : 'must be an integer'),
  documentIds: (v) => (isObject(v) ? null : 'must be an object'),
  fieldIds: (v) => (isObject(v) ? null : 'must be an object'),
  fieldLength: (v) => (isObject(v) ? null : 'must be an object'),
  averageFieldLength: (v) => (Array.isArray(v) ? null : 'must be an array'),
  index: (v) => (Array.isArray(v) ? null : 'must be an array'),
});

/** Checks every entry of a data file's top-level array; the error names the file, the entry and its id or file name. */
function checkedArray<T>(file: string, value: unknown, check: Check): T[] {
  if (!Array.isArray(value)) throw new InputError([`data/${file}: must be an array`]);
  value.forEach((entry, i) => {
    const problem = check(entry);
    if (problem === null) return;
    const name = isObject(entry) ? (entry.id ?? entry.file) : undefined;
    throw new InputError([`data/${file}: entry ${i}${typeof name === 'string' ? ` (${name})` : ''}: ${problem}`]);
  });
  return value as T[];
}

/**
 * Checks the three files the search needs.
 * @throws InputError naming the file and entry, e.g. `data/statements.json: entry 3 (000_x#1): "kind" must be one of ...`.
 */
export function parseCorpusData(raw: RawCorpusData): CorpusData {
  let index = raw.index;
  if (typeof index === 'string') {
    try {
      index = JSON.parse(index) as unknown;
    } catch (e) {
      throw new InputError([`data/index.json: not JSON (${e instanceof Error ? e.message : String(e)})`]);
    }
  }
  const problem = INDEX(index);
  if (problem !== null) throw new InputError([`data/index.json: ${problem}`]);
  return {
    index: index as AsPlainObject,
    statements: checkedArray<Statement>('statements.json', raw.statements, STATEMENT),
    sources: checkedArray<DocumentMeta>('sources.json', raw.sources, SOURCE),
  };
}

/** Checks data/documents.json (the reader view's cleaned documents). */
export function parseDocuments(raw: unknown): ReaderDocument[] {
  return checkedArray<ReaderDocument>('documents.json', raw, DOCUMENT);
}
