// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findMentions } from '../../../../lib/detect/matcher.ts';
import { mayBeOnTopic, pageContext, pageMayBeOnTopic } from '../../../../lib/detect/context.ts';
import { pageContextOf } from '../../../../lib/detect/page.ts';
import { scanAll } from '../../../../lib/detect/scanner.ts';
import { examplesOf, TERMS } from '../../../../lib/vocabulary/terms.ts';

/**
 * Pieces of text the generated texts are made of: every example of the term
 * table, the context rule's signal words (entities, China, technology, other
 * stories), and the characters around word edges, so that terms are glued
 * to letters, domains, handles and each other.
 */
const FRAGMENTS = [
  ...TERMS.flatMap((t) => examplesOf(t.term).map((ex) => (typeof ex === 'string' ? ex : ex[0]))),
  ...['ZTE', 'SMIC', 'Hikvision', 'YMTC', 'CXMT', 'Dahua Technology', 'Meng', 'MENG', 'China', 'CHINA', 'Chinese', 'Beijing', 'PRC', '中国', '中國'],
  ...['5G', 'chips', 'telecom', 'smartphones', 'Russia', 'Iranian', 'FBI', 'NSA', 'North Korea', 'sanctions', 'Entity List', 'no-spy'],
  ...['china', 'beijing', 'meng', 'huawe', 'Hua wei', 'ren zhengfei'],
  ' ', '\u00a0', '\n', '.', ',', '@', '-', '\u00ad', 'a', 'x', 'é', '\u0301', "'s", '华', '中', '1',
];
const textArb = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 20 }).map((parts) => parts.join(''));

describe('mayBeOnTopic: the cheap test before the term table and the signals', () => {
  it('passes every text in which a mention is found, whatever the page (property)', () => {
    const onTopicPage = pageContext('Huawei', 'Huawei. '.repeat(10));
    expect(onTopicPage.onTopic).toBe(true);
    fc.assert(
      fc.property(textArb, textArb, (text, title) => {
        if (mayBeOnTopic(text)) return;
        // Rejected: nothing is found unless the page is on topic…
        const page = pageContext(title, text);
        if (!page.onTopic) expect(findMentions(text, page)).toEqual([]);
        // …and on a page that is, only generic words (no name can be there).
        expect(findMentions(text, onTopicPage).filter((m) => m.category === 'huawei')).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });

  it('pageMayBeOnTopic is false only for pages the context rule keeps off topic (property)', () => {
    fc.assert(
      fc.property(textArb, fc.array(textArb, { maxLength: 12 }), (title, paragraphs) => {
        const body = paragraphs.join('\n');
        if (!pageMayBeOnTopic(title, body)) expect(pageContext(title, body).onTopic).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('is not the whole story: words that pass it are still matched with their edges', () => {
    expect(mayBeOnTopic('Chinaberry chips')).toBe(true);
    expect(findMentions('Chinaberry chips face sanctions.')).toEqual([]);
    expect(mayBeOnTopic('China trade sanctions')).toBe(false);
    expect(mayBeOnTopic('Trade sanctions on Russia')).toBe(false);
  });
});

describe('the scanner with the gate', () => {
  const scan = (title: string, html: string) => {
    document.title = title;
    document.body.innerHTML = html;
    return scanAll([document.body], { page: () => pageContextOf(document) }).flatMap((b) => b.mentions.map((m) => m.text));
  };

  it('finds generic words in blocks without a topic word when the page is on topic, and not otherwise', () => {
    const body = '<p>The sanctions have hurt its smartphone business.</p><p>Huawei said so.</p>';
    expect(scan('Huawei results', body)).toEqual(['sanctions', 'Huawei']);
    expect(scan('Quarterly results', body)).toEqual(['Huawei']);
    expect(scan('Quarterly results', '<p>The sanctions have hurt its smartphone business.</p>')).toEqual([]);
  });

  it('finds what findMentions finds block by block (property)', () => {
    fc.assert(
      fc.property(textArb, fc.array(textArb, { minLength: 1, maxLength: 6 }), (title, paragraphs) => {
        document.title = title;
        document.body.innerHTML = '';
        for (const text of paragraphs) document.body.appendChild(document.createElement('p')).textContent = text;
        const page = pageContext(title, paragraphs.join(' '));
        const found = scanAll([document.body], { page }).flatMap((b) => b.mentions.map((m) => m.text));
        expect(found).toEqual(paragraphs.flatMap((text) => findMentions(text, page).map((m) => m.text)));
      }),
      { numRuns: 150 },
    );
  });
});
