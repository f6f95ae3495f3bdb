/**
 * `npm run --silent eval:detect -- [--json] [--dir DIR]`: how well the
 * extension's detector highlights what a careful reader wants on real
 * articles, and leaves alone what they don't. The logic is in
 * tests/eval/detect.ts; the labelling rules in tests/fixtures/detect/README.md.
 */
import { parseArgsOrFail } from './cli.ts';
import { InputError } from '../lib/data/input-error.ts';
import { evaluate, formatReport, loadSet } from '../tests/eval/detect.ts';

const HELP = `Usage: npm run --silent eval:detect -- [--json] [--dir DIR]

Runs the detector on every article of the detection development set
(DIR, default tests/fixtures/detect: articles/*.txt and labels.json), the
way npm run scan reads a .txt page, and prints:
  recall          wanted mentions overlapped by a highlight (per category too)
  off-topic rate  off-topic uses of the same words that got highlighted
  unrelated       highlights on articles with no label at all (should be 0)
then one line per article and every miss (file:line, category, mention,
context) and every false highlight (what was highlighted, its term).

  --json   the whole report as JSON: {"totals": {...}, "articles": [...]}

Exit status: 0 when the report was printed; 2 on bad usage or a bad labels
file (the message names file and line).`;

function main(argv: string[]): number {
  const args = parseArgsOrFail('eval:detect', { args: argv, options: { json: { type: 'boolean' }, dir: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }, HELP);
  if (args.values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  let report;
  try {
    report = evaluate(loadSet(args.values.dir ?? 'tests/fixtures/detect'));
  } catch (e) {
    if (!(e instanceof InputError) && !(e instanceof Error && 'code' in e)) throw e;
    process.stderr.write(`eval:detect: ${e.message}\n`);
    return 2;
  }
  process.stdout.write(`${args.values.json ? JSON.stringify(report, null, 2) : formatReport(report)}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
