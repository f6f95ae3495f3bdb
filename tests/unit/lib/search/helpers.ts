import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Corpus, loadCorpus } from '../../../../lib/search/load.ts';

/** The corpus as the extension ships it: the committed data/ files, loaded as the background will. */
export const DATA = resolve(import.meta.dirname, '../../../../data');

let cached: Corpus | undefined;

export function corpus(): Corpus {
  if (!cached) {
    const read = (f: string) => JSON.parse(readFileSync(join(DATA, f), 'utf8'));
    cached = loadCorpus({ index: read('index.json'), statements: read('statements.json'), sources: read('sources.json') });
  }
  return cached;
}
