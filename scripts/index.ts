/**
 * npm run index [-- --check | --report] [--seeds DIR] [--out DIR]
 *
 * Builds data/ (index.json, statements.json, sources.json, documents.json)
 * from seeds/ with lib/corpus, byte-identical on every run, written
 * atomically, and writes the topics' names from the topic table
 * (lib/vocabulary/topics.ts) into the English locale, so a topic is one
 * entry there. --check exits 1 when data/ or those names are stale; --report prints what a
 * maintainer reviews (new speakers, unattributed quotes, statements kept and
 * not kept with file:line, changes against the committed data/). Any problem in seeds/ is printed with its file and
 * line, exits 1 and leaves data/ untouched.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fail as failAs, parseArgsOrFail } from './cli.ts';
import { buildCorpus } from '../lib/corpus/build.ts';
import { formatReport } from '../lib/corpus/report.ts';
import { readSeeds } from '../lib/corpus/seeds.ts';
import { InputError } from '../lib/data/input-error.ts';
import type { Statement } from '../lib/data/types.ts';
import { staleFiles, writeDirAtomically } from '../lib/corpus/write.ts';
import { topicMessages } from '../lib/vocabulary/topics.ts';

const root = resolve(import.meta.dirname, '..');

const fail: (lines: readonly string[]) => never = (lines) => failAs('index', lines);

const LOCALE = resolve(root, 'public/_locales/en/messages.json');

/**
 * The English locale file with its `topic_` entries as the topic table has
 * them: in the place of the old ones (or at the end), in the table's order,
 * stale ones dropped, every other entry as it was.
 */
function localeWithTopics(text: string): string {
  const messages = JSON.parse(text) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  let placed = false;
  const place = () => {
    for (const [key, entry] of topicMessages()) out[key] = entry;
    placed = true;
  };
  for (const [key, entry] of Object.entries(messages)) {
    if (!key.startsWith('topic_')) out[key] = entry;
    else if (!placed) place();
  }
  if (!placed) place();
  return `${JSON.stringify(out, null, 2)}\n`;
}

function main(): void {
  const args = parseArgsOrFail(
    'index',
    {
      options: {
        check: { type: 'boolean', default: false },
        report: { type: 'boolean', default: false },
        seeds: { type: 'string', default: resolve(root, 'seeds') },
        out: { type: 'string', default: resolve(root, 'data') },
      },
      allowPositionals: false,
    },
    'usage: npm run index -- [--check] [--report] [--seeds DIR] [--out DIR]',
  ).values;
  let input;
  try {
    input = readSeeds(args.seeds);
  } catch (e) {
    if (e instanceof InputError) fail([`cannot build, nothing written:`, ...e.problems.map((p) => `  ${p}`)]);
    throw e;
  }
  const result = buildCorpus(input.seeds, input.overrides, input.entities);
  if (result.errors.length > 0) fail(['cannot build, nothing written:', ...result.errors.map((p) => `  ${p}`)]);
  if (args.report) {
    const committed = resolve(args.out, 'statements.json');
    const previous = existsSync(committed) ? (JSON.parse(readFileSync(committed, 'utf8')) as Statement[]) : null;
    process.stdout.write(formatReport(result, { dir: `${relative(process.cwd(), args.seeds) || '.'}/`, previous }));
  }

  const locale = readFileSync(LOCALE, 'utf8');
  const topics = localeWithTopics(locale);
  if (args.check) {
    const stale = staleFiles(args.out, result.files);
    if (stale.length > 0) {
      fail([`${args.out} is stale against ${args.seeds} and lib/corpus: ${stale.join(', ')}`, 'run `npm run index` and commit data/']);
    }
    if (topics !== locale) fail([`${relative(root, LOCALE)}: the topic names differ from lib/vocabulary/topics.ts`, 'run `npm run index` and commit the locale']);
    process.stdout.write(`index: ${args.out} is up to date (${result.statements.length} statements)\n`);
    return;
  }
  if (args.report) return;
  writeDirAtomically(args.out, result.files);
  if (topics !== locale) {
    writeFileSync(LOCALE, topics);
    process.stdout.write(`index: wrote the topic names to ${relative(root, LOCALE)}\n`);
  }
  for (const w of result.warnings) process.stderr.write(`index: warning: ${w}\n`);
  process.stdout.write(`index: wrote ${[...result.files.keys()].join(', ')} to ${args.out} (${result.statements.length} statements)\n`);
}

main();
