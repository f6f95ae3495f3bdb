/**
 * npm run --silent tune:card -- [--write [--rows MATTER,...]] [--folds K]
 *
 * Learns the card's topic affinity table (`lib/search/card-affinity.json`,
 * read by `card-weights.ts`) and its word model (`lib/search/card-words.json`,
 * `tests/eval/card-words.ts`) from the card relevance development set
 * (tests/fixtures/card), and says what it is worth on paragraphs it did not
 * see (how: `tests/eval/card-folds.ts`). Prints the card without a learned
 * table, the held-out figures (K-fold by article), and the in-sample
 * figures with the table learned on all of the set; --write writes that
 * table and the word model. With --rows, only the rows of those question matters are
 * re-learned and written, the others kept as they are in the file (session
 * 12: the rows learned on the first 91 paragraphs did better on the test
 * splits than the same rows re-learned on all 191, see `card-weights.ts`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgsOrFail } from './cli.ts';
import { CARD_WEIGHTS } from '../lib/search/card-weights.ts';
import { loadCorpus } from '../lib/search/load.ts';
import { heldOut, learnAffinity, withWeights } from '../tests/eval/card-folds.ts';
import { learnCardWords } from '../tests/eval/card-words.ts';
import { type CardEval, runCardEval } from '../tests/eval/card-run.ts';
import { parseItems } from '../tests/eval/card.ts';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = resolve(ROOT, 'lib/search/card-affinity.json');
const WORDS_OUT = resolve(ROOT, 'lib/search/card-words.json');

const USAGE = 'usage: npm run tune:card -- [--write [--rows MATTER,...]] [--folds K]';
const { values } = parseArgsOrFail(
  'tune:card',
  { options: { write: { type: 'boolean', default: false }, rows: { type: 'string' }, folds: { type: 'string', default: '5' } } },
  USAGE,
);
const K = Number(values.folds);
if (!Number.isInteger(K) || K < 2) {
  process.stderr.write(`tune:card: --folds must be an integer of 2 or more, not ${values.folds}\n`);
  process.exit(2);
}

const read = (file: string) => JSON.parse(readFileSync(resolve(ROOT, file), 'utf8'));
const corpus = loadCorpus({ index: read('data/index.json'), statements: read('data/statements.json'), sources: read('data/sources.json') });
const statements = [...corpus.statements.values()];
const setFile = resolve(ROOT, 'tests/fixtures/card/paragraphs.json');
const items = parseItems(read('tests/fixtures/card/paragraphs.json'), setFile);
const seedText = (file: string) => readFileSync(resolve(ROOT, 'seeds', file), 'utf8');
const input = { corpus, statements, seedText };

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const line = (name: string, t: CardEval['totals']) =>
  `${name.padEnd(34)} hit@3 ${pct(t.hit3)}  recall@5 ${pct(t.recall5)}  MRR ${t.mrr.toFixed(3)}  empty ${pct(t.emptyRate)}`;

const identity = { ...CARD_WEIGHTS, affinity: {}, wordMatters: 0, wordSides: 0 };
process.stdout.write(`${line('no learned affinity (all)', runCardEval(corpus, statements, items, seedText, withWeights(identity)).totals)}\n`);
const held = heldOut(input, items, K);
process.stdout.write(held ? `${line(`held out (${K}-fold by article)`, held)}\n` : `held out: fewer than ${K} articles\n`);
const learned = learnAffinity(input, items);
const rows = values.rows?.split(',').map((r) => r.trim()) ?? null;
const unknown = rows?.filter((r) => !(r in learned)) ?? [];
if (unknown.length > 0) {
  process.stderr.write(`tune:card: no matter ${unknown.join(', ')}\n${USAGE}\n`);
  process.exit(2);
}
const table = rows ? { ...read('lib/search/card-affinity.json'), ...Object.fromEntries(rows.map((r) => [r, learned[r as keyof typeof learned]])) } : learned;
const words = learnCardWords(input, items);
process.stdout.write(
  `${line(rows ? `rows ${rows.join(', ')} learned on all` : 'learned on all (in-sample)', runCardEval(corpus, statements, items, seedText, withWeights({ ...CARD_WEIGHTS, affinity: table, words })).totals)}\n`,
);
if (values.write) {
  writeFileSync(OUT, `${JSON.stringify(table, null, 2)}\n`);
  writeFileSync(WORDS_OUT, `${JSON.stringify(words)}\n`);
  process.stdout.write(`wrote ${OUT} and ${WORDS_OUT}\n`);
}
