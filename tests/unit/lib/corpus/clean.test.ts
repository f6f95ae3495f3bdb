import { describe, expect, it } from 'vitest';
import { cleanDocument } from '../../../../lib/corpus/clean.ts';
import { KNOWN_ENTITIES } from '../../../../lib/vocabulary/known-entities.ts';
import { built, source } from './helpers.ts';

function clean(text: string, title: string | null = null) {
  const doc = cleanDocument(text, title, KNOWN_ENTITIES);
  return {
    kept: doc.paragraphs.map((p) => text.slice(p.span[0], p.span[1])),
    roles: doc.paragraphs.map((p) => p.role),
    sections: doc.paragraphs.map((p) => p.section),
    dropped: doc.dropped.map((d) => [d.rule, text.slice(d.span[0], d.span[1])]),
  };
}

const BODY = 'The minister said the talks would resume next week in Geneva.';

describe('chrome rules (inline documents, as a maintainer might add)', () => {
  it('drops a cookie banner, form prompts and a comments widget', () => {
    const r = clean(
      `We use cookies to improve your experience. By using this site you accept our privacy policy.\n\n${BODY}\n\nPlease enter your comment!\nPlease enter your email address here\n\nblog comments powered by Disqus`,
    );
    expect(r.kept).toEqual([BODY]);
    expect(r.dropped.map((d) => d[0])).toEqual(['cookie-banner', 'form-prompt', 'form-prompt', 'comments-widget']);
  });

  it('drops navigation labels but keeps a real one-word sentence', () => {
    const r = clean(`${BODY}\n\nRead More\n\nBack to top\n\nNo.\n\nTop`);
    expect(r.kept).toEqual([BODY, 'No.']);
  });

  it('drops category, byline and date lines', () => {
    const r = clean(`By Jane Smith\n\nMarch 3, 2020\n\nSource: Reuters Published: 2020/3/3 10:00:00\n\n${BODY}\n\nFiled under: POLITICS`);
    expect(r.kept).toEqual([BODY]);
    expect(r.dropped.map((d) => d[0])).toEqual(['byline', 'dateline', 'byline', 'category-line']);
  });

  it('keeps a body paragraph that starts with "By" (not a byline)', () => {
    const text = 'By 2020, the company had built more than 1,500 networks worldwide.';
    expect(clean(text).kept).toEqual([text]);
  });

  it('drops photo captions and a lone name caption, keeps a heading', () => {
    const r = clean(
      `${BODY}\n\nDelegates arrive in Geneva on Monday. Photo: John Doe/AFP\n\nThe lab in Taiyuan. Image source: Company handout\n\nZhao Lijian\n\nWhat comes next\n\n${BODY}`,
    );
    expect(r.kept).toEqual([BODY, 'What comes next', BODY]);
    expect(r.roles).toEqual(['body', 'heading', 'body']);
    expect(r.dropped.map((d) => d[0])).toEqual(['caption', 'caption', 'caption']);
  });

  it('drops a headline repeated with a site suffix and keeps one title', () => {
    const r = clean(`Talks Resume In Geneva | Example News\n\nTalks Resume In Geneva\n\n${BODY}`, 'Talks Resume In Geneva');
    expect(r.kept).toEqual(['Talks Resume In Geneva', BODY]);
    expect(r.roles).toEqual(['title', 'body']);
    expect(r.dropped).toEqual([['repeated-headline', 'Talks Resume In Geneva | Example News']]);
  });

  it('cuts a footer that trails a paragraph, and starts a new section after a footer', () => {
    const r = clean(`${BODY}\n\nCopyright 2021 Example Radio. To see more, visit\n\nHOST: Welcome back. Transcript provided by Example Radio, Copyright Example Radio.`);
    expect(r.kept).toEqual([BODY, 'HOST: Welcome back.']);
    expect(r.sections).toEqual([0, 1]);
    expect(r.dropped.map((d) => d[0])).toEqual(['footer', 'footer']);
  });

  it('joins a line that cannot start a paragraph (", said;") to the one before', () => {
    const text = 'Jane Doe, chair of the board\n, said;\nWe will appeal.';
    expect(clean(text).kept).toEqual(['Jane Doe, chair of the board\n, said;', 'We will appeal.']);
  });

  it('treats NBSP-only lines as blank', () => {
    expect(clean(`${BODY}\n\u00a0\n${BODY}`).kept).toEqual([BODY, BODY]);
  });
});

describe('chrome in the seeds', () => {
  const dropped = (file: string) => built().dropped.find((d) => d.file === file)!.drops.map((d) => d.text);

  it('000: cookie banner, "Further Information", "View All"', () => {
    const d = dropped('000_a551dc9bee7d4d0b.txt');
    expect(d[0]).toMatch(/^This site uses cookies/);
    expect(d).toContain('Further Information');
    expect(d).toContain('View All');
  });

  it('001: repeated headline, "Jun 4, 2019", "Originally published on ...", NPR copyright and transcript credit', () => {
    expect(dropped('001_cf337998d25e89a1.txt')).toEqual([
      "Huawei Chairman Willing To Sign A 'No-Spy' Deal With The United States | KGOU",
      'Jun 4, 2019',
      'Originally published on June 7, 2019 7:57 am',
      'Copyright 2020 NPR. To see more, visit',
      'Transcript provided by NPR, Copyright NPR.',
    ]);
  });

  it('002: photo caption, image credit, comment form', () => {
    expect(dropped('002_6c67cefa4da1482a.txt')).toEqual([
      "Huawei's CEO Ren Zhengfei",
      'Intelligent Mining Innovation Lab. Image source: International Mining',
      'Please enter your comment!',
      'Please enter your name here',
    ]);
  });

  it('003: source/date line, photo caption, "Posted in:", Disqus', () => {
    const d = dropped('003_076bccee9a179dba.txt');
    expect(d[0]).toBe('Source: Global Times Published: 2020/8/18 17:40:40');
    expect(d[1]).toMatch(/Photo: Zhang Hongpei\/GT$/);
    expect(d.slice(2)).toEqual(['Posted in: COMPANIES', 'blog comments powered by Disqus']);
  });

  it('004: "Top"', () => {
    expect(dropped('004_36b3ccdd15a1845b.txt')).toEqual(['Top']);
  });

  it('reader paragraphs are verbatim spans and the appended NPR transcript is its own section', () => {
    for (const doc of built().documents) {
      const text = source(doc.file);
      for (const p of doc.paragraphs) expect(text.slice(p.span[0], p.span[1])).toBe(p.text);
    }
    const npr = cleanDocument(source('001_cf337998d25e89a1.txt'), null, KNOWN_ENTITIES);
    expect(new Set(npr.paragraphs.map((p) => p.section))).toEqual(new Set([0, 1]));
  });
});
