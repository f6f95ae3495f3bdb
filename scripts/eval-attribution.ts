/**
 * npm run eval:attribution [-- --json] [--seeds DIR] [--fixtures DIR]
 *
 * Measures who-said-what against the hand labels in
 * tests/fixtures/attribution/: runs the real pipeline on seeds/ and on
 * seeds/ plus every development article as a new seed, then prints found /
 * speaker right (of found) / kind right (of found) per document and in total
 * for the dev set and the seeds, every miss with the label's file:line in its
 * article, the pipeline's warnings for the documents with misses, and kept
 * statements of a named party that no label covers (possible false
 * attributions). --json prints the whole report for machines instead.
 */
import { join, relative } from 'node:path';
import { fail as failAs, parseArgsOrFail } from './cli.ts';
import { InputError } from '../lib/data/input-error.ts';
import { DEFAULT_PATHS, type DocReport, type EvalReport, type Got, pct, ROOT, runEval, type Score, type SetReport } from '../tests/eval/attribution.ts';

const fail: (lines: readonly string[]) => never = (lines) => failAs('eval:attribution', lines);

function cell(text: string, width: number): string {
  const t = text.replace(/\s+/g, ' ');
  return t.length > width ? `${t.slice(0, width - 1)}…` : t.padEnd(width);
}

function scoreCells(s: Score): string {
  return `${String(s.labels).padStart(6)} ${`${s.found} ${pct(s.found, s.labels)}`.padStart(12)} ${`${s.speakerRight} ${pct(s.speakerRight, s.found)}`.padStart(12)} ${`${s.kindRight} ${pct(s.kindRight, s.found)}`.padStart(12)}`;
}

function gotText(g: Got): string {
  return `${g.speaker} (${g.side}) ${g.kind}/${g.via} at line ${g.line}: "${cell(g.text, 90).trim()}"`;
}

function table(name: string, set: SetReport): string[] {
  // Full file names: a maintainer opens the file the row names.
  const w = Math.max(8, ...set.documents.map((d) => d.file.length));
  const lines = [`== ${name}`, `${'document'.padEnd(w)} ${'labels'.padStart(6)} ${'found'.padStart(12)} ${'speaker'.padStart(12)} ${'kind'.padStart(12)}`];
  for (const d of set.documents) lines.push(`${d.file.padEnd(w)} ${scoreCells(d)}`);
  lines.push(`${'TOTAL'.padEnd(w)} ${scoreCells(set.total)}`);
  const n = set.total;
  lines.push(`writer's own words given to no party: ${n.narrationHeld} of ${n.narration} ${pct(n.narrationHeld, n.narration)}`, '');
  return lines;
}

function misses(dir: string, docs: DocReport[]): string[] {
  const lines: string[] = [];
  for (const d of docs) {
    const where = relative(ROOT, join(dir, d.file));
    const bad = d.verdicts.filter((v) => !v.found || !v.speakerRight || !v.kindRight);
    const given = d.narrationVerdicts.filter((v) => !v.held);
    if (bad.length === 0 && given.length === 0 && d.unlabelled.length === 0) continue;
    lines.push(`-- ${where}`);
    for (const v of bad) {
      const l = v.label;
      const head = `  ${where}:${v.labelLine}`;
      const want = `${l.speaker}${l.speakerAlso?.length ? ` (or ${l.speakerAlso.join(', ')})` : ''} ${l.kind}`;
      const text = `"${cell(l.text, 90).trim()}"`;
      if (!v.found) {
        lines.push(`${head} NOT FOUND ${text}`, `      want ${want}${v.partial ? `; best partial overlap: ${gotText(v.partial)}` : '; no kept statement overlaps it'}`);
        continue;
      }
      if (!v.speakerRight) lines.push(`${head} WRONG SPEAKER ${text}`, `      want ${want}; got ${gotText(v.got)}`);
      else lines.push(`${head} WRONG KIND ${text}`, `      want ${want}; got ${gotText(v.got)}`);
    }
    for (const v of given) {
      lines.push(`  ${where}:${v.labelLine} WRITER'S WORDS GIVEN TO A PARTY "${cell(v.label.text, 90).trim()}"`, `      got ${gotText(v.got!)}`);
    }
    for (const g of d.unlabelled) lines.push(`  ${where}:${g.line} UNLABELLED OUTPUT ${g.speaker} (${g.side}) ${g.kind}/${g.via}: "${cell(g.text, 90).trim()}"`);
    if (bad.length + given.length > 0) for (const w of d.warnings) lines.push(`  pipeline warning: ${w}`);
  }
  return lines;
}

function format(report: EvalReport, fixtures: string, seeds: string): string {
  const lines = [
    'Attribution eval: found = a kept statement covers >= half the label; speaker and kind are judged on the best-overlapping statement (of found).',
    'A "(writer)" label marks the writer\'s own words that read like a party\'s: held when no statement covering half of it names a party.',
    '',
    ...table('dev set (tests/fixtures/attribution)', report.dev),
    ...table('seeds', report.seeds),
    'Targets (issue #13), on each set: found >= 90%, speaker >= 95% of found, kind >= 90% of found.',
    '',
    'Misses (dev set):',
    ...misses(join(fixtures, 'articles'), report.dev.documents),
    '',
    'Misses (seeds):',
    ...misses(seeds, report.seeds.documents),
  ];
  return `${lines.join('\n')}\n`;
}

function main(): void {
  const args = parseArgsOrFail(
    'eval:attribution',
    {
      options: {
        json: { type: 'boolean', default: false },
        seeds: { type: 'string', default: DEFAULT_PATHS.seeds },
        fixtures: { type: 'string', default: DEFAULT_PATHS.fixtures },
      },
      allowPositionals: false,
    },
    'usage: npm run eval:attribution -- [--json] [--seeds DIR] [--fixtures DIR]',
  ).values;
  let report: EvalReport;
  try {
    report = runEval({ seeds: args.seeds, fixtures: args.fixtures });
  } catch (e) {
    if (e instanceof InputError) fail(['cannot evaluate:', ...e.problems.map((p) => `  ${p}`)]);
    throw e;
  }
  process.stdout.write(args.json ? `${JSON.stringify(report, null, 1)}\n` : format(report, args.fixtures, args.seeds));
}

main();
