import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../lib/corpus/helpers.ts';
import { labelledParagraph } from '../tests/eval/helpers.ts';

/** A one-paragraph set: the first label names a corpus statement, the second names none (stale). */
const ITEM = labelledParagraph({
  paragraph: 'Huawei chairman Liang Hua said the company was willing to sign no-spy agreements with governments.',
  mention: 'no-spy agreements',
  file: '001_cf337998d25e89a1.txt',
  quote: 'We are willing to sign no-spy agreements with countries',
});

function set(items: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'card-set-')), 'set.json');
  writeFileSync(file, JSON.stringify(items, null, 2));
  return file;
}

// Each test starts Node on the whole set's code path; a loaded CI runner needs more than the default 5 s.
describe('npm run eval:card', { timeout: 30_000 }, () => {
  it('--json prints totals and each paragraph; a stale label is named and exits 1', () => {
    const r = run('eval-card.ts', ['--json', '--set', set([ITEM]), '--test', '']);
    expect(r.status, r.stderr).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['totals', 'heldOut', 'stale', 'undetected', 'offTopicHighlighted', 'items', 'test']);
    expect(out.test).toEqual([]);
    expect(out.heldOut).toBeNull(); // one article: too few for 5 folds
    expect(out.stale).toEqual([{ item: 'x1', file: ITEM.relevant[1]!.file, quote: ITEM.relevant[1]!.quote }]);
    expect(out.items[0].detected).toEqual({ text: 'no-spy agreements', term: 'no-spy agreement', category: 'no-spy', at: ITEM.paragraph.indexOf('no-spy agreements') });
    expect(out.items[0].relevant[0].ids).toHaveLength(1);
    expect(out.items[0].top5.length).toBeGreaterThan(0);
  });

  it('prints each test split apart, after the development set, and exits 1 on a stale label in one too', () => {
    const good = { ...ITEM, relevant: [ITEM.relevant[0]!] };
    const [one, two] = [set([{ ...good, id: 't1' }]), set([{ ...good, id: 'u1' }, { ...good, id: 'u2', url: 'https://example.com/2' }])];
    const ok = run('eval-card.ts', ['--set', set([good]), '--test', one, '--test', two]);
    expect(ok.status, ok.stderr).toBe(0);
    const first = ok.stdout.indexOf('TEST SPLIT (');
    const second = ok.stdout.indexOf('TEST SPLIT (', first + 1);
    expect(first).toBeGreaterThan(ok.stdout.indexOf('Card relevance: 1 paragraphs'));
    expect(ok.stdout.slice(first, second)).toMatch(/: 1 paragraphs from 1 articles[\s\S]*never tuned on/);
    expect(ok.stdout.slice(second)).toMatch(/: 2 paragraphs from 2 articles/);
    const json = JSON.parse(run('eval-card.ts', ['--json', '--set', set([good]), '--test', one, '--test', two]).stdout);
    expect(json.test.map((s: { items: { id: string }[] }) => s.items.map((i) => i.id))).toEqual([['t1'], ['u1', 'u2']]);
    expect(json.test[1].totals.answerable).toBe(2);
    expect(run('eval-card.ts', ['--set', set([good]), '--test', one, '--test', set([ITEM])]).status).toBe(1);
  });

  it('a malformed set stops with its file, line and item named, exit 2', () => {
    const file = set([{ ...ITEM, relevant: [] }, { ...ITEM, id: 'x2', mention: 'ZTE' }]);
    const r = run('eval-card.ts', ['--set', file]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${file}:13: item 1 (x2): "mention" is not a substring of "paragraph"`);
  });
});
