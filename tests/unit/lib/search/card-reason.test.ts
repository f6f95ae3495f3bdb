import { describe, expect, it } from 'vitest';
import type { Statement } from '../../../../lib/data/types.ts';
import { reasonWords } from '../../../../lib/search/card-reason.ts';
import { statement } from '../../components/panel/helpers.tsx';
import { corpus } from './helpers.ts';

function lead(text: string): Statement {
  return statement({ id: 'x#1', text, file: 'x.txt', span: [0, text.length] });
}

const ZHAO = lead("Without solid evidence, the US has used 'national security' as a reason to abuse its power and impose a variety of restrictions on Huawei and other Chinese companies");

describe('reasonWords: the "Why these" words', () => {
  it('takes the words that word the matter, not the generic ones around them: "Without solid evidence" gives "evidence"', () => {
    const paragraph = 'Without solid evidence, the US has imposed restrictions on Huawei, Chinese officials said in 2020.';
    const words = reasonWords(corpus(), paragraph, 'Huawei', ZHAO);
    expect(words).toEqual(['evidence', 'restrictions']);
  });

  it('leaves out stop words, numbers, nationalities, the hovered words and the words most statements share', () => {
    const paragraph = 'In 2020 Chinese companies said the US restrictions on Huawei came with no evidence.';
    const words = reasonWords(corpus(), paragraph, 'restrictions', ZHAO);
    expect(words).toEqual(['evidence']);
  });

  it('does not repeat a topic the line already names', () => {
    const paragraph = 'Officials cited national security and the lack of evidence.';
    expect(reasonWords(corpus(), paragraph, 'Huawei', ZHAO)).toEqual(['security', 'evidence']);
    expect(reasonWords(corpus(), paragraph, 'Huawei', ZHAO, ['security'])).toEqual(['evidence']);
  });

  it('a capital word mid-sentence counts as a name only when the statement writes it so too', () => {
    const bureau = 'The Commerce Department’s Bureau of Industry and Security added 38 affiliates, citing no evidence.';
    expect(reasonWords(corpus(), bureau, 'Huawei', ZHAO)).toEqual(['evidence']);
    const kirin = 'Analysts found a Kirin processor inside the phone.';
    expect(reasonWords(corpus(), kirin, 'Huawei', lead('Our Kirin processors are designed in-house'))).toEqual(['Kirin', 'processor']);
  });

  it('a word only shared with the statement, outside any wording of a matter, is not a reason', () => {
    const paragraph = 'The solid new phone has a huge battery and a variety of colours.';
    expect(reasonWords(corpus(), paragraph, 'Huawei', ZHAO)).toEqual([]);
  });
});
