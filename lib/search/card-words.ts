import { termForms, tokenize } from '../data/index-options.ts';
import type { Matter } from './card-cues.ts';

/** One logistic model over a paragraph's words: the log-odds without any word, and each word's weight. */
export interface WordOdds {
  bias: number;
  words: Record<string, number>;
}

/**
 * A learned reading of what a paragraph asks for, from its words alone
 * (processed as the index processes them: stemmed, synonym groups' head
 * word added). Per statement matter: the hand cue words (`card-cues.ts`)
 * read the wordings someone listed; this reads the words the labelled
 * paragraphs used for a matter, so a new wording of it ("shut out of",
 * "rip and replace") still asks for it when it shares the words around it.
 * Per side: whose words the paragraph asks for on its matter (one reporting
 * the U.S. accusation wants Huawei's answer, one on Beijing's reaction the
 * foreign ministry), which the matters alone do not tell apart. Learned by
 * `npm run tune:card` (`tests/eval/card-words.ts`) from which statements
 * the labels want; no paragraph or statement is named in it.
 */
export interface CardWords {
  matters: Partial<Record<Matter, WordOdds>>;
  sides: Record<string, WordOdds>;
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
 * How likely each key's (matter's or side's) statements are wanted for a
 * paragraph of these words (`wordFeatures`), in [0, 1]. The words' weights
 * are summed and scaled by 1/√(number of words), so a long paragraph does
 * not ask for everything.
 */
export function wordOdds<K extends string>(models: Partial<Record<K, WordOdds>>, words: readonly string[]): Map<K, number> {
  const out = new Map<K, number>();
  const scale = 1 / Math.sqrt(Math.max(1, words.length));
  for (const [key, m] of Object.entries(models) as [K, WordOdds][]) {
    let z = 0;
    for (const word of words) if (Object.hasOwn(m.words, word)) z += m.words[word]!;
    out.set(key, 1 / (1 + Math.exp(-(m.bias + scale * z))));
  }
  return out;
}
