/**
 * The card's learned topic affinity (`lib/search/card-affinity.json`) and
 * what it is worth on paragraphs it did not see. Shared by
 * `npm run tune:card` (which writes the table) and `npm run eval:card`
 * (which prints the held-out figures next to the in-set ones), so both
 * report the same cross-validation.
 *
 * The table: for a question matter X (the mention's, sentence's or
 * paragraph's, see `card-question.ts`) and a statement matter Y, how much
 * more often the labels want a statement about Y when the paragraph is
 * about X than they want any statement (the lift), smoothed towards 1 with
 * ALPHA pseudo-observations and capped at CAP. The card adds BETA times the
 * lift above 1 to the identity (a matter asks for itself at 1): a learned
 * nudge, not a replacement, so a pair the set never saw still works. It
 * generalises over matters, not over sentences: no statement or paragraph
 * is named in it.
 */
import type { Statement } from '../../lib/data/types.ts';
import { collapseText } from '../../lib/detect/index.ts';
import { type Matter, QUERY_TOPIC_CUES } from '../../lib/search/card-cues.ts';
import { cardQuestion } from '../../lib/search/card-question.ts';
import { CARD_WEIGHTS, type CardWeights } from '../../lib/search/card-weights.ts';
import type { Corpus } from '../../lib/search/load.ts';
import { lookupCard } from '../../lib/search/lookup.ts';
import { statementMatters } from '../../lib/search/query.ts';
import { TOPICS } from '../../lib/vocabulary/topics.ts';
import { type AskCard, detectedOf, runCardEval } from './card-run.ts';
import { learnCardWords } from './card-words.ts';
import type { CardItem, Totals } from './card.ts';

/** Pseudo-observations pulling each lift towards 1 (a pair seen a few times says little). */
const ALPHA = 3;
/** Largest lift counted. */
const CAP = 3;
/** Share of the lift above 1 added to the identity. Chosen by the held-out figures (0.1: 86.2%, 0.25: 87.7%, 0.5: 87.7% hit@3; session 5: 0.15 / 0.35 / 0.5 gave 65.5 / 68.5 / 67.9% recall@5 held out against 67.9% for 0.25, and 0.35 lost hit@3). */
const BETA = 0.25;

export type Affinity = Record<Matter, Record<Matter, number>>;

/** Every matter a question or a statement can be about (`exclusion` is read from others, with no cue of its own). */
const MATTERS: Matter[] = [...new Set<Matter>([...TOPICS, ...(Object.keys(QUERY_TOPIC_CUES) as Matter[]), 'exclusion'])];

/** The card asked with other weights (a fold's table), as the eval asks it. */
export const withWeights =
  (weights: CardWeights): AskCard =>
  (c, mention, block) =>
    lookupCard(c, mention.text, block, detectedOf(mention), { weights }).results;

/** What the card is measured with: the corpus, its statements, and the seed text labels resolve against. */
export interface EvalInput {
  corpus: Corpus;
  statements: readonly Statement[];
  seedText: (file: string) => string;
}

/** The affinity table the labels of `train` imply. */
export function learnAffinity({ corpus, statements, seedText }: EvalInput, train: readonly CardItem[]): Affinity {
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
  const base = total === 0 ? 0 : relevant / total;
  const table = {} as Affinity;
  for (const x of MATTERS) {
    table[x] = {} as Record<Matter, number>;
    for (const y of MATTERS) {
      const key = `${x}|${y}`;
      const lift = base === 0 ? 1 : ((pos.get(key) ?? 0) + ALPHA * base) / ((all.get(key) ?? 0) + ALPHA) / base;
      table[x][y] = Math.round(((x === y ? 1 : 0) + BETA * Math.max(0, Math.min(CAP, lift) - 1)) * 100) / 100;
    }
  }
  return table;
}

/**
 * K-fold cross-validation by article (every paragraph of an article in the
 * same fold; folds in URL order, so a run is reproducible): each fold's
 * paragraphs asked with the table learned on the other folds, measured
 * exactly as `npm run eval:card` measures. Null when the set has fewer
 * than K articles.
 */
export function heldOut(input: EvalInput, items: readonly CardItem[], k: number): Totals | null {
  const urls = [...new Set(items.map((i) => i.url))].sort();
  if (urls.length < k) return null;
  const foldOf = new Map(urls.map((url, i) => [url, i % k]));
  const askOf = new Map<string, AskCard>();
  for (let f = 0; f < k; f++) {
    const train = items.filter((i) => foldOf.get(i.url) !== f);
    const ask = withWeights({ ...CARD_WEIGHTS, affinity: learnAffinity(input, train), words: learnCardWords(input, train) });
    for (const item of items) if (foldOf.get(item.url) === f) askOf.set(collapseText(item.paragraph), ask);
  }
  // Each held-out paragraph is asked with the table of its own fold.
  return runCardEval(input.corpus, input.statements, items, input.seedText, (c, mention, block) => askOf.get(block)!(c, mention, block)).totals;
}
