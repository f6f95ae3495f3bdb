import { answeredBy } from '../data/answers.ts';
import { parseCorpusData, type RawCorpusData } from '../data/parse.ts';
import type { DocumentMeta, Statement } from '../data/types.ts';
import { Postings } from './postings.ts';

/**
 * Loading the bundled corpus (data/index.json, data/statements.json,
 * data/sources.json) into something searchable. The background service
 * worker, the side panel and `npm run query` all go through here; the
 * index is searched with the options of `lib/data/index-options.ts` (the ones it was
 * built with) by `postings.ts`.
 */

export interface Corpus {
  index: Postings;
  /** Statements by id, in data order. */
  statements: ReadonlyMap<string, Statement>;
  /** The statement of each index document number (`Hits.docs`). */
  byDoc: readonly Statement[];
  /** Document metadata by file name. */
  sources: ReadonlyMap<string, DocumentMeta>;
  /** Index document number of each statement id. */
  docOf: ReadonlyMap<string, number>;
  /** Ids of the statements that answer each statement (the reverse of `Statement.answers`). */
  answeredBy: ReadonlyMap<string, readonly string[]>;
}

/**
 * The one way in: the raw JSON goes through `parseCorpusData` (which throws a
 * `InputError` naming the file) before anything reads it.
 */
export function loadCorpus(raw: RawCorpusData): Corpus {
  const data = parseCorpusData(raw);
  const index = new Postings(data.index);
  const statements = new Map(data.statements.map((s) => [s.id, s]));
  const byDoc = index.ids.map((id) => statements.get(id));
  if (index.docCount !== statements.size || byDoc.some((s) => s === undefined)) {
    throw new Error(`corpus data out of step: index has ${index.docCount} statements, statements.json ${statements.size}; run npm run index`);
  }
  return {
    index,
    statements,
    byDoc: byDoc as Statement[],
    sources: new Map(data.sources.map((d) => [d.file, d])),
    docOf: new Map(index.ids.map((id, doc) => [id, doc])),
    answeredBy: new Map([...answeredBy(data.statements)].map(([target, by]) => [target, by.map((s) => s.id)])),
  };
}
