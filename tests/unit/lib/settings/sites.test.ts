import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_DISABLED_SITES } from '../../../../lib/settings/schema.ts';
import { formatSiteList, importSiteList, isActiveOn, isSiteDisabled, normalizeHost, withSiteDisabled } from '../../../../lib/settings/sites.ts';

describe('normalizeHost', () => {
  it.each([
    ['example.com', 'example.com'],
    ['  WWW.Example.COM  ', 'www.example.com'],
    ['https://www.example.com/news/1?x=2#top', 'www.example.com'],
    ['example.com:8080/path', 'example.com'],
    ['example.com.', 'example.com'],
    ['*.example.com', 'example.com'],
    ['bücher.de', 'xn--bcher-kva.de'],
    ['localhost', 'localhost'],
    ['127.0.0.1', '127.0.0.1'],
    ['http://[::1]:3000/', '[::1]'],
  ])('%s -> %s', (input, host) => {
    expect(normalizeHost(input)).toBe(host);
  });

  it.each(['', '   ', 'exa mple.com', 'ftp://example.com', 'user@example.com', 'https://a:b@example.com', '123', '0x7f.1', 'a..b', '-bad-.com', 'chrome://settings'])(
    'refuses %j',
    (input) => {
      expect(normalizeHost(input)).toBeUndefined();
    },
  );
});

describe('site matching', () => {
  const settings = { disabledSites: ['example.com', '10.0.0.1'], paused: false };

  it('an entry covers the host and its subdomains, not look-alikes', () => {
    expect(isSiteDisabled(settings, 'example.com')).toBe(true);
    expect(isSiteDisabled(settings, 'www.example.com')).toBe(true);
    expect(isSiteDisabled(settings, 'WWW.EXAMPLE.COM.')).toBe(true);
    expect(isSiteDisabled(settings, 'notexample.com')).toBe(false);
    expect(isSiteDisabled(settings, 'example.com.evil.test')).toBe(false);
  });

  it('an IP address covers only itself', () => {
    expect(isSiteDisabled(settings, '10.0.0.1')).toBe(true);
    expect(isSiteDisabled(settings, '1.10.0.0.1')).toBe(false);
  });

  it('pause turns every site off', () => {
    expect(isActiveOn(settings, 'other.test')).toBe(true);
    expect(isActiveOn({ ...settings, paused: true }, 'other.test')).toBe(false);
  });

  it('turning a site off adds its host once; turning it on removes every entry covering it', () => {
    expect(withSiteDisabled([], 'News.Test', true)).toEqual(['news.test']);
    expect(withSiteDisabled(['news.test'], 'news.test', true)).toEqual(['news.test']);
    expect(withSiteDisabled(['example.com'], 'www.example.com', true)).toEqual(['example.com']);
    expect(withSiteDisabled(['a.test', 'example.com', 'www.example.com'], 'www.example.com', false)).toEqual(['a.test']);
    expect(withSiteDisabled(['a.test'], 'not a host', true)).toEqual(['a.test']);
  });
});

describe('import and export', () => {
  it('imports lines, URLs and wildcards; skips comments and blanks; reports bad lines by number', () => {
    const text = '# my list\n\nexample.com\nhttps://www.news.test/a\n*.blog.test\nnot a host\nEXAMPLE.com\r\nftp://x.test\n';
    const result = importSiteList(text, ['old.test']);
    expect(result.sites).toEqual(['blog.test', 'example.com', 'old.test', 'www.news.test']);
    expect(result.added).toEqual(['example.com', 'www.news.test', 'blog.test']);
    expect(result.duplicates).toBe(1);
    expect(result.rejected).toEqual([
      { line: 6, text: 'not a host', reason: 'invalid' },
      { line: 8, text: 'ftp://x.test', reason: 'invalid' },
    ]);
  });

  it('imports JSON: our export, and a plain array (non-strings reported)', () => {
    expect(importSiteList('{"disabledSites":["a.test","b.test"]}', []).sites).toEqual(['a.test', 'b.test']);
    const result = importSiteList('["a.test", 7, "b.test"]', []);
    expect(result.sites).toEqual(['a.test', 'b.test']);
    expect(result.rejected).toEqual([{ line: 2, text: '7', reason: 'invalid' }]);
  });

  it('stops at the size limit and says which lines did not fit', () => {
    const current = Array.from({ length: MAX_DISABLED_SITES - 1 }, (_, i) => `s${i}.test`);
    const result = importSiteList('one.test\ntwo.test\nthree.test', current);
    expect(result.sites).toHaveLength(MAX_DISABLED_SITES);
    expect(result.added).toEqual(['one.test']);
    expect(result.rejected.map((r) => [r.line, r.reason])).toEqual([
      [2, 'limit'],
      [3, 'limit'],
    ]);
  });

  it('both export formats import back to the same list', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.domain(), { maxLength: 30 }), (domains) => {
        const sites = importSiteList(domains.join('\n'), []).sites;
        for (const format of ['text', 'json'] as const) {
          const back = importSiteList(formatSiteList(sites, format), []);
          expect(back.sites).toEqual(sites);
          expect(back.rejected).toEqual([]);
        }
      }),
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const result = importSiteList(text, []);
        expect(result.sites.every((s) => normalizeHost(s) === s)).toBe(true);
      }),
    );
  });
});
