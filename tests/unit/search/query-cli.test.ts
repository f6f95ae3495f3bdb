import { describe, expect, it } from 'vitest';
import { run } from '../corpus/helpers.ts';

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
    expect(json(['--context', 'Apple iPhone battery life review', 'Huawei'])).toEqual({ results: [] });
  });

  it('without --context it is the side-panel search; without --json a readable listing', () => {
    expect(json(['Entity List']).results.length).toBeGreaterThan(0);
    const r = run('query.ts', ['Zhao Lijian backdoor']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^1\. \[(primary|counterclaim|context)\] Zhao Lijian/);
    expect(r.stdout).toMatch(/source: .*2020-08-18/);
  });
});
