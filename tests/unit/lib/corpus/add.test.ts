import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../../lib/data/input-error.ts';
import { appendProvenance, commitAddition, comparableUrl, nextSeedFile, planAddition, type ProvenanceEntry } from '../../../../lib/corpus/add.ts';
import { extractArticle } from '../../../../lib/extract/article.ts';
import { ROOT, run, snapshot, useTempSeeds } from './helpers.ts';

/** `npm run add` on temp copies of seeds/ and data/ (the real ones are never touched), with saved pages from tests/fixtures/pages. */

const PAGES = join(ROOT, 'tests/fixtures/pages');
const NYT = join(PAGES, 'nytimes-1.html');
const SLOW = 120_000; // each case spawns Node and builds the corpus, on a shared machine

const fresh = useTempSeeds();

/** A temp seeds/ with a data/ built from it, as a checkout has. */
function setup() {
  const t = fresh();
  const built = run('index.ts', ['--seeds', t.seeds, '--out', t.out]);
  expect(built.status, built.stderr).toBe(0);
  return t;
}

const both = (t: { seeds: string; out: string }) => ({ seeds: snapshot(t.seeds), data: snapshot(t.out) });
const sha16 = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

describe('npm run add', () => {
  it(
    'writes the extracted text as the next NNN_<hash>.txt with its provenance entry, rebuilds data/ as npm run index does, prints the review',
    () => {
      const t = setup();
      const before = readFileSync(join(t.seeds, 'provenance.json'), 'utf8');
      const r = run('add.ts', [NYT, '--seeds', t.seeds, '--out', t.out]);
      expect(r.status, r.stderr).toBe(0);

      const text = extractArticle(readFileSync(NYT, 'utf8'), 'nytimes-1.html').text;
      const file = `005_${sha16(text)}.txt`;
      expect(readFileSync(join(t.seeds, file), 'utf8')).toBe(text);

      const raw = readFileSync(join(t.seeds, 'provenance.json'), 'utf8');
      expect(raw.startsWith(before.trimEnd().replace(/\]$/, '').trimEnd())).toBe(true); // earlier entries untouched
      const entry = (JSON.parse(raw) as ProvenanceEntry[]).at(-1)!;
      expect(entry).toMatchObject({
        file,
        title: 'United States to Lift Sudan Sanctions',
        publisher: null,
        url: 'https://www.nytimes.com/2017/01/13/world/africa/sudan-sanctions.html',
        date: '2017-01-13',
        author: 'Jeffrey Gettleman',
      });
      expect(entry.notes).toMatch(/publisher: not found on the page/);
      const line = raw.split('\n').findIndex((l) => l.includes(`"file": "${file}"`)); // the entry's "{" is the line before: 1-based, the same number
      expect(r.stdout).toContain(`provenance.json:${line}`);

      // data/ is exactly what `npm run index` makes of the new seeds.
      const check = run('index.ts', ['--check', '--seeds', t.seeds, '--out', t.out]);
      expect(check.status, check.stderr).toBe(0);
      expect(readFileSync(join(t.out, 'sources.json'), 'utf8')).toContain(file);

      expect(r.stdout).toMatch(new RegExp(`Review of ${file.replace('.', '\\.')}:\\n`));
      expect(r.stdout).toMatch(/^where\s+speaker\s+kind\s+via/m);
      expect(r.stdout).toMatch(/^\s+title\s+"United States to Lift Sudan Sanctions"\s+\[og:title\]/m);
      expect(r.stdout).toMatch(/links only: Continue reading the main story/);
      // The review is of the new document only.
      expect(r.stdout).not.toMatch(/^00[0-4]_/m);
    },
    SLOW,
  );

  it(
    '--dry-run prints the text, the entry and the review, and writes nothing',
    () => {
      const t = setup();
      const before = both(t);
      const r = run('add.ts', [join(PAGES, 'bbc-1.html'), '--dry-run', '--seeds', t.seeds, '--out', t.out]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/--- 005_[0-9a-f]{16}\.txt ---\nObama admits US gun laws are his 'biggest frustration'\n\nPresident Barack Obama has admitted/);
      expect(r.stdout).toMatch(/"publisher": "BBC News"/);
      expect(r.stdout).toMatch(/Review of 005_/);
      expect(r.stdout).toMatch(/nothing written/);
      expect(both(t)).toEqual(before);
    },
    SLOW,
  );

  it(
    'refuses a page already in the corpus, by address or by text, and writes nothing',
    () => {
      const t = setup();
      expect(run('add.ts', [NYT, '--seeds', t.seeds, '--out', t.out]).status).toBe(0);
      const before = both(t);

      const again = run('add.ts', [NYT, '--seeds', t.seeds, '--out', t.out]);
      expect(again.status).toBe(1);
      expect(again.stderr).toMatch(/provenance\.json:\d+: this address is already in the corpus \(005_[0-9a-f]{16}\.txt: https:\/\/www\.nytimes\.com\/2017\/01\/13\/world\/africa\/sudan-sanctions\.html\)/);

      const moved = run('add.ts', [NYT, '--url', 'https://example.org/elsewhere', '--seeds', t.seeds, '--out', t.out]);
      expect(moved.status).toBe(1);
      expect(moved.stderr).toMatch(/005_[0-9a-f]{16}\.txt: the same text is already in the corpus \(20 of 20 paragraphs\)/);
      expect(both(t)).toEqual(before);
    },
    SLOW,
  );

  it(
    'a page with no article, a missing page and a malformed --date: an error naming the file or the option, nothing written',
    () => {
      const t = setup();
      const before = both(t);
      const page = join(t.dir, 'menu.html');
      writeFileSync(page, '<html><head><title>Menu</title></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav></body></html>');
      const none = run('add.ts', [page, '--seeds', t.seeds, '--out', t.out]);
      expect(none.status).toBe(1);
      expect(none.stderr).toContain(`${page}: no article`);

      const missing = run('add.ts', [join(t.dir, 'nope.html'), '--seeds', t.seeds, '--out', t.out]);
      expect(missing.status).toBe(1);
      expect(missing.stderr).toMatch(/nope\.html: cannot read \(ENOENT\)/);

      const date = run('add.ts', [join(PAGES, 'wapo-1.html'), '--date', '18 March 2015', '--seeds', t.seeds, '--out', t.out]);
      expect(date.status).toBe(1);
      expect(date.stderr).toMatch(/provenance\.json:\d+: new entry \(005_[0-9a-f]{16}\.txt\): "date" must be YYYY, YYYY-MM or YYYY-MM-DD, got "18 March 2015"/);
      expect(both(t)).toEqual(before);
    },
    SLOW,
  );
});

describe('overrides and failures', () => {
  it('the maintainer\'s --url, --date, --publisher, --title and --author go into the entry, and the notes say so', () => {
    const t = setup();
    const r = run('add.ts', [join(PAGES, 'wapo-1.html'), '--dry-run', '--date', '2015-03-18', '--publisher', 'The Washington Post', '--url', 'https://www.washingtonpost.com/x', '--seeds', t.seeds, '--out', t.out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/"date": "2015-03-18"/);
    expect(r.stdout).toMatch(/"publisher": "The Washington Post"/);
    expect(r.stdout).toMatch(/"url": "https:\/\/www\.washingtonpost\.com\/x"/);
    expect(r.stdout).toContain('title: og:title; publisher: given with --publisher; author: byline in the page; date: given with --date; url: given with --url.');
  }, SLOW);

  it('a failure after the seed is written (data/ cannot be written) removes it and restores provenance.json', () => {
    const t = setup();
    const before = both(t);
    const article = extractArticle(readFileSync(NYT, 'utf8'), 'nytimes-1.html');
    const meta = { title: 'United States to Lift Sudan Sanctions', publisher: null, url: null, date: null, author: null };
    const plan = planAddition(t.seeds, article.text, meta, 'test');
    const blocked = join(t.dir, 'a-file');
    writeFileSync(blocked, 'not a directory');
    expect(() => commitAddition(t.seeds, join(blocked, 'data'), plan)).toThrow();
    expect(existsSync(join(t.seeds, plan.file))).toBe(false);
    expect(both(t)).toEqual(before);
  }, SLOW);

  it('seeds/ that are already broken stop the addition before anything is written', () => {
    const t = setup();
    writeFileSync(join(t.seeds, '009_orphan.txt'), 'Huawei said it would never spy.\n');
    const before = both(t);
    const article = extractArticle(readFileSync(NYT, 'utf8'), 'nytimes-1.html');
    let error: unknown;
    try {
      planAddition(t.seeds, article.text, { title: null, publisher: null, url: null, date: null, author: null }, 'test');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems.join('\n')).toMatch(/has problems already[\s\S]*009_orphan\.txt: no entry in/);
    expect(both(t)).toEqual(before);
  }, SLOW);
});

describe('naming, addresses, provenance text', () => {
  it('the next number after the highest, three digits, and the first 16 hex digits of the text\'s SHA-256', () => {
    expect(nextSeedFile(['000_a.txt', '004_b.txt', 'provenance.json', 'notes.md'], 'x\n')).toBe(`005_${sha16('x\n')}.txt`);
    expect(nextSeedFile(['provenance.json'], 'x\n')).toBe(`000_${sha16('x\n')}.txt`);
    expect(nextSeedFile(['0999_a.txt'], 'x\n')).toBe(`1000_${sha16('x\n')}.txt`);
  });

  it('one form per address: scheme, www., trailing slash, fragment and tracking parameters do not count', () => {
    const a = comparableUrl('https://www.nytimes.com/2017/01/13/world/africa/sudan-sanctions.html');
    expect(comparableUrl('http://nytimes.com/2017/01/13/world/africa/sudan-sanctions.html?utm_source=x#top')).toBe(a);
    expect(comparableUrl('https://example.org/a/')).toBe(comparableUrl('https://example.org/a'));
    expect(comparableUrl('https://example.org/a?id=1')).not.toBe(comparableUrl('https://example.org/a?id=2'));
  });

  it('appends the entry in the file\'s one-space style, earlier bytes unchanged, and names its line', () => {
    const entry: ProvenanceEntry = { file: '001_x.txt', title: 'T', publisher: null, url: null, date: '2020', author: null, notes: 'n' };
    const raw = '[\n {\n  "file": "000_a.txt"\n }\n]\n';
    const out = appendProvenance(raw, entry);
    expect(out.raw.startsWith('[\n {\n  "file": "000_a.txt"\n },\n {\n  "file": "001_x.txt",')).toBe(true);
    expect(JSON.parse(out.raw)).toEqual([{ file: '000_a.txt' }, entry]);
    expect(out.raw.split('\n')[out.line - 1]).toBe(' {');
    expect(out.line).toBe(5);
    const empty = appendProvenance('[]\n', entry);
    expect(JSON.parse(empty.raw)).toEqual([entry]);
    expect(empty.line).toBe(2);
  });
});
