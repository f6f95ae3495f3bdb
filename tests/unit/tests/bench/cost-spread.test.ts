import { describe, expect, it } from 'vitest';
import { costSpread, middleLoad, type CostConfig, type LoadMetrics } from '../../../bench/page-cost.ts';

const load = (taskMs: number): LoadMetrics => ({ taskMs, scriptMs: 0, compileMs: 0, styleMs: 0, layoutMs: 0 });

/** One page's loads per browser, from task times per repetition. */
const page = (times: Record<CostConfig, number[]>) => Object.fromEntries(Object.entries(times).map(([c, list]) => [c, list.map(load)])) as Record<CostConfig, LoadMetrics[]>;

describe('the page cost figure and its spread', () => {
  it('takes the middle load of a page, the lower middle of an even count', () => {
    expect(middleLoad([50, 10, 30, 90, 20].map(load)).taskMs).toBe(30);
    expect(middleLoad([40, 10, 30, 20].map(load)).taskMs).toBe(20);
  });

  it('gives each repetition its own ratios, and an interval that holds them', () => {
    // Ours adds 10 ms, bare 40, mark.js 20 in every repetition but the third, where a burst adds 30 to ours alone.
    const pages = [0, 1].map((i) =>
      page({
        none: [100 + i, 100, 100, 100, 100],
        ours: [110 + i, 110, 140, 110, 110],
        bare: [140 + i, 140, 140, 140, 140],
        mark: [120 + i, 120, 120, 120, 120],
        noop: [100, 100, 100, 100, 100],
      }),
    );
    const spread = costSpread(pages, 5);
    expect(spread.perRep.map((r) => r.mark)).toEqual([0.5, 0.5, 2, 0.5, 0.5]);
    expect(spread.perRep.map((r) => r.bare)).toEqual([0.25, 0.25, 1, 0.25, 0.25]);
    expect(spread.low.mark).toBe(0.5);
    expect(spread.high.mark).toBeGreaterThan(0.5);
    expect(spread.high.mark).toBeLessThanOrEqual(2);
  });
});
