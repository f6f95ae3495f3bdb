import { describe, expect, it } from 'vitest';
import { run } from '../lib/corpus/helpers.ts';

function json(args: string[]) {
  const r = run('query.ts', ['--json', ...args]);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { results: Record<string, unknown>[] };
}

describe('npm run query', () => {
  it('--json prints exactly the documented shape, speaker as a name', () => {
    const { results } = json(['--context', 'Huawei chairman Liang Hua offered a no-spy agreement.', 'no-spy']);
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) {
      expect(Object.keys(r)).toEqual(['id', 'kind', 'speaker', 'side', 'text', 'topics', 'score', 'source']);
      expect(Object.keys(r.source as object)).toEqual(['file', 'title', 'publisher', 'date', 'url']);
      expect(typeof r.speaker).toBe('string');
    }
    expect(results[0]!.speaker).toBe('Liang Hua');
  });

  it('an off-topic card question prints an empty list', () => {
    expect(json(['--context', 'Apple iPhone battery life review', 'Huawei'])).toEqual({ results: [], reason: null });
  });

  it('takes any context text: one starting with a dash, and --context=TEXT', () => {
    const text = '- Huawei chairman Liang Hua offered a no-spy agreement.';
    const spaced = json(['--context', text, 'no-spy']);
    expect(spaced.results[0]!.speaker).toBe('Liang Hua');
    expect(json([`--context=${text}`, 'no-spy'])).toEqual(spaced);
  }, 60_000);

  it('asks what the detector found: --category and --term as the content script sends them', () => {
    const context = 'The foreign direct product rule lets Washington stop foundries anywhere from making chips for Huawei.';
    const { results } = json(['--context', context, '--category', 'sanctions', '--term', 'foreign direct product rule', 'foreign direct product rule']);
    expect(results.length).toBeGreaterThan(0);
    expect((results[0]!.topics as string[]).some((t) => t === 'sanctions' || t === 'chips')).toBe(true);
    // Without them, the detector's own term table says the same.
    expect(json(['--context', context, 'foreign direct product rule'])).toEqual(json(['--context', context, '--category', 'sanctions', '--term', 'foreign direct product rule', 'foreign direct product rule']));
    const bad = run('query.ts', ['--context', context, '--category', 'weather', 'x']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('unknown --category weather');
  }, 60_000);

  it('without --context it is the side-panel search; without --json a readable listing', () => {
    expect(json(['Entity List']).results.length).toBeGreaterThan(0);
    const r = run('query.ts', ['Zhao Lijian backdoor']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^1\. \[(primary|counterclaim|context)\] Zhao Lijian/);
    expect(r.stdout).toMatch(/source: .*2020-08-18/);
  });
});
