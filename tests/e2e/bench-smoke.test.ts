import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { BenchResults } from '../bench/main.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Keeps `npm run bench` from rotting: the quick setting (a few generated
 * pages, one repetition, scale factors 1x and 10x) must measure every
 * section and write both reports. Targets are not asserted here, only that
 * every figure is a number; the real pages folder is not needed.
 */
describe('npm run bench -- --quick', () => {
  const out = mkdtempSync(join(tmpdir(), 'sc-bench-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('measures every section and writes latest.json and latest.md', () => {
    execFileSync('npm', ['run', '--silent', 'bench', '--', '--quick', '--out', out], { cwd: root, stdio: 'pipe', timeout: 170_000 });
    const r = JSON.parse(readFileSync(join(out, 'latest.json'), 'utf8')) as BenchResults;
    const finite = (x: unknown) => expect(Number.isFinite(x), String(x)).toBe(true);

    expect(r.errors).toEqual({});
    // Page cost: every page loaded in each of the five browsers (none, ours, bare, mark.js, no-op), and our tasks traced.
    expect(r.cost!.pages.length).toBe(3);
    for (const page of r.cost!.pages) {
      for (const load of Object.values(page.loads)) for (const x of Object.values(load)) finite(x);
      expect(page.loads.none.taskMs).toBeGreaterThan(0);
      finite(page.trace!.longestOursMs);
    }
    // The built extension highlighted the generated pages' mentions during the traced loads.
    expect(r.cost!.pages.some((p) => p.mentions > 0)).toBe(true);
    for (const x of Object.values(r.cost!.added)) finite(x);
    // The no-op reference is measured in the same run: the floor the report compares with.
    expect(Object.keys(r.cost!.added).sort()).toEqual(['bare', 'mark', 'noop', 'ours']);
    // Its spread: each repetition's ratios, an interval, and the load average while it ran.
    expect(r.cost!.spread.perRep.length).toBe(r.cost!.reps);
    for (const x of [r.cost!.spread.low.mark, r.cost!.spread.high.mark, r.cost!.load.max]) finite(x);
    expect(r.scan!.pages.length).toBeGreaterThanOrEqual(3);
    for (const page of r.scan!.pages) {
      for (const m of Object.values(page.methods)) {
        finite(m.mainMs);
        finite(m.worstLongTaskMs);
        expect(m.mainMs).toBeGreaterThan(0);
      }
      // The bench bundle runs the content script's code: the built extension finds the same mentions.
      expect(r.scan!.extensionCounts![page.page]).toBe(page.methods.ours.mentions);
    }
    for (const ms of Object.values(r.scan!.coldStart!.coldMs)) finite(ms);
    finite(r.dynamic!.latencyMs.p95);
    expect(r.dynamic!.mentionsPerBatch).toBeGreaterThan(0);
    finite(r.hover!.onMention.p95);
    finite(r.hover!.naive.p95);
    expect(r.hover!.hitRate).toBeGreaterThan(0.9);
    finite(r.lookups!.warm.p95);
    finite(r.lookups!.cold.p50);
    finite(r.lookups!.direct.p95);
    finite(r.lookups!.directFirst.p50);
    expect(r.index!.map((s) => s.factor)).toEqual([1, 10]);
    for (const s of r.index!) for (const x of [s.buildMs, s.loadMs, s.heapBytes, s.indexGzipBytes, s.card.p95, s.keystroke.p95, s.keystrokeFiltered.p95]) finite(x);
    // The side panel's UI in Chromium: every typed key timed to the next paint, and its parts.
    expect(r.panel!.map((s) => s.factor)).toEqual([1, 10]);
    for (const s of r.panel!) {
      expect(s.keystroke.n).toBeGreaterThan(20);
      for (const d of [s.keystroke, s.script, s.layout, s.paint, s.inputDelay, s.frameWait, s.firstKey, s.clear]) for (const x of [d.p50, d.p95, d.max]) finite(x);
      for (const x of [s.open.fetchMs, s.open.loadMs, s.open.firstPaintMs]) finite(x);
      expect(s.keystroke.p50).toBeGreaterThan(0);
      expect(s.slowest.length).toBeGreaterThan(0);
      // The panel draws the rows in view in the keystroke's frame (ResultList's FIRST_ROWS and its check of the view).
      expect(s.late).toBe(0);
    }
    expect(r.targets.some((t) => t.name.startsWith('panel 1x: keystroke to paint'))).toBe(true);
    expect(r.targets.some((t) => t.name.startsWith('panel 10x: keystroke to paint'))).toBe(true);
    expect(r.sizes!.contentJsBytes).toBeGreaterThan(0);
    expect(r.sizes!.zipBytes).toBeGreaterThan(0);
    expect(r.sizes!.contentBreakdown.length).toBeGreaterThan(3);
    expect(r.targets.length).toBeGreaterThanOrEqual(10);
    for (const t of r.targets) finite(t.measured);
    const markdown = readFileSync(join(out, 'latest.md'), 'utf8');
    expect(markdown).toContain('## Targets');
    expect(markdown).toContain('## Side panel UI (headless Chromium)');
  }, 180_000);
});
