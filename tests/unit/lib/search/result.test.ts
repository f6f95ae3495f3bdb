import { describe, expect, it } from 'vitest';
import { termForms, tokenize } from '../../../../lib/data/index-options.ts';
import { surfaceTerms } from '../../../../lib/search/result.ts';
import { corpus } from './helpers.ts';

/** The words of `text` whose index forms meet `matched`, worked out from scratch: what surfaceTerms must answer. */
function direct(text: string, matched: ReadonlySet<string>): string[] {
  const words = [...new Set(text.split(/[^\p{L}\p{N}-]+/u).filter(Boolean))];
  return words.filter((word) => tokenize(word).flatMap(termForms).some((f) => matched.has(f)));
}

describe('surfaceTerms', () => {
  it('answers every statement as a fresh tokenization would, for one set of matched terms and then another (texts seen before)', () => {
    const texts = [...corpus().statements.values()].map((s) => s.text);
    for (const matched of [new Set(['huawei', 'nospy', 'agreement']), new Set(['sanction', 'chip', 'usa', 'spy'])]) {
      for (const text of texts) expect(surfaceTerms(text, matched)).toEqual(direct(text, matched));
    }
    expect(surfaceTerms("Huawei's no-spy offer to the U.S. stands", new Set(['nospy', 'huawei']))).toEqual(['Huawei', 'no-spy']);
  });
});
