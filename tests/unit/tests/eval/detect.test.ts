import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { collapseText } from '../../../../lib/detect/index.ts';
import {
  detectText,
  evaluate,
  evaluateArticle,
  loadSet,
  locate,
  parseLabels,
  type ArticleLabels,
} from '../../../eval/detect.ts';
import { InputError } from '../../../../lib/data/input-error.ts';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const SET_DIR = `${root}tests/fixtures/detect`;

/**
 * Figures of `npm run eval:detect` on the development set, measured on
 * 2026-11-30 with 48 articles: 356/448 wanted (79.4%) before the sanction
 * phrase terms (crackdown, US restrictions, ban/block/cut off Huawei) and
 * Huawei's executives, 435/448 (97.1%) after; 436/448 (97.3%) on
 * 2026-12-02 with a company named by its rank as a sanction's target
 * ("cutting the world's largest ... maker off"); 442/448 (98.7%) on
 * 2026-12-02 with back-references to a measure the block or page names
 * ("the restrictions in place since 2019", "this restriction", "the
 * ban"). Raise RECALL_FLOOR when detection improves. The off-topic
 * ceiling is held at today's 0 of 36 since the back-references: they are
 * everyday words ("the new restrictions" of a Covid-19 lockdown on a page
 * that names Huawei is in the set), and a loosened rule would show there
 * first. Targets (issue #14): recall >= 95%, off-topic highlighted <= 10%,
 * no highlight on unrelated articles.
 */
const RECALL_FLOOR = 0.986;
const OFF_TOPIC_CEILING = 0;
const UNRELATED_CEILING = 0;

function evalCli(...args: string[]) {
  const r = spawnSync(process.execPath, ['scripts/eval-detect.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 30_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const article = (over: Partial<ArticleLabels>): ArticleLabels => ({
  file: 'a.txt',
  url: 'https://example.com/a',
  publisher: null,
  date: null,
  want: [],
  offTopic: [],
  ...over,
});

describe('locate', () => {
  const text = 'Title\n\nUS sanctions on Huawei.\nHuawei said no.';
  it('finds the mention inside the one occurrence of its context, with its line', () => {
    expect(locate(text, 'sanctions on Huawei.', 'Huawei')).toEqual({ start: 23, end: 29, line: 3 });
    expect(locate(text, 'Huawei said', 'Huawei')).toEqual({ start: 31, end: 37, line: 4 });
  });
  it('takes the first occurrence of the mention in its context', () => {
    expect(locate('Huawei Cloud; Huawei OpenLab', 'Huawei Cloud; Huawei', 'Huawei').start).toBe(0);
  });
  it('rejects a context that is missing or not unique, and a mention outside its context', () => {
    expect(() => locate(text, 'sanctions on ZTE', 'ZTE')).toThrow(/context not found/);
    expect(() => locate(text, 'Huawei', 'Huawei')).toThrow(/more than once/);
    expect(() => locate(text, 'Huawei said', 'sanctions')).toThrow(/not in its context/);
  });
});

describe('detectText', () => {
  it('reports highlights in offsets of the file, across collapsed whitespace', () => {
    const text = 'Huawei  news\n\nThe US  sanctions\n  have hurt Huawei\nTechnologies.\n\n\nRussia faces sanctions.\n';
    const found = detectText(text);
    expect(found.map((d) => [d.text, d.term])).toEqual([
      ['Huawei', 'Huawei'],
      ['sanctions', 'sanctions'],
      ['Huawei\nTechnologies', 'Huawei Technologies'],
    ]);
    for (const d of found) expect(text.slice(d.start, d.end)).toBe(d.text);
  });

  it('highlights what npm run scan highlights on the same article', () => {
    const files = ['03_breitbart_cut-off-chip-suppliers.txt', '13_cbc_meng-extradition-questions.txt'].map(
      (f) => `tests/fixtures/detect/articles/${f}`,
    );
    const r = spawnSync(process.execPath, ['scripts/scan.ts', '--json', ...files], { cwd: root, encoding: 'utf8', timeout: 30_000 });
    expect(r.stderr).toBe('');
    const scanned = JSON.parse(r.stdout) as { mentions: { category: string; text: string }[] }[];
    const sets = loadSet(SET_DIR);
    files.forEach((f, i) => {
      const content = sets.find((s) => f.endsWith(s.labels.file))?.content ?? '';
      const ours = detectText(content).map((d) => ({ category: d.category, text: collapseText(d.text) }));
      expect(ours.length).toBeGreaterThan(0);
      expect(ours).toEqual(scanned[i]?.mentions.map((m) => ({ category: m.category, text: m.text })));
    });
  }, 30_000);
});

describe('evaluateArticle', () => {
  const text = 'Huawei under pressure\n\nSecurity-based restrictions of Huawei and US sanctions hit it.\n\nThe EU extended sanctions on Russia.\n';
  it('counts wanted mentions found and missed, off-topic uses highlighted, and unlabelled highlights', () => {
    const r = evaluateArticle(
      article({
        want: [
          { context: 'Huawei under pressure', mention: 'Huawei', category: 'huawei' },
          { context: 'Security-based restrictions of Huawei', mention: 'restrictions', category: 'sanctions' },
          { context: 'and US sanctions hit it', mention: 'sanctions', category: 'sanctions' },
        ],
        offTopic: [{ context: 'extended sanctions on Russia', mention: 'sanctions', why: 'EU sanctions on Russia' }],
      }),
      text,
    );
    expect(r).toMatchObject({ unrelated: false, wanted: 3, found: 2, offTopic: 1, offTopicHighlighted: 0 });
    expect(r.misses).toEqual([
      { file: 'a.txt', line: 3, category: 'sanctions', mention: 'restrictions', context: 'Security-based restrictions of Huawei' },
    ]);
    // The second "Huawei" is highlighted but carries no label.
    expect(r.unlabelled.map((u) => [u.text, u.line])).toEqual([['Huawei', 3]]);
  });

  it('counts an off-topic use as highlighted when a highlight overlaps it', () => {
    const r = evaluateArticle(
      article({ offTopic: [{ context: 'sanctions hit it', mention: 'sanctions', why: 'test' }] }),
      text,
    );
    expect(r.offTopicHits.map((h) => [h.text, h.term, h.why])).toEqual([['sanctions', 'sanctions', 'test']]);
  });

  it('treats an article without labels as unrelated: every highlight on it is a false one', () => {
    const r = evaluateArticle(article({}), 'Soybeans\n\nHuawei is not here, but this name is.\n');
    expect(r.unrelated).toBe(true);
    expect(r.unrelatedHits.map((h) => h.text)).toEqual(['Huawei']);
    expect(evaluate([{ labels: article({}), content: 'Soybeans\n\nHuawei.\n' }]).totals.unrelatedHighlights).toBe(1);
  });
});

describe('parseLabels', () => {
  const articles = new Map([['a.txt', 'Title\n\nUS sanctions on Huawei.\n']]);
  const good = JSON.stringify(
    [article({ want: [{ context: 'sanctions on Huawei', mention: 'Huawei', category: 'huawei' }] })],
    null,
    2,
  );
  it('accepts a well-formed file', () => {
    expect(parseLabels(good, 'labels.json', articles)[0]?.want).toHaveLength(1);
  });
  it('names the labels file and line of a bad label', () => {
    const bad = good.replace('sanctions on Huawei', 'sanctions on ZTE');
    expect(() => parseLabels(bad, 'labels.json', articles)).toThrow(InputError);
    expect(() => parseLabels(bad, 'labels.json', articles)).toThrow(/^labels\.json:9: a\.txt: context not found/);
    expect(() => parseLabels(good.replace('"huawei"', '"phones"'), 'labels.json', articles)).toThrow(/labels\.json:9: .*category/);
  });
  it('rejects an article without an entry, an entry without an article, and a label given twice', () => {
    expect(() => parseLabels('[]', 'labels.json', articles)).toThrow(/no entry for a\.txt/);
    expect(() => parseLabels(good.replace('"a.txt"', '"b.txt"'), 'labels.json', articles)).toThrow(/b\.txt: no such article/);
    const twice = JSON.stringify([
      article({
        want: [
          { context: 'sanctions on Huawei', mention: 'Huawei', category: 'huawei' },
          { context: 'on Huawei.', mention: 'Huawei', category: 'huawei' },
        ],
      }),
    ]);
    expect(() => parseLabels(twice, 'labels.json', articles)).toThrow(/labelled twice/);
  });
});

describe('the detection development set (npm run eval:detect)', () => {
  const { totals } = evaluate(loadSet(SET_DIR));
  it('has real articles of each kind', () => {
    expect(totals.articles).toBeGreaterThanOrEqual(40);
    expect(totals.unrelatedArticles).toBeGreaterThanOrEqual(4);
    expect(totals.wanted).toBeGreaterThanOrEqual(300);
    expect(totals.offTopic).toBeGreaterThanOrEqual(20);
  });
  it(`highlights at least ${RECALL_FLOOR * 100}% of the wanted mentions (target 95%)`, () => {
    expect(totals.recall).toBeGreaterThanOrEqual(RECALL_FLOOR);
  });
  it(`highlights at most ${OFF_TOPIC_CEILING * 100}% of the off-topic uses`, () => {
    expect(totals.offTopicRate).toBeLessThanOrEqual(OFF_TOPIC_CEILING);
  });
  it('highlights nothing on unrelated articles', () => {
    expect(totals.unrelatedHighlights).toBeLessThanOrEqual(UNRELATED_CEILING);
  });
});

describe('npm run eval:detect', () => {
  it('--json prints the report the unit test computes', () => {
    const r = evalCli('--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const printed = JSON.parse(r.stdout) as ReturnType<typeof evaluate>;
    expect(printed.totals).toEqual(evaluate(loadSet(SET_DIR)).totals);
  }, 30_000);

  it('stops with exit status 2 naming labels.json and the line of a bad label', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eval-detect-'));
    try {
      mkdirSync(join(dir, 'articles'));
      writeFileSync(join(dir, 'articles', 'a.txt'), 'Title\n\nUS sanctions on Huawei.\n');
      const labels = [article({ want: [{ context: 'sanctions on ZTE', mention: 'ZTE', category: 'huawei' }] })];
      writeFileSync(join(dir, 'labels.json'), JSON.stringify(labels, null, 2));
      const r = evalCli('--dir', dir);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`${join(dir, 'labels.json')}:9: a.txt: context not found`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
