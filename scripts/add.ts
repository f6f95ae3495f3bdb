/**
 * npm run add -- PAGE.html [--url URL] [--title T] [--publisher P] [--author A] [--date D] [--dry-run] [--seeds DIR] [--out DIR]
 *
 * Adds a saved article page to the corpus in one step: extracts the article
 * text and the metadata the page states (lib/extract), writes
 * seeds/NNN_<hash>.txt and its provenance.json entry, rebuilds data/ as
 * `npm run index` does, and prints the review of the new document. Nothing
 * is written when extraction, the duplicate check or the build fails, or
 * with --dry-run.
 */
import { readFileSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { fail as failAs, parseArgsOrFail } from './cli.ts';
import { commitAddition, planAddition, resultFor } from '../lib/corpus/add.ts';
import { InputError } from '../lib/data/input-error.ts';
import { formatReport } from '../lib/corpus/report.ts';
import { decodePage, extractArticle } from '../lib/extract/article.ts';
import { META_KEYS, type MetaKey } from '../lib/extract/meta.ts';

const root = resolve(import.meta.dirname, '..');
const USAGE =
  'usage: npm run add -- PAGE.html [--url URL] [--title T] [--publisher P] [--author A] [--date YYYY[-MM[-DD]]] [--dry-run] [--seeds DIR] [--out DIR]';

const fail: (lines: readonly string[]) => never = (lines) => failAs('add', lines);

const show = (path: string) => relative(process.cwd(), path) || path;

function main(): void {
  const { values: args, positionals } = parseArgsOrFail(
    'add',
    {
      options: {
        url: { type: 'string' },
        title: { type: 'string' },
        publisher: { type: 'string' },
        author: { type: 'string' },
        date: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        seeds: { type: 'string', default: resolve(root, 'seeds') },
        out: { type: 'string', default: resolve(root, 'data') },
      },
      allowPositionals: true,
    },
    USAGE,
  );
  if (positionals.length !== 1) fail([positionals.length === 0 ? 'no page given' : 'one page at a time', USAGE]);
  const page = positionals[0]!;

  let article;
  try {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(page));
    } catch (e) {
      throw new InputError([`${page}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`]);
    }
    article = extractArticle(decodePage(bytes, page), page);
  } catch (e) {
    if (e instanceof InputError) fail([...e.problems, 'nothing written']);
    throw e;
  }

  // The maintainer's values win over the page's; each field's origin goes into the notes.
  const given: Partial<Record<MetaKey, string>> = { url: args.url, title: args.title, publisher: args.publisher, author: args.author, date: args.date };
  const meta = {} as Record<MetaKey, string | null>;
  const origin: string[] = [];
  for (const key of META_KEYS) {
    const found = article.meta.fields[key];
    if (given[key] !== undefined) {
      meta[key] = given[key]!.trim() === '' ? null : given[key]!.trim();
      origin.push(`${key}: given with --${key}`);
    } else {
      meta[key] = found?.value ?? null;
      origin.push(`${key}: ${found ? found.source : 'not found on the page'}`);
    }
  }
  const skipped = article.meta.skipped.length > 0 ? ` Not used: ${article.meta.skipped.join('; ')}.` : '';
  const notes = `Added with \`npm run add\` from ${basename(page)}. ${origin.join('; ')}.${skipped}`;

  let plan;
  try {
    plan = planAddition(args.seeds, article.text, { title: meta.title, publisher: meta.publisher, url: meta.url, date: meta.date, author: meta.author }, notes);
  } catch (e) {
    if (e instanceof InputError) fail(e.problems);
    throw e;
  }

  const out: string[] = [];
  const words = article.text.split(/\s+/).filter(Boolean).length;
  out.push(`add: ${page} -> ${show(resolve(args.seeds, plan.file))} (${article.paragraphs.length} paragraphs, ${words} words)`, '');
  for (const [i, key] of META_KEYS.entries()) out.push(`  ${key.padEnd(10)} ${meta[key] === null ? 'null' : JSON.stringify(meta[key])}  [${origin[i]!.slice(key.length + 2)}]`);
  for (const s of article.meta.skipped) out.push(`  not used: ${s}`);
  if (article.setAside.length > 0) {
    out.push('', 'Set aside from the article (not in the text):');
    for (const s of article.setAside) out.push(`  ${s.length > 120 ? `${s.slice(0, 119)}…` : s}`);
  }
  if (args['dry-run']) {
    out.push('', `--- ${plan.file} ---`, plan.text.trimEnd(), `--- provenance.json entry (would be line ${plan.provenance.line}) ---`, JSON.stringify(plan.entry, null, 1));
  }
  out.push('', `Review of ${plan.file}:`, formatReport(resultFor(plan.result, plan.file), { dir: `${show(resolve(args.seeds))}/`, previous: null }));
  process.stdout.write(`${out.join('\n')}\n`);

  if (args['dry-run']) {
    process.stdout.write('add: --dry-run: nothing written\n');
    return;
  }
  let result;
  try {
    result = commitAddition(args.seeds, args.out, plan);
  } catch (e) {
    if (e instanceof InputError) fail(e.problems);
    fail([`${e instanceof Error ? e.message : String(e)}`, `nothing written: ${show(args.seeds)} and ${show(args.out)} are as they were`]);
  }
  process.stdout.write(
    `add: wrote ${show(resolve(args.seeds, plan.file))}, its entry at ${show(resolve(args.seeds, 'provenance.json'))}:${plan.provenance.line}, and ${show(args.out)} (${result.statements.length} statements)\n` +
      'add: check the fields above against the page and read the review; then commit seeds/ and data/ together\n',
  );
}

main();
