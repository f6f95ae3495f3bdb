// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { Emphasis, splitForEmphasis, type Segment } from '../../../../components/ui/Emphasis.tsx';

afterEach(cleanup);

const marked = (segments: Segment[]) => segments.filter((s) => s.marked).map((s) => s.text);

describe('splitForEmphasis', () => {
  it('marks whole words case-insensitively and leaves the rest unmarked', () => {
    const segments = splitForEmphasis('Huawei said US sanctions hurt HUAWEI.', ['huawei']);
    expect(segments).toEqual([
      { text: 'Huawei', marked: true },
      { text: ' said US sanctions hurt ', marked: false },
      { text: 'HUAWEI', marked: true },
      { text: '.', marked: false },
    ]);
  });

  it('extends a stem or prefix to the end of the word it starts', () => {
    const text = 'Sanctions were imposed; the sanctioned firm opposed sanctioning.';
    expect(marked(splitForEmphasis(text, ['sanction']))).toEqual(['Sanctions', 'sanctioned', 'sanctioning']);
  });

  it('does not match inside a word', () => {
    expect(marked(splitForEmphasis('Espy spied on spyware, not a spy.', ['spy']))).toEqual(['spyware', 'spy']);
    expect(marked(splitForEmphasis('Unsanctioned trade', ['sanction']))).toEqual([]);
  });

  it('matches multi-word and hyphenated terms across spaces and dashes', () => {
    const text = 'A no-spy pledge, a no spy deal, a no‑spy agreement and Ren  Zhengfei.';
    expect(marked(splitForEmphasis(text, ['no-spy', 'ren zhengfei']))).toEqual([
      'no-spy',
      'no spy',
      'no‑spy',
      'Ren  Zhengfei',
    ]);
  });

  it('prefers the longest term at the same position', () => {
    expect(marked(splitForEmphasis('no-spy agreement signed', ['no', 'no-spy agreement']))).toEqual([
      'no-spy agreement',
    ]);
  });

  it('is Unicode-aware: accented letters, non-Latin case, CJK', () => {
    expect(marked(splitForEmphasis('Die Überwachung und das Überwachungsgesetz', ['überwachung']))).toEqual([
      'Überwachung',
      'Überwachungsgesetz',
    ]);
    expect(marked(splitForEmphasis('Éspy ÉTATS États', ['états']))).toEqual(['ÉTATS', 'États']);
    expect(marked(splitForEmphasis('ΚΥΡΩΣΕΙΣ και κυρώσεις', ['κυρώσεις']))).toEqual(['κυρώσεις']);
    // Chinese has no spaces: the term matches inside the run and marks only itself.
    expect(splitForEmphasis('美国制裁华为公司', ['华为'])).toEqual([
      { text: '美国制裁', marked: false },
      { text: '华为', marked: true },
      { text: '公司', marked: false },
    ]);
  });

  it('treats regex metacharacters in terms literally (no injection)', () => {
    const text = 'Costs (est.) rose to $5bn; a.b and [x] stay; C++ too.';
    expect(marked(splitForEmphasis(text, ['.*']))).toEqual([]);
    expect(marked(splitForEmphasis(text, ['(est']))).toEqual(['(est']);
    expect(marked(splitForEmphasis(text, ['$5bn']))).toEqual(['$5bn']);
    expect(marked(splitForEmphasis(text, ['a.b']))).toEqual(['a.b']);
    expect(marked(splitForEmphasis('aXb', ['a.b']))).toEqual([]);
    expect(marked(splitForEmphasis(text, ['C++']))).toEqual(['C++']);
    expect(() => splitForEmphasis(text, ['(', '[', '\\', ')|(.', '(?<=x)'])).not.toThrow();
    expect(marked(splitForEmphasis(text, ['(', '[', '\\', ')|(.']))).toEqual([]);
  });

  it('ignores empty and punctuation-only terms and handles empty text', () => {
    expect(splitForEmphasis('a - b', ['', '  ', '-'])).toEqual([{ text: 'a - b', marked: false }]);
    expect(splitForEmphasis('', ['huawei'])).toEqual([]);
    expect(splitForEmphasis('Huawei', [])).toEqual([{ text: 'Huawei', marked: false }]);
  });

  it('property: segments always reassemble the exact text, alternate, and marks start with a term', () => {
    const word = fc.stringMatching(/^[a-zA-Zé华为 .()*+?\\[\]|-]{0,12}$/);
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 80 })), fc.array(word, { maxLength: 5 }), (text, terms) => {
        const segments = splitForEmphasis(text, terms);
        expect(segments.map((s) => s.text).join('')).toBe(text);
        for (let i = 1; i < segments.length; i++) {
          expect(segments[i]!.marked).not.toBe(segments[i - 1]!.marked);
        }
        for (const s of segments) expect(s.text.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('no', 'spy', 'sanction', 'sanctions', 'huawei', 'x', ' ', ', ', '-'), { maxLength: 20 }),
        fc.array(fc.constantFrom('spy', 'Sanction', 'HUAWEI', 'no-spy'), { minLength: 1, maxLength: 3 }),
        (parts, terms) => {
          const text = parts.join('');
          for (const s of splitForEmphasis(text, terms)) {
            if (!s.marked) continue;
            const lower = s.text.toLowerCase();
            const startsWithTerm = terms.some((t) =>
              lower.replace(/[\s-]+/g, ' ').startsWith(t.toLowerCase().replace(/[\s-]+/g, ' ')),
            );
            expect(startsWithTerm).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

/**
 * The one-RegExp-per-term-set implementation this module had before it
 * stopped compiling patterns per result: the oracle for the current one.
 */
function regexSplit(text: string, terms: readonly string[]): Segment[] {
  const WORD = String.raw`[\p{L}\p{N}\p{M}]`;
  const UNSPACED = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
  const pattern = (t: string) =>
    t
      .split(/[\s\-\u2010-\u2015]+/gu)
      .map((p) => p.replace(/[\\^$.*+?()[\]{}|/]/gu, '\\$&'))
      .join(String.raw`[\s\-\u2010-\u2015]+`);
  const cleaned = [...new Set(terms.map((t) => t.trim()).filter((t) => /[\p{L}\p{N}]/u.test(t)))];
  if (text === '') return [];
  if (cleaned.length === 0) return [{ text, marked: false }];
  cleaned.sort((a, b) => b.length - a.length);
  const spaced = cleaned.filter((t) => !UNSPACED.test(t)).map(pattern);
  const unspaced = cleaned.filter((t) => UNSPACED.test(t)).map(pattern);
  const alternatives: string[] = [];
  if (spaced.length > 0) alternatives.push(`(?<!${WORD})(?:${spaced.join('|')})${WORD}*`);
  if (unspaced.length > 0) alternatives.push(`(?:${unspaced.join('|')})`);
  const segments: Segment[] = [];
  const push = (chunk: string, isMarked: boolean) => {
    if (chunk === '') return;
    const last = segments[segments.length - 1];
    if (last && last.marked === isMarked) last.text += chunk;
    else segments.push({ text: chunk, marked: isMarked });
  };
  let cursor = 0;
  for (const m of text.matchAll(new RegExp(alternatives.join('|'), 'giu'))) {
    if (m[0].length === 0) continue;
    push(text.slice(cursor, m.index), false);
    push(m[0], true);
    cursor = m.index + m[0].length;
  }
  push(text.slice(cursor), false);
  return segments;
}

describe('splitForEmphasis against a single RegExp (property)', () => {
  // Case pairs with odd folds (Kelvin sign, final sigma, long s, dotted I), surrogate-pair letters, marks, CJK, separators.
  const pieces = ['no', 'NO', 'spy', 'Spy', 'σς', 'ΟΣ', 'K', 'k', 'ſ', 'S', 'İ', 'i', 'é', 'e\u0301', '𝐀', '𝐚', '😀', '华为', '为', ' ', '-', '\u2011', ',', '(', '.*', '\ud800', '\udc00'];
  const piece = fc.constantFrom(...pieces);
  it('marks exactly what the one-pattern implementation marked', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), fc.array(fc.array(piece, { minLength: 1, maxLength: 4 }).map((p) => p.join('')), { maxLength: 4 }), (parts, terms) => {
        const text = parts.join('');
        expect(splitForEmphasis(text, terms)).toEqual(regexSplit(text, terms));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('<Emphasis>', () => {
  it('wraps exactly the matched words in <mark> and keeps the text intact', () => {
    const text = 'Huawei rejects the sanctions; Huawei’s no-spy offer stands.';
    const { container } = render(
      <p>
        <Emphasis text={text} terms={['huawei', 'sanction']} />
      </p>,
    );
    const marks = Array.from(container.querySelectorAll('mark')).map((m) => m.textContent);
    expect(marks).toEqual(['Huawei', 'sanctions', 'Huawei']);
    expect(container.textContent).toBe(text);
  });

  it('renders markup in corpus text as literal text (no elements created)', () => {
    const text = 'Huawei <img src=x onerror="globalThis.__pwned=1"> <b>bold</b> &amp;';
    const { container } = render(
      <p>
        <Emphasis text={text} terms={['huawei', 'img']} />
      </p>,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).toBe(text);
    expect((globalThis as { __pwned?: number }).__pwned).toBeUndefined();
  });
});
