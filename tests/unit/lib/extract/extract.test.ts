import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../../lib/data/input-error.ts';
import { chromeClassWord, decodePage, extractArticle } from '../../../../lib/extract/article.ts';
import { calendarDate, readMetadata } from '../../../../lib/extract/meta.ts';
import { ROOT } from '../corpus/helpers.ts';

/**
 * Extraction on real saved pages from seven sites (tests/fixtures/pages,
 * stripped of scripts, styles and media). Every expected value was read off
 * the page itself: its meta tags, JSON-LD and the article as a browser shows
 * it.
 */

const PAGES = join(ROOT, 'tests/fixtures/pages');
const extract = (name: string) => extractArticle(readFileSync(join(PAGES, name), 'utf8'), name);

interface Expected {
  title: string;
  publisher: string | null;
  author: string | null;
  date: string | null;
  url: string;
  /** The article's first and last paragraphs after the title, as the page shows them. */
  first: string;
  last: string;
  /** Text on the page inside or around the article that is not the article. */
  chrome: string[];
}

const EXPECTED: Record<string, Expected> = {
  'nytimes-1.html': {
    title: 'United States to Lift Sudan Sanctions',
    publisher: null, // no og:site_name, JSON-LD publisher or other publisher tag on the page
    author: 'Jeffrey Gettleman',
    date: '2017-01-13', // article:published 2017-01-13T00:00:04-05:00: the 13th in New York
    url: 'https://www.nytimes.com/2017/01/13/world/africa/sudan-sanctions.html',
    first: 'LONDON — After nearly 20 years of hostile relations, the American government plans to reverse its position on Sudan and lift trade sanctions, Obama administration officials said late Thursday.',
    last: 'Mr. Reeves said he thought that the American government was being manipulated and that the Obama administration had made a “deal with the devil.”',
    chrome: ['Continue reading the main story', 'Ashraf Shazly', 'United Nations peacekeepers at a refugee camp'],
  },
  'bbc-1.html': {
    title: "Obama admits US gun laws are his 'biggest frustration'",
    publisher: 'BBC News',
    author: 'BBC News', // og:article:author
    date: '2015-07-24',
    url: 'http://www.bbc.com/news/world-us-canada-33646704',
    first: 'President Barack Obama has admitted that his failure to pass "common sense gun safety laws" in the US is the greatest frustration of his presidency.',
    last: 'Mr Obama will become the first US president to address the African Union when he travels on to Ethiopia on Sunday.',
    chrome: ['Read the full transcript of his interview', 'Five things we learned from Obama interview', 'Share this story'],
  },
  'guardian-1.html': {
    title: "'What is the sea telling us?': Māori tribes fearful over whale strandings", // og:title ends "| Eleanor Ainge Roy"
    publisher: 'the Guardian',
    author: 'Eleanor Ainge Roy',
    date: '2019-01-03',
    url: 'https://www.theguardian.com/environment/2019/jan/03/what-is-the-sea-telling-us-maori-tribes-fearful-over-whale-strandings',
    first: 'Whale whisperer Hori Parata was just seven years old when he attended his first mass stranding, a beaching of porpoises in New Zealand’s Northland, their cries screeching through the air on the deserted stretch of sand.',
    last: '“It’s very emotional. Our ancestors tell us the strandings are a sign from the sea. So what is the sea telling us? We need to listen.”',
    chrome: ['Share on Facebook', 'Photograph:'],
  },
  'telegraph.html': {
    title: "Zimbabwe coup: Robert Mugabe and wife Grace 'insisting he finishes his term', as priest steps in to mediate",
    publisher: 'The Telegraph',
    author: 'Our Foreign Staff', // JSON-LD "creator"; the page has no other byline
    date: '2017-11-16', // itemprop datePublished 2017-11-16T14:15+0000
    url: 'http://www.telegraph.co.uk/news/2017/11/16/zimbabwes-robert-mugabe-wife-grace-insisting-finishes-term-priest/',
    first: 'Zimbabwe President Robert Mugabe, his wife Grace and two key figures from her G40 political faction are under house arrest at Mugabe\'s "Blue House" compound in Harare and are insisting the 93 year-old finishes his presidential term, a source said.',
    last: "Whatever the final outcome, the events could signal a once-in-a-generation change for the former British colony, a regional breadbasket reduced to destitution by economic policies Mr Mugabe's critics have long blamed on him.",
    chrome: ['Telegraph Media Group'],
  },
  'herald-sun-1.html': {
    title: 'Angry media won’t buckle over new surveillance laws',
    publisher: 'HeraldSun',
    author: 'Laurie Oakes', // article:author (the page's sidebar byline names another writer)
    date: '2015-03-13', // article:publicationdate "Fri Mar 13 21:30:09 EST 2015"
    url: 'http://www.heraldsun.com.au/news/opinion/angry-media-wont-buckle-over-new-surveillance-laws/story-fni0fha6-1227261886014',
    first: 'A HIGH-powered federal government team has been doing the rounds of media organisations in the past few days in an attempt to allay concerns about the impact of new surveillance legislation on press freedom. It failed.',
    last: 'LAURIE OAKES IS THE NINE NETWORK POLITICAL EDITOR', // the column's own sign-off
    chrome: ['Source: Supplied', 'A new Bill would require telecommunications service providers'],
  },
  'cnn.html': {
    title: "The 'birth lottery' and economic mobility",
    publisher: 'CNNMoney',
    author: 'Ahiza Garcia',
    date: '2016-02-01',
    url: 'http://money.cnn.com/2016/02/01/news/economy/poverty-inequality-united-states/index.html',
    first: 'The U.S. has long been heralded as a land of opportunity -- a place where anyone can succeed regardless of the economic class they were born into.',
    last: 'The report concluded that the American safety net was ineffective because it provides only half the financial help people need. Additionally, the levels of assistance in the U.S. are generally lower than in other countries.',
    chrome: ['Related: Rich are paying more in taxes', 'First published February 1, 2016', 'Replay'],
  },
  'wapo-1.html': {
    title: 'Attack stokes instability fears in North Africa',
    publisher: 'Washington Post',
    author: 'Erin Cunningham', // the byline "By Erin Cunningham"; no author tag
    date: null, // the page says only "March 18 at 3:57 PM": no year, so no date
    url: 'http://www.washingtonpost.com/world/gunmen-storm-museum-in-tunisia-killing-at-least-8/2015/03/18/00202e76-cd73-11e4-8730-4f473416e759_story.html',
    first: 'CAIRO — Gunmen opened fire on visitors at Tunisia’s most renowned museum on Wednesday, killing at least 19 people, including 17 foreigners, in an assault that threatened to upset the fragile stability of a country seen as the lone success of the Arab Spring.',
    last: 'Heba Habib contributed to this report.',
    chrome: ['Read more:', 'Tunisia’s Bardo museum is home to amazing Roman treasures', '[Read: Why Tunisia', 'Map: Flow of foreign fighters'],
  },
};

describe('extractArticle on saved pages from seven sites', () => {
  for (const [name, want] of Object.entries(EXPECTED)) {
    describe(name, () => {
      const article = extract(name);
      const f = article.meta.fields;

      it('reads title, publisher, author, date and URL as the page states them; unknown is null', () => {
        expect({ title: f.title?.value ?? null, publisher: f.publisher?.value ?? null, author: f.author?.value ?? null, date: f.date?.value ?? null, url: f.url?.value ?? null }).toEqual({
          title: want.title,
          publisher: want.publisher,
          author: want.author,
          date: want.date,
          url: want.url,
        });
      });

      it('the text is the title, then the article from its first paragraph to its last', () => {
        expect(article.paragraphs[0]).toBe(want.title);
        expect(article.paragraphs[1]).toBe(want.first);
        expect(article.paragraphs.at(-1)).toBe(want.last);
        expect(article.text).toBe(`${article.paragraphs.join('\n\n')}\n`);
      });

      it('leaves out the site chrome around and inside the article', () => {
        const page = parseHTML(readFileSync(join(PAGES, name), 'utf8')).document.body.textContent!.replace(/\s+/g, ' ');
        for (const c of want.chrome) {
          expect(page, 'the chrome is on the page').toContain(c);
          expect(article.text).not.toContain(c);
        }
        expect(article.text).not.toMatch(/^(?:Advertisement|Share|Read more|Continue reading.*)$/im);
      });

      it('paragraphs are separated by one blank line; inside one, whitespace is normalised and only a <br> makes a line break', () => {
        for (const p of article.paragraphs) {
          for (const line of p.split('\n')) {
            expect(line).not.toBe('');
            expect(line).toBe(line.trim());
            expect(line).not.toMatch(/\s{2}|\t/);
          }
        }
      });
    });
  }
});

describe('readMetadata', () => {
  const meta = (head: string, body = '') => readMetadata(parseHTML(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`).document);
  const values = (m: ReturnType<typeof meta>) => Object.fromEntries(Object.entries(m.fields).map(([k, v]) => [k, v?.value ?? null]));

  it('a page that states nothing gives nulls, never a guess', () => {
    expect(values(meta('<title>Some page</title>'))).toEqual({ title: null, publisher: null, author: null, date: null, url: null });
  });

  it('JSON-LD in an @graph, with publisher and author given as @id references', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'Organization', '@id': 'https://example.org/#org', name: 'Example Wire' },
        { '@type': 'Person', '@id': 'https://example.org/#jane', name: 'Jane Roe' },
        { '@type': 'WebPage', '@id': 'https://example.org/a', name: 'Not the article' },
        {
          '@type': ['NewsArticle'],
          headline: 'Huawei denies the claims',
          datePublished: '2019-05-20T23:10:00+08:00',
          author: { '@id': 'https://example.org/#jane' },
          publisher: { '@id': 'https://example.org/#org' },
          mainEntityOfPage: { '@id': 'https://example.org/news/huawei-denies' },
        },
      ],
    };
    const m = meta(`<script type="application/ld+json">${JSON.stringify(ld)}</script>`);
    expect(values(m)).toEqual({
      title: 'Huawei denies the claims',
      publisher: 'Example Wire',
      author: 'Jane Roe',
      date: '2019-05-20',
      url: 'https://example.org/news/huawei-denies',
    });
    expect(m.fields.author!.source).toBe('JSON-LD author');
  });

  it('citation_ and twitter: tags, several authors, a broken JSON-LD block skipped', () => {
    const m = meta(`
      <script type="application/ld+json">{ not json</script>
      <meta name="citation_title" content="Export controls and 5G">
      <meta name="citation_author" content="Li, Wei"><meta name="citation_author" content="Smith, Ann">
      <meta name="citation_publication_date" content="2020/08/17">
      <meta name="citation_publisher" content="Policy Review">
      <meta name="twitter:url" content="https://example.org/p/5g">`);
    expect(values(m)).toEqual({ title: 'Export controls and 5G', publisher: 'Policy Review', author: 'Li, Wei, Smith, Ann', date: '2020-08-17', url: 'https://example.org/p/5g' });
  });

  it('canonical link wins over og:url; a relative canonical is not used', () => {
    expect(values(meta('<link rel="canonical" href="https://a.example/x"><meta property="og:url" content="https://b.example/y">')).url).toBe('https://a.example/x');
    const m = meta('<link rel="canonical" href="/x"><meta property="og:url" content="https://b.example/y">');
    expect(values(m).url).toBe('https://b.example/y');
    expect(m.skipped.join()).toMatch(/canonical "\/x" is not an absolute/);
  });

  it('a date the page gives in a form this tool cannot read stays null and is reported', () => {
    const m = meta('<meta property="article:published_time" content="last Tuesday">');
    expect(m.fields.date).toBeNull();
    expect(m.skipped).toEqual(['article:published_time "last Tuesday" is not a date this tool reads']);
  });

  it('a byline with digits glued to it is not a name: reported, not used', () => {
    const m = readMetadata(parseHTML('<html><head></head><body></body></html>').document, { byline: 'Lucas Nolan22 Dec 2016651' });
    expect(m.fields.author).toBeNull();
    expect(m.skipped).toEqual(['byline in the page "Lucas Nolan22 Dec 2016651" does not read as a name']);
    expect(readMetadata(parseHTML('<html></html>').document, { byline: 'By Jane Roe' }).fields.author).toEqual({ value: 'Jane Roe', source: 'byline in the page' });
  });

  it('author values that are profile URLs or @handles are not names', () => {
    const m = meta('<meta property="article:author" content="https://www.facebook.com/someone"><meta name="twitter:creator" content="@someone">');
    expect(m.fields.author).toBeNull();
  });

  it('calendarDate: the date as written, never shifted to UTC; months without a year are not dates', () => {
    expect(calendarDate('2017-01-13T00:00:04-05:00')).toBe('2017-01-13');
    expect(calendarDate('2019-01-03T07:00:02.000Z')).toBe('2019-01-03');
    expect(calendarDate('20170113')).toBe('2017-01-13');
    expect(calendarDate('Fri Mar 13 21:30:09 EST 2015')).toBe('2015-03-13');
    expect(calendarDate('June 7, 2019')).toBe('2019-06-07');
    expect(calendarDate('7 June 2019')).toBe('2019-06-07');
    expect(calendarDate('2021-02')).toBe('2021-02');
    expect(calendarDate('March 18 at 3:57 PM')).toBeNull();
    expect(calendarDate('2019-13-01')).toBeNull();
  });
});

describe('extraction details', () => {
  it('class names: captions, credits, stamps, share bars are chrome; "no_caption" is not', () => {
    expect(chromeClassWord('pb-caption')).toBe('caption');
    expect(chromeClassWord('cnnDateStamp')).toBe('datestamp');
    expect(chromeClassWord('storytimestamp')).toBe('timestamp');
    expect(chromeClassWord('social-share-bar')).toBe('social');
    expect(chromeClassWord('no_caption')).toBeUndefined();
    expect(chromeClassWord('story-body')).toBeUndefined();
    expect(chromeClassWord('headline')).toBeUndefined();
  });

  it('a <br> is a line break inside the paragraph, not a new paragraph', () => {
    const html = `<html><head><meta property="og:title" content="Rankings"></head><body><article>
      <p>${'The report ranked countries on how well they do for people born poor, and the United States came out near the bottom. '.repeat(4)}</p>
      <p>The overall rankings were as follows:<br>1. Finland<br>2. Norway</p></article></body></html>`;
    const a = extractArticle(html, 'x.html');
    expect(a.paragraphs.at(-1)).toBe('The overall rankings were as follows:\n1. Finland\n2. Norway');
  });

  it('blocks without words and repeated blocks (slideshow counters and captions) are set aside', () => {
    const prose = 'The cargo ship broke up in the atmosphere over Siberia on Thursday, the space agency said in a statement. '.repeat(3);
    const html = `<html><head><meta property="og:title" content="Cargo ship lost"></head><body><article>
      <div><p>1 / 5</p><p>In this photo the rocket is installed on a launch pad.</p></div>
      <div><p>In this photo the rocket is installed on a launch pad.</p></div>
      <p>${prose}</p><p>___</p><p>${prose.replace('Thursday', 'Friday')}</p></article></body></html>`;
    const a = extractArticle(html, 'x.html');
    expect(a.paragraphs.filter((p) => p.startsWith('In this photo'))).toHaveLength(1);
    expect(a.text).not.toMatch(/1 \/ 5|___/);
    expect(a.setAside).toEqual(expect.arrayContaining(['no words: 1 / 5', 'no words: ___', 'repeated: In this photo the rocket is installed on a launch pad.']));
  });

  it('a page with no article is an error naming the file', () => {
    expect(() => extractArticle('<html><body><nav><a href="/">Home</a></nav></body></html>', 'empty.html')).toThrow(InputError);
    expect(() => extractArticle('<html><body><nav><a href="/">Home</a></nav></body></html>', 'empty.html')).toThrow(/^empty\.html: no article/);
  });

  it('decodes the charset the page declares; bytes invalid in it are an error naming the file', () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode('<meta charset="iso-8859-1"><p>caf'), 0xe9, ...new TextEncoder().encode('</p>')]);
    expect(decodePage(latin1, 'a.html')).toContain('café');
    const badUtf8 = new Uint8Array([...new TextEncoder().encode('<meta charset="utf-8"><p>caf'), 0xe9, ...new TextEncoder().encode('</p>')]);
    expect(() => decodePage(badUtf8, 'b.html')).toThrow(/^b\.html: not valid utf-8/);
  });
});
