import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { termsSource } from '../../../../lib/detect/matcher.ts';
import { wholeWord } from '../../../../lib/vocabulary/patterns.ts';
import { examplesOf, TERMS } from '../../../../lib/vocabulary/terms.ts';

/** The table as one group per term, each with its own word edges: the plain form `termsSource` must equal. */
const PER_TERM = new RegExp(TERMS.map((t) => `(${t.wordEdges ? wholeWord(t.pattern) : t.pattern})`).join('|'), 'gu');
const SHARED = new RegExp(termsSource(), 'gu');

/** Every match: where, what, and which group (term) matched. */
function matches(re: RegExp, text: string): [number, string, number][] {
  const out: [number, string, number][] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) out.push([m.index, m[0], m.findIndex((g, i) => i > 0 && g !== undefined)]);
  return out;
}

/** Words of every term, case variants and the characters the edges look at. */
const FRAGMENTS = [
  ...TERMS.flatMap((t) => [...examplesOf(t.term), t.term, t.term.toUpperCase(), t.term.toLowerCase()]),
  ...TERMS.flatMap((t) => t.term.split(/\s+/)),
  ' ', '  ', '.', '@', '#', '-', '—', '_', 'é', '\u0301', '1', 'x', 'Ab', "'s", '’S', '中', '華', '\u00a0',
];

describe('termsSource', () => {
  it('has one capturing group per term, in table order', () => {
    expect(new RegExp(`${termsSource()}|`, 'u').exec('')!.length - 1).toBe(TERMS.length);
  });

  it("matches exactly what one group per term with its own word edges matches, term for term (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 24 }), (parts) => {
        const text = parts.join('');
        expect(matches(SHARED, text)).toEqual(matches(PER_TERM, text));
      }),
      { numRuns: 2000 },
    );
  });
});
