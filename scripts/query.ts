/**
 * npm run --silent query -- [--json] [--context TEXT] [--data DIR] QUERY
 *
 * Asks the bundled corpus in data/ (the files the extension ships; nothing
 * is rebuilt) what the side panel (plain QUERY) or the hover card (QUERY as
 * the highlighted mention, --context as its sentence or block) would show.
 * --json prints {"results":[{id, kind, speaker, side, text, topics, score,
 * source:{file, title, publisher, date, url}}]}, best first; an empty list
 * is a valid answer.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCorpus } from '../lib/search/load.ts';
import { cardQuery, searchCorpus } from '../lib/search/query.ts';
import type { Result } from '../lib/search/result.ts';

const USAGE = 'usage: npm run --silent query -- [--json] [--context TEXT] [--data DIR] QUERY';

function fail(message: string): never {
  process.stderr.write(`query: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function readJson(dir: string, file: string): unknown {
  const path = resolve(dir, file);
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    process.stderr.write(`query: cannot read ${path}: ${e instanceof Error ? e.message : String(e)}; run npm run index\n`);
    process.exit(1);
  }
}

function asJson(results: Result[]): string {
  return JSON.stringify({
    results: results.map((r) => ({
      id: r.id,
      kind: r.kind,
      speaker: r.speaker.name,
      side: r.side,
      text: r.text,
      topics: r.topics,
      score: r.score,
      source: { file: r.source.file, title: r.source.title, publisher: r.source.publisher, date: r.source.date, url: r.source.url },
    })),
  });
}

function asText(results: Result[]): string {
  if (results.length === 0) return 'No statements above the relevance threshold.\n';
  return results
    .map((r, i) => {
      const when = r.source.date ?? 'date unknown';
      const where = r.source.title ?? r.source.publisher ?? r.source.file;
      return `${i + 1}. [${r.kind}] ${r.speaker.name} (${r.speaker.role}; ${r.side})  score ${r.score.toFixed(2)}\n   “${r.text}”\n   topics: ${r.topics.join(', ') || '-'}\n   source: ${where}, ${when} (${r.source.file})${r.source.url ? `\n   ${r.source.url}` : ''}`;
    })
    .join('\n\n')
    .concat('\n');
}

let parsed;
try {
  parsed = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      context: { type: 'string' },
      data: { type: 'string', default: resolve(import.meta.dirname, '..', 'data') },
    },
    allowPositionals: true,
  });
} catch (e) {
  fail(e instanceof Error ? e.message : String(e));
}
const { values, positionals } = parsed;
const query = positionals.join(' ');
const corpus = loadCorpus({
  index: readJson(values.data, 'index.json') as never,
  statements: readJson(values.data, 'statements.json') as never,
  sources: readJson(values.data, 'sources.json') as never,
});
const results = values.context !== undefined ? cardQuery(corpus, query, values.context) : searchCorpus(corpus, query);
process.stdout.write(values.json ? `${asJson(results)}\n` : asText(results));
