import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DASH, escapeLiteral } from '../../../../lib/vocabulary/patterns.ts';
import { TOPICS, detectTopics, topicMessages, topicWords } from '../../../../lib/vocabulary/topics.ts';
import en from '../../../../public/_locales/en/messages.json' with { type: 'json' };

describe('escapeLiteral (the one escaper)', () => {
  it('property: any text, escaped, compiles with and without `u` and matches exactly itself', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        for (const flags of ['u', '']) {
          const re = new RegExp(`^${escapeLiteral(text)}$`, flags);
          expect(re.test(text)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
    expect(new RegExp(escapeLiteral('a-b (c)'), 'u').test('a-b (c)')).toBe(true);
    expect(new RegExp(escapeLiteral('a.b'), 'u').test('axb')).toBe(false);
  });

  it('DASH takes the hyphens and dashes a page writes between the words of "no-spy", not other punctuation', () => {
    const re = new RegExp(`^no${DASH}spy$`, 'u');
    for (const d of ['-', '\u00AD', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212']) expect(re.test(`no${d}spy`), d).toBe(true);
    for (const d of ['_', '.', '~', ' ']) expect(re.test(`no${d}spy`), d).toBe(false);
  });
});

describe('the topic table', () => {
  it('detects topics in table order and gives each its indexed words', () => {
    expect(detectTopics('The Entity List is a US export ban on chips')).toEqual(['sanctions', 'entity-list', 'chips', 'trade']);
    expect(topicWords('entity-list')).toBe('entity list blacklist');
    for (const t of TOPICS) expect(topicWords(t).length).toBeGreaterThan(0);
  });

  it('names each topic in the English locale as the table does, and no topic it lacks (npm run index writes them)', () => {
    const inLocale = Object.entries(en).filter(([key]) => key.startsWith('topic_'));
    expect(inLocale).toEqual(topicMessages());
    expect(en.topic_entity_list.message).toBe('Entity List');
  });
});
