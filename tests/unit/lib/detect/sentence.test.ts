import { describe, expect, it } from 'vitest';
import { sentenceAround, sentences } from '../../../../lib/detect/sentence.ts';

describe('sentences', () => {
  it('cuts where sentenceAround cuts: abbreviations and initials do not end a sentence, closing quotes stay with theirs', () => {
    const text = 'Mr. Ren spoke on U.S. sanctions. “We will survive,” he said. Huawei’s chairman agreed!  Then   nothing';
    expect(sentences(text)).toEqual(['Mr. Ren spoke on U.S. sanctions.', '“We will survive,” he said.', 'Huawei’s chairman agreed!', 'Then nothing']);
    for (const s of sentences(text)) expect(sentenceAround(text.replace(/\s+/g, ' '), text.replace(/\s+/g, ' ').indexOf(s), text.replace(/\s+/g, ' ').indexOf(s) + 1)).toBe(s);
  });

  it('a text without a sentence end is one sentence; an empty one has none', () => {
    expect(sentences('no end here')).toEqual(['no end here']);
    expect(sentences('  ')).toEqual([]);
    expect(sentences('华为说。美国说！')).toEqual(['华为说。', '美国说！']);
  });
});
