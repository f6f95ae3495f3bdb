/**
 * Learns the card's word model (`lib/search/card-words.json`, read by
 * `card-words.ts`): for each statement matter, an L2-regularised logistic
 * regression from a paragraph's words to the share of its labels (the
 * statements a reader wanted) that are on that matter. Soft targets, not
 * "some label is on it": a paragraph wanting four security statements and
 * one trade line asks mostly for security. The same per side: the share of
 * the labels that side speaks (whose words on the matter the paragraph
 * wants). Paragraphs wanting an empty card teach that their words ask for
 * nothing. Deterministic: full-batch gradient descent from zero, a fixed
 * number of steps, words in sorted order.
 * Shared by `npm run tune:card` (which writes the model) and the held-out
 * figures of `card-folds.ts` (each fold learns its own).
 */
import { collapseText } from '../../lib/detect/index.ts';
import type { Matter } from '../../lib/search/card-cues.ts';
import { type CardWords, type WordOdds, wordFeatures } from '../../lib/search/card-words.ts';
import { statementMatters } from '../../lib/search/query.ts';
import { type CardItem, resolveAll } from './card.ts';
import type { EvalInput } from './card-folds.ts';

/**
 * The learning's settings, chosen by the held-out figures (5-fold by
 * article) and splits 1 and 2, session 13 (`tests/fixtures/card/README.md`).
 * A word must be in MIN_PARAGRAPHS training paragraphs to get a weight (one
 * seen in a paragraph or two is those paragraphs, not a wording; 2, 3, 5
 * gave 65.9 / 66.1 / 65.7% held-out recall@5 with weights of every size,
 * and 5 keeps the model a third of the size). LAMBDA is the L2 penalty
 * per weight (0.01 converged: held out 64.4%, split 2 61.8%: the odds
 * flatten to each matter's base rate, a prior for the common matters).
 * STEPS steps of RATE from zero. Weights under KEEP are dropped from the
 * shipped model: at 0.4 it holds about 1,000 weights (16 kB) and measures
 * as the whole model (6,000 weights, 99 kB) does, within one paragraph.
 */
const MIN_PARAGRAPHS = 5;
const LAMBDA = 0.001;
const STEPS = 1000;
const RATE = 10;
const KEEP = 0.4;

interface Example {
  /** Indices of the paragraph's words in the vocabulary. */
  x: number[];
  /** The value of each of them: 1/√(all its words), as `matterOdds` scales. */
  v: number;
  target: Map<Matter, number>;
  /** The share of its labels each side speaks. */
  sides: Map<string, number>;
}

export function learnCardWords({ corpus, statements, seedText }: EvalInput, train: readonly CardItem[]): CardWords {
  const { resolved } = resolveAll(train, statements, seedText);
  const { matters } = statementMatters(corpus);
  const read = train.map((item) => {
    const labels = resolved.get(item.id)!.filter((ids) => ids.length > 0);
    const target = new Map<Matter, number>();
    const sides = new Map<string, number>();
    for (const ids of labels) {
      const on = new Set(ids.flatMap((id) => matters[corpus.docOf.get(id)!] ?? []));
      for (const m of on) target.set(m, (target.get(m) ?? 0) + 1 / labels.length);
      for (const side of new Set(ids.map((id) => corpus.statements.get(id)!.speaker.side))) sides.set(side, (sides.get(side) ?? 0) + 1 / labels.length);
    }
    return { words: wordFeatures(collapseText(item.paragraph)), target, sides };
  });
  const df = new Map<string, number>();
  for (const { words } of read) for (const word of words) df.set(word, (df.get(word) ?? 0) + 1);
  const vocabulary = [...df].filter(([, n]) => n >= MIN_PARAGRAPHS).map(([word]) => word).sort();
  const at = new Map(vocabulary.map((word, i) => [word, i]));
  const examples: Example[] = read.map(({ words, target, sides }) => ({
    x: words.flatMap((word) => (at.has(word) ? [at.get(word)!] : [])),
    v: 1 / Math.sqrt(Math.max(1, words.length)),
    target,
    sides,
  }));
  const odds = (y: (e: Example) => number): WordOdds => {
    const { bias, weights } = fit(examples, vocabulary.length, y);
    const words: Record<string, number> = {};
    weights.forEach((wt, i) => {
      if (Math.abs(wt) >= KEEP) words[vocabulary[i]!] = Math.round(wt * 1000) / 1000;
    });
    return { bias: Math.round(bias * 1000) / 1000, words };
  };
  const model: CardWords = { matters: {}, sides: {} };
  for (const matter of [...new Set(examples.flatMap((e) => [...e.target.keys()]))].sort()) model.matters[matter] = odds((e) => e.target.get(matter) ?? 0);
  for (const side of [...new Set(examples.flatMap((e) => [...e.sides.keys()]))].sort()) model.sides[side] = odds((e) => e.sides.get(side) ?? 0);
  return model;
}

/** Logistic regression with soft targets by full-batch gradient descent; the bias is not penalised. */
function fit(examples: readonly Example[], size: number, y: (e: Example) => number): { bias: number; weights: Float64Array } {
  const weights = new Float64Array(size);
  const grad = new Float64Array(size);
  const n = examples.length;
  const mean = examples.reduce((s, e) => s + y(e), 0) / n;
  let bias = Math.log((mean + 1e-3) / (1 - mean + 1e-3));
  for (let step = 0; step < STEPS; step++) {
    grad.fill(0);
    let gb = 0;
    for (const e of examples) {
      let z = bias;
      for (const i of e.x) z += weights[i]! * e.v;
      const err = 1 / (1 + Math.exp(-z)) - y(e);
      gb += err;
      for (const i of e.x) grad[i]! += err * e.v;
    }
    bias -= (RATE * gb) / n;
    for (let i = 0; i < size; i++) weights[i]! -= RATE * (grad[i]! / n + LAMBDA * weights[i]!);
  }
  return { bias, weights };
}
