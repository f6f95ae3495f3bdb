/**
 * npm run --silent tune:card -- [--write] [--folds K]
 *
 * Learns the card's topic affinity table (`lib/search/card-affinity.json`,
 * read by `card-weights.ts`) from the card relevance development set
 * (tests/fixtures/card), and says what it is worth on paragraphs it did not
 * see: K-fold cross-validation over articles (every paragraph of an article
 * in the same fold), the table learned on the other folds, the figures
 * measured on the held-out fold exactly as `npm run eval:card` measures
 * them. Prints the card without a learned table, the held-out figures, and
 * the in-sample figures with the table learned on all of the set; --write
 * writes that table.
 *
 * The table: for a question topic X (the mention's, sentence's or
 * paragraph's, see `card-question.ts`) and a statement topic Y, how much
 * more often the labels want a statement about Y when the paragraph is
 * about X than they want any statement (the lift), smoothed towards 1 with
 * ALPHA pseudo-observations and capped at CAP. The card adds BETA times the
 * lift above 1 to the identity (a topic asks for itself at 1): a learned
 * nudge, not a replacement, so a topic pair the set never saw still works.
 * It generalises over topics, not over sentences: no statement or
 * paragraph is named in it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { TOPICS } from '../lib/vocabulary/topics.ts';
import { type Matter, QUERY_TOPIC_CUES } from '../lib/search/card-cues.ts';
import { collapseText } from '../lib/detect/index.ts';
import { cardQuestion } from '../lib/search/card-question.ts';
import { CARD_WEIGHTS, type CardWeights } from '../lib/search/card-weights.ts';
import { loadCorpus } from '../lib/search/load.ts';
import { cardQuery, statementMatters } from '../lib/search/query.ts';
import { type AskCard, type CardEval, detectedOf, runCardEval } from '../tests/eval/card-run.ts';
import { type CardItem, parseItems } from '../tests/eval/card.ts';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = resolve(ROOT, 'lib/search/card-affinity.json');
/** Pseudo-observations pulling each lift towards 1 (a pair seen a few times says little). */
const ALPHA = 3;
/** Largest lift counted. */
const CAP = 3;
/** Share of the lift above 1 added to the identity. Chosen by the held-out figures (0.1: 86.2%, 0.25: 87.7%, 0.5: 87.7% hit@3). */
const BETA = 0.25;

const { values } = parseArgs({ options: { write: { type: 'boolean', default: false }, folds: { type: 'string', default: '5' } } });
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

const withWeights =
  (weights: CardWeights): AskCard =>
  (c, mention, block) =>
    cardQuery(c, mention.text, block, { detected: detectedOf(mention), weights });

type Affinity = Record<Matter, Record<Matter, number>>;

/** Every matter a question or a statement can be about. */
const MATTERS: Matter[] = [...new Set<Matter>([...TOPICS, ...(Object.keys(QUERY_TOPIC_CUES) as Matter[])])];

/** The affinity table the labels of `train` imply. */
function learn(train: readonly CardItem[]): Affinity {
  const { outcomes } = runCardEval(corpus, statements, train, seedText);
  const { matters } = statementMatters(corpus);
  const pos = new Map<string, number>();
  const all = new Map<string, number>();
  let relevant = 0;
  let total = 0;
  for (const o of outcomes) {
    if (o.labels.length === 0) continue;
    const q = cardQuestion(o.detected?.text ?? o.item.mention, collapseText(o.item.paragraph), o.detected ? detectedOf(o.detected) : {});
    const asked = new Set([...q.mentionTopics, ...q.sentenceTopics, ...q.paragraphTopics]);
    corpus.byDoc.forEach((s, doc) => {
      if (s.kind === 'context') return;
      const r = o.labels.some((ids) => ids.includes(s.id)) ? 1 : 0;
      relevant += r;
      total++;
      for (const x of asked) {
        for (const y of matters[doc]!) {
          const key = `${x}|${y}`;
          pos.set(key, (pos.get(key) ?? 0) + r);
          all.set(key, (all.get(key) ?? 0) + 1);
        }
      }
    });
  }
  const base = relevant / total;
  const table = {} as Affinity;
  for (const x of MATTERS) {
    table[x] = {} as Record<Matter, number>;
    for (const y of MATTERS) {
      const key = `${x}|${y}`;
      const lift = ((pos.get(key) ?? 0) + ALPHA * base) / ((all.get(key) ?? 0) + ALPHA) / base;
      table[x][y] = Math.round(((x === y ? 1 : 0) + BETA * Math.max(0, Math.min(CAP, lift) - 1)) * 100) / 100;
    }
  }
  return table;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const line = (name: string, t: CardEval['totals']) =>
  `${name.padEnd(34)} hit@3 ${pct(t.hit3)}  recall@5 ${pct(t.recall5)}  MRR ${t.mrr.toFixed(3)}  empty ${pct(t.emptyRate)}`;

const identity = { ...CARD_WEIGHTS, affinity: {} };
process.stdout.write(`${line('no learned affinity (all)', runCardEval(corpus, statements, items, seedText, withWeights(identity)).totals)}\n`);

// Folds by article, in URL order, so a run is reproducible and no article is split.
const urls = [...new Set(items.map((i) => i.url))].sort();
const foldOf = new Map(urls.map((url, i) => [url, i % K]));

const heldOut: { item: CardItem; ask: AskCard }[] = [];
for (let f = 0; f < K; f++) {
  const weights = { ...CARD_WEIGHTS, affinity: learn(items.filter((i) => foldOf.get(i.url) !== f)) };
  for (const item of items) if (foldOf.get(item.url) === f) heldOut.push({ item, ask: withWeights(weights) });
}

// Each held-out paragraph is asked with the table of its own fold.
const askOf = new Map(heldOut.map((h) => [h.item.id, h.ask]));
const heldTotals = runCardEval(corpus, statements, items, seedText, (c, mention, block) => {
  const item = items.find((i) => collapseText(i.paragraph) === block)!;
  return askOf.get(item.id)!(c, mention, block);
}).totals;
process.stdout.write(`${line(`held out (${K}-fold by article)`, heldTotals)}\n`);

const table = learn(items);
process.stdout.write(`${line('learned on all (in-sample)', runCardEval(corpus, statements, items, seedText, withWeights({ ...CARD_WEIGHTS, affinity: table })).totals)}\n`);
if (values.write) {
  writeFileSync(OUT, `${JSON.stringify(table, null, 2)}\n`);
  process.stdout.write(`wrote ${OUT}\n`);
}
