import { describe, expect, it } from 'vitest';
import { firstOfEachTerm } from '../../../../lib/detect/density.ts';
import { findMentions } from '../../../../lib/detect/matcher.ts';

describe('firstOfEachTerm', () => {
  it('keeps the first mention of each term in a block, in order', () => {
    const text = 'Huawei said the sanctions hurt. Huawei added that Huawei would survive the sanctions and the Entity List.';
    const kept = firstOfEachTerm(findMentions(text));
    expect(kept.map((m) => [m.text, m.start])).toEqual([
      ['Huawei', 0],
      ['sanctions', text.indexOf('sanctions')],
      ['Entity List', text.indexOf('Entity List')],
    ]);
  });

  it('a block naming Huawei forty times gets one highlight', () => {
    const text = Array.from({ length: 40 }, (_, i) => `Huawei item ${i}.`).join(' ');
    expect(findMentions(text)).toHaveLength(40);
    expect(firstOfEachTerm(findMentions(text))).toHaveLength(1);
  });

  it('different people are different terms', () => {
    expect(firstOfEachTerm(findMentions('Ren Zhengfei and Meng Wanzhou; Ren Zhengfei again.')).map((m) => m.text)).toEqual(['Ren Zhengfei', 'Meng Wanzhou']);
  });
});
