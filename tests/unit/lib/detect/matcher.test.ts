import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findMentions, matchTerms, isGenericTerm, PREFILTER } from '../../../../lib/detect/matcher.ts';
import NAMES from '../../../../lib/vocabulary/names.json' with { type: 'json' };
import { examplesOf, TERMS } from '../../../../lib/vocabulary/terms.ts';

/** [text, term] pairs of every match, for compact assertions. */
const found = (s: string) => matchTerms(s).map((m) => [m.text, m.term]);

describe('term table', () => {
  it.each(TERMS.flatMap((t) => examplesOf(t.term).map((ex) => [t.term, ex] as const)))('%s matches %j in full', (term, ex) => {
    if (typeof ex === 'string') expect(found(`Yesterday ${ex}, today.`)).toEqual([[ex, term]]);
    else expect(found(`Yesterday ${ex[0]}, today.`)).toContainEqual([ex[1], term]);
  });

  it('every term of the table has examples (they live apart from it, in examplesOf, so nothing else asks for them)', () => {
    expect(TERMS.filter((t) => examplesOf(t.term).length === 0).map((t) => t.term)).toEqual([]);
  });

  it('the prefilter lets through every example of every term, and each word of a Huawei name split across nodes', () => {
    const missed = TERMS.flatMap((t) => examplesOf(t.term).map((ex) => (typeof ex === 'string' ? ex : ex[1]))).filter((ex) => !PREFILTER.test(ex));
    expect(missed).toEqual([]);
    const names = NAMES.huaweiPeople.flatMap((p) => p.names);
    expect(names.filter((name) => !PREFILTER.test(name))).toEqual([]);
    // "Liang <b>Hua</b>": a name with a distinctive word (5 letters or more) still passes on that word's node alone.
    const words = (name: string) => name.split(' ');
    expect(names.filter((name) => words(name).some((w) => w.length >= 5) && !words(name).some((w) => PREFILTER.test(w)))).toEqual([]);
  });

  it('names are never generic, every sanctions and no-spy term is', () => {
    for (const t of TERMS) expect(isGenericTerm(t.term)).toBe(t.category !== 'huawei');
  });
});

describe('term forms', () => {
  it('finds Huawei and its possessives, curly or straight', () => {
    expect(found("Huawei's phones, Huawei’s chips and HUAWEI P30")).toEqual([
      ["Huawei's", 'Huawei'],
      ['Huawei’s', 'Huawei'],
      ['HUAWEI', 'Huawei'],
    ]);
  });

  it('prefers the longest match', () => {
    expect(found('Huawei Technologies Co. signed a no-spy agreement')).toEqual([
      ['Huawei Technologies', 'Huawei Technologies'],
      ['no-spy agreement', 'no-spy agreement'],
    ]);
    expect(found('new chip export controls')).toEqual([['chip export controls', 'chip restrictions']]);
    expect(found('a no-backdoor pledge')).toEqual([['no-backdoor pledge', 'no-backdoor agreement']]);
    expect(found('put on a trade blacklist')).toEqual([['trade blacklist', 'trade blacklist']]);
  });

  it('keeps "no-spy" and "no-backdoor" apart in "no-spy, no-backdoor agreements"', () => {
    expect(found('sign no-spy, no-backdoor agreements')).toEqual([
      ['no-spy', 'no-spy'],
      ['no-backdoor agreements', 'no-backdoor agreement'],
    ]);
  });

  it('accepts every dash variant between "no" and "spy"', () => {
    for (const dash of ['-', '\u2010', '\u2011', '\u2012', '\u2013', '\u00ad', ' ', '\u00a0']) {
      expect(found(`a no${dash}spy deal`)).toEqual([[`no${dash}spy deal`, 'no-spy agreement']]);
    }
  });

  it('covers the sanctions family', () => {
    expect(found('sanctioned firms, sanctioning states, SANCTIONS')).toEqual([
      ['sanctioned', 'sanctions'],
      ['sanctioning', 'sanctions'],
      ['SANCTIONS', 'sanctions'],
    ]);
    expect(found('added to the Entity List under the foreign direct product rule')).toEqual([
      ['Entity List', 'Entity List'],
      ['foreign direct product rule', 'foreign direct product rule'],
    ]);
    expect(found('export bans and blacklisted suppliers; semiconductor curbs')).toEqual([
      ['export bans', 'export controls'],
      ['blacklisted', 'blacklist'],
      ['semiconductor curbs', 'chip restrictions'],
    ]);
  });

  it('covers backdoors in every spelling', () => {
    expect(found('backdoors, back doors, a back-door, Backdoor')).toEqual([
      ['backdoors', 'backdoor'],
      ['back doors', 'backdoor'],
      ['back-door', 'backdoor'],
      ['Backdoor', 'backdoor'],
    ]);
  });
});

describe('case rules', () => {
  it('Huawei in any case; leaders Title case or upper case per word only', () => {
    expect(found('huawei HuaWei')).toEqual([
      ['huawei', 'Huawei'],
      ['HuaWei', 'Huawei'],
    ]);
    expect(found('liang hua and ren zhengfei and meng wanzhou')).toEqual([]);
    expect(found('Liang hua')).toEqual([]);
    expect(found('LIANG Hua met REN ZHENGFEI')).toEqual([
      ['LIANG Hua', 'Liang Hua'],
      ['REN ZHENGFEI', 'Ren Zhengfei'],
    ]);
  });

  it('Entity List needs a capital E; "entity list" is everyday English', () => {
    expect(found('the entity list of the ORM')).toEqual([]);
    expect(found('the Entity list')).toEqual([['Entity list', 'Entity List']]);
  });

  it('FDPR only in capitals', () => {
    expect(found('FDPR fdpr')).toEqual([['FDPR', 'foreign direct product rule']]);
  });
});

describe('word edges', () => {
  it.each([
    'Huaweiphone',
    'Huaweisian',
    'unsanctioned',
    'sanctionsbusting',
    'antibackdoor',
    'backdoorless',
    'nospy',
    'espy',
    'Entity Listing',
    'ZHuawei',
    'Huawei2',
    '_Huawei',
    'consumer.huawei.com',
    'huawei.com',
    'press@huawei.com',
    '@Huawei',
  ])('no match inside %j', (s) => {
    expect(found(s)).toEqual([]);
  });

  it('matches at hyphens, quotes, brackets, hashtags and sentence ends', () => {
    expect(found('anti-Huawei, sanctions-busting, "backdoor", (Huawei) #Huawei. Sanctions!')).toEqual([
      ['Huawei', 'Huawei'],
      ['sanctions', 'sanctions'],
      ['backdoor', 'backdoor'],
      ['Huawei', 'Huawei'],
      ['Huawei', 'Huawei'],
      ['Sanctions', 'sanctions'],
    ]);
  });

  it('treats combining marks and non-Latin letters as part of the word', () => {
    expect(found('Huawei\u0301')).toEqual([]);
    expect(found('\u0301Huawei')).toEqual([]);
    expect(found('ЖHuawei')).toEqual([]);
    expect(found('Huawei\u00e9')).toEqual([]);
    expect(found('Huawei\u200b')).toEqual([['Huawei', 'Huawei']]);
  });
});

describe('CJK', () => {
  it('finds 华为 and the leaders inside running Chinese text', () => {
    expect(found('据报道，华为公司创始人任正非表示，孟晚舟已回国。')).toEqual([
      ['华为', '华为'],
      ['任正非', '任正非'],
      ['孟晚舟', '孟晚舟'],
    ]);
    expect(found('華為手機')).toEqual([['華為', '华为']]);
    expect(found('华为Mate 8')).toEqual([['华为', '华为']]);
  });

  it('does not read 华为 across the end of a word ending in 华', () => {
    expect(found('以中华为本，升华为艺术，精华为主')).toEqual([]);
  });
});

/** Fragments that build strings full of near-misses and real terms. */
const FRAGMENTS = [
  ...TERMS.flatMap((t) => examplesOf(t.term).map((ex) => (typeof ex === 'string' ? ex : ex[0]))),
  'Huawei',
  'sanctions',
  'no',
  'spy',
  'back',
  'door',
  ' ',
  '\u00a0',
  '-',
  '\u2011',
  '\u00ad',
  "'s",
  '’s',
  '.',
  '@',
  'a',
  'é',
  '\u0301',
  '华',
  '为',
  '中',
  '😀',
  '\ud800',
];
const textArb = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 30 }).map((parts) => parts.join('')),
);

describe('findMentions properties', () => {
  it('never throws; ranges in bounds, sorted, non-overlapping, text = slice; same answer twice', () => {
    fc.assert(
      fc.property(textArb, (s) => {
        const ms = findMentions(s);
        let prevEnd = 0;
        for (const m of ms) {
          expect(m.start).toBeGreaterThanOrEqual(prevEnd);
          expect(m.end).toBeGreaterThan(m.start);
          expect(m.end).toBeLessThanOrEqual(s.length);
          expect(m.text).toBe(s.slice(m.start, m.end));
          prevEnd = m.end;
        }
        expect(findMentions(s)).toEqual(ms);
      }),
      { numRuns: 1000 },
    );
  });

  // Phrase terms (a "ban" on Huawei) are words that count only in their phrase: alone they are nothing.
  const phraseTerms = new Set(TERMS.filter((t) => examplesOf(t.term).some((ex) => typeof ex !== 'string')).map((t) => t.term));

  it('every match, searched alone, is found again as itself (phrase terms: nothing else)', () => {
    fc.assert(
      fc.property(textArb, (s) => {
        for (const m of matchTerms(s)) {
          if (phraseTerms.has(m.term)) expect(found(m.text).every(([text]) => text === m.text)).toBe(true);
          else expect(found(m.text)).toEqual([[m.text, m.term]]);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
