import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { browser } from 'wxt/browser';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, executables, fixture, useSession } from './browsers.ts';
import { waitForHighlights } from './page-helpers.ts';

/**
 * Pages built to exhaust the extension (issue #17), in Chromium, which
 * reports long tasks and heap figures (Firefox has neither over BiDi; its
 * responsiveness under the huge page and the storm is in huge/storm.test.ts).
 * Bounds leave room for a loaded 2-core runner; the figures measured are
 * printed for the record. Before the fixes: one 5.1 s task and 529 MB kept
 * for a 50 MB text node; a 61 MB "On this page" reply.
 */

/** Our longest task after the page finished building its load: the page's own work is before `built`. */
function longestTaskAfterLoad(page: Page): Promise<number> {
  return page.evaluate(() => {
    const w = window as unknown as { longTasks: { start: number; duration: number }[]; built: number };
    return Math.max(0, ...w.longTasks.filter((t) => t.start >= w.built).map((t) => t.duration));
  });
}

async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.createCDPSession();
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return metrics.find((m) => m.name === 'JSHeapUsedSize')!.value;
}

const MB = 1024 * 1024;

describe('pages that try to exhaust it, in chromium', () => {
  const current = useSession('chromium');

  it('a 50 MB text node: no multi-second task (measured against the page without the extension), and the text is not kept', async () => {
    const small = await current().open(fixture('hostile-exhaust.html?mb=0'));
    await waitForHighlights(small, 1);
    await new Promise((r) => setTimeout(r, 1500));
    const baseHeap = await heapAfterGc(small);
    await small.close();

    const page = await current().open(fixture('hostile-exhaust.html?mb=50'));
    await waitForHighlights(page, 1, 30_000);
    await new Promise((r) => setTimeout(r, 1500));
    const longest = await longestTaskAfterLoad(page);
    const heap = await heapAfterGc(page);
    // The same page in a browser without the extension: the page's own long tasks (its garbage, 50 MB of it).
    const plain = await puppeteer.launch({ executablePath: executables.chromium, headless: true, pipe: true, args: CHROMIUM_ARGS });
    const bare = await plain.newPage();
    await bare.goto(fixture('hostile-exhaust.html?mb=50'), { waitUntil: 'load' });
    await new Promise((r) => setTimeout(r, 1500));
    const bareLongest = await longestTaskAfterLoad(bare);
    await plain.close();
    console.log(`50 MB text node: longest task after load ${longest.toFixed(0)} ms with the extension, ${bareLongest.toFixed(0)} ms without; heap ${(heap / MB).toFixed(1)} MiB (page without the node: ${(baseHeap / MB).toFixed(1)} MiB)`);
    // Issue #17 measured one 5.1 s task. The target is 50 ms; on a loaded 2-core
    // runner this page still shows 200-550 ms after load with the extension and
    // none without (not yet explained: see the issue), so the bound here only
    // keeps the unsliced multi-second task from coming back.
    expect(longest).toBeLessThan(1000);
    // The page's own string is 50 MB; nothing of ours holds a copy.
    expect(heap - baseHeap).toBeLessThan(80 * MB);
    await page.close();
  }, 120_000);

  it('the "On this page" reply for 2,100 mentions in long paragraphs stays under 1 MB', async () => {
    const page = await current().open(fixture('hostile-exhaust.html?mentions=2100'));
    await waitForHighlights(page, 4200, 60_000);
    const target = await current().browser.waitForTarget((t) => t.type() === 'service_worker', { timeout: 10_000 });
    const sw = (await target.worker())!;
    const reply = await sw.evaluate(async () => {
      const tabs = (globalThis as unknown as { chrome: typeof browser }).chrome.tabs;
      const [tab] = await tabs.query({ active: true, lastFocusedWindow: true });
      const listing = (await tabs.sendMessage(tab!.id!, { method: 'listMentions', params: {} })) as { mentions: unknown[]; total: number };
      return { bytes: JSON.stringify(listing).length, listed: listing.mentions.length, total: listing.total };
    });
    console.log(`On this page: ${reply.total} mentions, ${reply.listed} listed in ${reply.bytes} bytes`);
    expect(reply.total).toBeGreaterThanOrEqual(4200);
    expect(reply.listed).toBe(2000);
    expect(reply.bytes).toBeLessThan(1_000_000);
    await page.close();
  }, 120_000);
});
