import { beforeAll, describe, expect, it } from 'vitest';
import { excerpt, formatCitation, formatDate } from '../../../../components/ui/format.ts';
import { categoryLabel, kindLabel, sideLabel } from '../../../../components/ui/labels.ts';
import { counter, liangHua, makeItem } from '../card/fixtures.ts';
import { jsonMessageSource, setMessageSource } from '../../../../lib/i18n.ts';
import en from '../../../../public/_locales/en/messages.json';

// The strings are the English locale file's, through the same lookup rules as the browser's.
beforeAll(() => setMessageSource(jsonMessageSource(en)));

describe('formatDate', () => {
  it('formats a full ISO date as day, short month, year', () => {
    expect(formatDate('2019-06-04')).toBe('4 Jun 2019');
    expect(formatDate('2019-05-14')).toBe('14 May 2019');
    expect(formatDate('2020-12-31')).toBe('31 Dec 2020');
  });

  it('formats a year-month date as month and year', () => {
    expect(formatDate('2021-02')).toBe('Feb 2021');
  });

  it('keeps a bare year', () => {
    expect(formatDate('2019')).toBe('2019');
  });

  it('says "date unknown" for null, undefined and blank', () => {
    expect(formatDate(null)).toBe('date unknown');
    expect(formatDate(undefined)).toBe('date unknown');
    expect(formatDate('  ')).toBe('date unknown');
  });

  it('ignores a time part and does not shift the day by time zone', () => {
    expect(formatDate('2019-06-04T23:30:00-08:00')).toBe('4 Jun 2019');
    expect(formatDate('2019-01-01T00:00:00Z')).toBe('1 Jan 2019');
  });

  it('validates the calendar (leap years, month lengths)', () => {
    expect(formatDate('2020-02-29')).toBe('29 Feb 2020');
    expect(formatDate('2019-02-29')).toBe('2019-02-29');
    expect(formatDate('2019-13')).toBe('2019-13');
    expect(formatDate('2019-04-31')).toBe('2019-04-31');
  });

  it('shows a non-ISO string as given rather than hiding it', () => {
    expect(formatDate('spring 2019')).toBe('spring 2019');
  });
});

describe('labels', () => {
  it('uses human category labels', () => {
    expect((['huawei', 'sanctions', 'no-spy'] as const).map((c) => categoryLabel(c))).toEqual(['Huawei', 'Sanctions', 'No-spy pledges']);
  });

  it('uses neutral kind labels', () => {
    expect((['primary', 'counterclaim', 'context'] as const).map((k) => kindLabel(k))).toEqual(['Own words', 'Disputing claim', 'Reporting']);
  });

  it('names every side in words, so side is never colour alone', () => {
    expect(sideLabel('chinese-government')).toBe('Chinese government');
    expect(sideLabel('unnamed')).toBe('Unnamed source');
  });
});

describe('excerpt', () => {
  it('returns short text unchanged', () => {
    expect(excerpt('No backdoors.')).toBe('No backdoors.');
  });

  it('cuts long text at a word boundary with an ellipsis', () => {
    expect(excerpt(liangHua.text, 32)).toBe('We are willing to sign no-spy…');
  });

  it('collapses whitespace and never splits a surrogate pair', () => {
    expect(excerpt('a\n\n  b')).toBe('a b');
    const emoji = '😀'.repeat(30);
    const cut = excerpt(emoji, 10);
    expect(cut).toBe(`${'😀'.repeat(10)}…`);
  });

  it('cuts unspaced text (Chinese) by characters', () => {
    expect(excerpt('华为愿意与各国政府签署无间谍协议承诺设备符合标准', 8)).toBe('华为愿意与各国政…');
  });
});

describe('formatCitation', () => {
  it('formats speaker (role), quote, publisher, date, URL', () => {
    expect(formatCitation(liangHua)).toBe(
      'Liang Hua (Chairman, Huawei), “We are willing to sign no-spy agreements with governments, including the UK government, to commit ourselves to making our equipment meet the no-spy, no-backdoors standard.”, Reuters, 14 May 2019, https://example.org/liang-hua',
    );
  });

  it('says "date unknown" and keeps the URL when the date is missing', () => {
    expect(formatCitation(counter)).toBe(
      'Test Official (Fixture: US official), “A no-spy agreement cannot override a national intelligence law. (test fixture)”, Example Wire, date unknown, https://example.org/official',
    );
  });

  it('says what is unknown: publisher, date, URL; omits an empty role', () => {
    const item = makeItem({
      id: 'x',
      text: 'Line one.\n\nLine  two.',
      speaker: { name: 'Ren Zhengfei', role: '  ', side: 'huawei' },
      source: { file: 'f.txt', title: null, publisher: null, date: null, url: null },
    });
    expect(formatCitation(item)).toBe('Ren Zhengfei, “Line one. Line two.”, publisher unknown, date unknown, no URL');
  });

  it('uses partial dates as formatted for readers', () => {
    const item = makeItem({
      id: 'y',
      text: 'Q',
      speaker: { name: 'S', role: 'R', side: 'press' },
      source: { file: 'f.txt', title: null, publisher: 'P', date: '2021-02', url: 'https://e.org' },
    });
    expect(formatCitation(item)).toBe('S (R), “Q”, P, Feb 2021, https://e.org');
  });
});
