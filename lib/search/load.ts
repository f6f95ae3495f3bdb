import MiniSearch, { type AsPlainObject } from 'minisearch';
import type { DocumentMeta, Statement } from '../corpus/types.ts';
import { type IndexDoc, INDEX_OPTIONS } from './options.ts';

/**
 * Loading the bundled corpus (data/index.json, data/statements.json,
 * data/sources.json) into something searchable. The background service
 * worker, the side panel and `npm run query` all go through here, with the
 * options of `options.ts` (the ones the index was built with).
 */

/** The parsed contents of the three data files the runtime needs. */
export interface CorpusData {
  /** data/index.json, parsed (or the raw JSON string). */
  index: AsPlainObject | string;
  /** data/statements.json */
  statements: Statement[];
  /** data/sources.json */
  sources: DocumentMeta[];
}

export interface Corpus {
  index: MiniSearch<IndexDoc>;
  /** Statements by id, in data order. */
  statements: ReadonlyMap<string, Statement>;
  /** Document metadata by file name. */
  sources: ReadonlyMap<string, DocumentMeta>;
}

export function loadCorpus(data: CorpusData): Corpus {
  const index =
    typeof data.index === 'string'
      ? MiniSearch.loadJSON<IndexDoc>(data.index, INDEX_OPTIONS)
      : MiniSearch.loadJS<IndexDoc>(data.index, INDEX_OPTIONS);
  const statements = new Map(data.statements.map((s) => [s.id, s]));
  if (index.documentCount !== statements.size) {
    throw new Error(`corpus data out of step: index has ${index.documentCount} statements, statements.json ${statements.size}; run npm run index`);
  }
  return { index, statements, sources: new Map(data.sources.map((d) => [d.file, d])) };
}
