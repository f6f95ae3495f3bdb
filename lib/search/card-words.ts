import { termForms, tokenize } from '../data/index-options.ts';
import type { Matter } from './card-cues.ts';

/**
 * A learned reading of which matters a paragraph asks for, from its words
 * alone: for each statement matter, a logistic model over the paragraph's
 * words (processed as the index processes them: stemmed, synonym groups'
 * head word added). The hand cue words (`card-cues.ts`) read the wordings
 * someone listed; this reads the words the labelled paragraphs used for a
 * matter, so a new wording of it ("shut out of", "rip and replace") still
 * asks for it when it shares the words around it. Learned by
 * `npm run tune:card` (`tests/eval/card-words.ts`) from which statements
 * the labels want; no paragraph or statement is named in it.
 */
export interface MatterWords {
  /** Per statement matter: the log-odds without any word, and each word's weight. */
  matters: Partial<Record<Matter, { bias: number; words: Record<string, number> }>>;
}

/**
 * The distinct words of a text the model reads, each in every form the
 * index knows it by. Shared by the learning and the runtime, so both read
 * a paragraph alike.
 */
export function wordFeatures(text: string): string[] {
  return [...new Set(tokenize(text).flatMap(termForms))];
}

/**
 * How likely each matter's statements are wanted for a paragraph of these
 * words (`wordFeatures`), in [0, 1]. The words' weights are summed and
 * scaled by 1/√(number of words), so a long paragraph does not ask for
 * everything.
 */
export function matterOdds(model: MatterWords, words: readonly string[]): Map<Matter, number> {
  const out = new Map<Matter, number>();
  const scale = 1 / Math.sqrt(Math.max(1, words.length));
  for (const [matter, m] of Object.entries(model.matters) as [Matter, { bias: number; words: Record<string, number> }][]) {
    let z = 0;
    for (const word of words) if (Object.hasOwn(m.words, word)) z += m.words[word]!;
    out.set(matter, 1 / (1 + Math.exp(-(m.bias + scale * z))));
  }
  return out;
}
