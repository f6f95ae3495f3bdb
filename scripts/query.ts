/**
 * npm run --silent query -- [--json] [--context TEXT] [--category C] [--term T] [--at N] [--data DIR] QUERY
 *
 * Asks the bundled corpus in data/ (the files the extension ships; nothing
 * is rebuilt) what the side panel (plain QUERY) or the hover card (QUERY as
 * the highlighted mention, --context as its paragraph) would show. The card
 * question is the background's own lookup (`lookupCard`), with what the
 * detector found: --category and --term as the content script sends them,
 * or, when absent, what the detector's term table says of QUERY. --at is the
 * mention's offset in the context (default: its first occurrence).
 * --json prints {"results":[{id, kind, speaker, side, text, topics, score,
 * source:{file, title, publisher, date, url}}], "reason": ...}, in the
 * card's order (side panel: best first); an empty list is a valid answer.
 * The text options take any value, even one starting with "-"
 * (`--context "- a quote"` or `--context=- a quote`).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadCorpus } from '../lib/search/load.ts';
import { CATEGORIES, type Category } from '../lib/vocabulary/categories.ts';
import { lookupCard } from '../lib/search/lookup.ts';
import type { CardReason } from '../lib/search/query.ts';
import { searchCorpus } from '../lib/search/search.ts';
import type { Result } from '../lib/search/result.ts';
import { fail as failAs, parseArgsOrFail, statementText } from './cli.ts';

const USAGE = 'usage: npm run --silent query -- [--json] [--context TEXT] [--category C] [--term T] [--at N] [--data DIR] QUERY';

/** Options whose value is free text: the next argument is their value whatever it looks like. */
const TEXT_OPTIONS = new Set(['--context', '--term', '--category', '--at', '--data']);

/**
 * `--context VALUE` as `--context=VALUE`, so a value that starts with "-"
 * (a paragraph opening with a dash) is not taken for an option.
 */
function joinTextOptions(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      out.push(...args.slice(i));
      break;
    }
    if (TEXT_OPTIONS.has(arg) && i + 1 < args.length) out.push(`${arg}=${args[++i]}`);
    else out.push(arg);
  }
  return out;
}

/** A bad call or an unreadable file: the message and the usage, exit 2. */
const fail: (message: string) => never = (message) => failAs('query', [message, USAGE], 2);

function readJson(dir: string, file: string): unknown {
  const path = resolve(dir, file);
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    process.stderr.write(`query: cannot read ${path}: ${e instanceof Error ? e.message : String(e)}; run npm run index\n`);
    process.exit(1);
  }
}

function asJson(results: Result[], reason: CardReason | null): string {
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
    reason,
  });
}

function asText(results: Result[], reason: CardReason | null): string {
  if (results.length === 0) return 'No statements above the relevance threshold.\n';
  const why = reason
    ? `why: topics ${reason.topics.join(', ') || '-'}; words ${reason.words.join(', ') || '-'}${reason.speaker ? `; ${reason.speaker} named` : ''}${reason.pairedLeftOff ? `; ${reason.pairedLeftOff} paired with the lead left off` : ''}\n\n`
    : '';
  return why + results
    .map((r, i) => {
      const when = r.source.date ?? 'date unknown';
      const where = r.source.title ?? r.source.publisher ?? r.source.file;
      return `${i + 1}. [${r.kind}] ${r.speaker.name} (${r.speaker.role}; ${r.side})  score ${r.score.toFixed(2)}\n   ${statementText(r.text, r.voice)}\n   topics: ${r.topics.join(', ') || '-'}\n   source: ${where}, ${when} (${r.source.file})${r.source.url ? `\n   ${r.source.url}` : ''}`;
    })
    .join('\n\n')
    .concat('\n');
}

const { values, positionals } = parseArgsOrFail(
  'query',
  {
    args: joinTextOptions(process.argv.slice(2)),
    options: {
      json: { type: 'boolean', default: false },
      context: { type: 'string' },
      category: { type: 'string' },
      term: { type: 'string' },
      at: { type: 'string' },
      data: { type: 'string', default: resolve(import.meta.dirname, '..', 'data') },
    },
    allowPositionals: true,
  },
  USAGE,
);
const query = positionals.join(' ');
if (values.category !== undefined && !CATEGORIES.includes(values.category as Category)) {
  fail(`unknown --category ${values.category} (one of ${CATEGORIES.join(', ')})`);
}
const at = values.at === undefined ? undefined : Number(values.at);
if (at !== undefined && (!Number.isSafeInteger(at) || at < 0)) fail(`--at must be a non-negative integer, not ${values.at}`);
if (values.context === undefined && (values.category ?? values.term ?? values.at) !== undefined) fail('--category, --term and --at describe a card question: give --context too');
const corpus = loadCorpus({
  index: readJson(values.data, 'index.json'),
  statements: readJson(values.data, 'statements.json'),
  sources: readJson(values.data, 'sources.json'),
});
const { results, reason } =
  values.context !== undefined
    ? lookupCard(corpus, query, values.context, { category: values.category as Category | undefined, term: values.term, at })
    : { results: searchCorpus(corpus, query).first(20), reason: null };
process.stdout.write(values.json ? `${asJson(results, reason)}\n` : asText(results, reason));
