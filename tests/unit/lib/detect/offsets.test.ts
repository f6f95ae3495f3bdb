import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapsedOffsets, collapseText } from '../../../../lib/detect/scanner.ts';

describe('collapsedOffsets', () => {
  it('maps offsets of the raw block text into the collapsed text', () => {
    const text = '  Huawei \n\n said  the\u00a0Entity\uFFFCList';
    const starts = [2, text.indexOf('said'), text.indexOf('Entity'), text.indexOf('List')];
    const collapsed = collapseText(text);
    expect(collapsed).toBe('Huawei said the Entity List');
    expect(collapsedOffsets(text, starts).map((at) => collapsed.slice(at, at + 4))).toEqual(['Huaw', 'said', 'Enti', 'List']);
  });

  it('property: a non-space character lands on the same character', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', ' ', '\n', '\t', '\uFFFC', 'é'), { maxLength: 60 }), (chars) => {
        const text = chars.join('');
        const starts = [...text].flatMap((ch, i) => (/\s|\uFFFC/.test(ch) ? [] : [i]));
        const collapsed = collapseText(text);
        const mapped = collapsedOffsets(text, starts);
        starts.forEach((i, n) => expect(collapsed[mapped[n]!]).toBe(text[i]));
      }),
    );
  });
});
