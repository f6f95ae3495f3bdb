import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findQuotes, splitSentences } from '../../../../lib/corpus/segment.ts';

function sentences(text: string): string[] {
  return splitSentences(text, [0, text.length]).map(([s, e]) => text.slice(s, e));
}

describe('sentence splitting', () => {
  it('does not split inside "U.S." before a name, and splits after it before a quote or a new sentence', () => {
    expect(sentences('The U.S. Commerce Department added Huawei. It also added others.')).toEqual([
      'The U.S. Commerce Department added Huawei.',
      'It also added others.',
    ]);
    expect(sentences('He asked about a deal with the U.S. "But since the U.S. has not bought from us, no."')).toEqual([
      'He asked about a deal with the U.S.',
      '"But since the U.S. has not bought from us, no."',
    ]);
    expect(sentences('Tensions rose after the U.S. The talks then failed.')).toEqual([
      'Tensions rose after the U.S.',
      'The talks then failed.',
    ]);
  });

  it('handles "U.S" without the final dot', () => {
    expect(sentences('Tensions rose after the U.S issued a warrant. Meng was arrested.')).toEqual([
      'Tensions rose after the U.S issued a warrant.',
      'Meng was arrested.',
    ]);
  });

  it('keeps "Jun. 4", "Mr." and initials inside the sentence', () => {
    expect(sentences('On Jun. 4 Mr. Liang met David D. Li in Shenzhen. They talked.')).toEqual([
      'On Jun. 4 Mr. Liang met David D. Li in Shenzhen.',
      'They talked.',
    ]);
  });

  it('keeps decimals and percentages ("$98.57", "9.9%")', () => {
    expect(sentences('Revenue was 671.3 billion yuan ($98.57 billion), up 9.9% from 2019. Profit rose.')).toEqual([
      'Revenue was 671.3 billion yuan ($98.57 billion), up 9.9% from 2019.',
      'Profit rose.',
    ]);
  });

  it('splits after "5G." (a digit before the letter is not an initial)', () => {
    expect(sentences('Huawei leads in 5G. That is new.')).toEqual(['Huawei leads in 5G.', 'That is new.']);
  });

  it('keeps a multi-sentence quote, curly or straight, as one unit until it closes', () => {
    expect(sentences('“Trade benefits both sides. It’s a win-win situation. We hope so,” said Ren. He left.')).toEqual([
      '“Trade benefits both sides. It’s a win-win situation. We hope so,” said Ren.',
      'He left.',
    ]);
    expect(sentences('"It is one. It is two," he said. Then he left.')).toEqual(['"It is one. It is two," he said.', 'Then he left.']);
  });

  it('splits a stop glued to the next sentence ("situation.We") but not a domain name', () => {
    expect(sentences('It is a win-win situation.We still hope to buy.')).toEqual(['It is a win-win situation.', 'We still hope to buy.']);
    expect(sentences('See shaanhaider.com for more. Thanks.')).toEqual(['See shaanhaider.com for more.', 'Thanks.']);
  });

  it('keeps a transcript line whole when it is one sentence, and splits its sentences otherwise', () => {
    expect(sentences('CORNISH: Why is this company at the heart of this trade war?')).toEqual([
      'CORNISH: Why is this company at the heart of this trade war?',
    ]);
    expect(sentences('PALLAVI GOGOI, BYLINE: So today, I was at the U.S. embassy. And he said yes.')).toEqual([
      'PALLAVI GOGOI, BYLINE: So today, I was at the U.S. embassy.',
      'And he said yes.',
    ]);
  });

  it('property: sentences are ordered, disjoint, trimmed spans inside the paragraph, covering all its words', () => {
    const word = fc.constantFrom('U.S.', 'Mr.', 'Jun.', '$98.57', 'said', 'Ren', '“We', 'win.”', '"No', 'way."', 'it.', 'The', '5G.', 'yes?');
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 40 }), (words) => {
        const text = words.join(' ');
        const spans = splitSentences(text, [0, text.length]);
        let at = 0;
        for (const [s, e] of spans) {
          expect(s).toBeGreaterThanOrEqual(at);
          expect(e).toBeGreaterThan(s);
          expect(text.slice(at, s).trim()).toBe('');
          expect(text.slice(s, e)).toBe(text.slice(s, e).trim());
          at = e;
        }
        expect(text.slice(at).trim()).toBe('');
      }),
    );
  });
});

describe('quotes', () => {
  it('finds curly and straight quotes and leaves single quotes alone', () => {
    const text = `Zhao says the US' actions 'rip away the fig leaf'. "It will harm," he said. “Yes.”`;
    const q = findQuotes(text, [0, text.length]).map((x) => text.slice(x.inner[0], x.inner[1]));
    expect(q).toEqual(['It will harm,', 'Yes.']);
  });

  it('an unclosed quote runs to the end of the paragraph', () => {
    const text = '“We will continue. We will grow';
    const [q] = findQuotes(text, [0, text.length]);
    expect(q!.closed).toBe(false);
    expect(text.slice(q!.inner[0], q!.inner[1])).toBe('We will continue. We will grow');
  });
});
