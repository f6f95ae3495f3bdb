import { describe, expect, it } from 'vitest';
import { fixture, type BrowserName, useSession } from './browsers.ts';
import { extensionPage, listedTotal, registeredCount, reveal, viewportCoverage } from './registered.ts';
import { readHighlights } from './page-helpers.ts';
import { MAX_REGISTERED } from '../../entrypoints/content/mention-window.ts';
import { TALL_PAGE_PX } from '../../entrypoints/content/tall-page.ts';

/**
 * A page of 200,000 text nodes and 800 mentions. The scan works in slices,
 * so the tab keeps answering while it runs, and every mention is found (the
 * "On this page" listing counts them all); only those near the viewport are
 * registered, the ones in view included, and scrolling brings the new
 * view's in. (How long each of our slices takes is measured by the
 * benchmark, which times them directly: `npm run bench`, "longest task".)
 */
describe.each(['chromium', 'firefox'] as BrowserName[])('a huge page in %s', (name) => {
  const current = useSession(name);

  it('finds all 800 mentions of 200,000 text nodes while the tab stays responsive, and registers only those near the viewport', async () => {
    const extension = await extensionPage(current());
    const page = await current().open(fixture('huge.html'));
    expect(await page.evaluate(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let n = 0;
      while (walker.nextNode()) n++;
      return n;
    })).toBeGreaterThanOrEqual(200_000);
    const lags: number[] = [];
    // listedTotal lists the page as the panel does; its last listing is what `reveal` indexes into.
    let found = 0;
    const started = Date.now();
    while (found < 800 && Date.now() - started < 60_000) {
      const sent = Date.now();
      await page.evaluate(() => 1);
      lags.push(Date.now() - sent);
      found = await listedTotal(extension, 'huge.html');
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(found).toBe(800);
    // No round trip to the page waited on a long stretch of our work.
    expect(Math.max(...lags)).toBeLessThan(1000);

    const terms = ['Huawei', 'Entity List'];
    // At the top: the first paragraph's two mentions are in view and registered, and far fewer than 800 are.
    await expect.poll(() => viewportCoverage(page, '#archive p', terms), { timeout: 10_000 }).toEqual({ inView: 2, registered: 2 });
    // A page this tall has its fills registered without their underlines (tall-page.ts says why).
    expect(await page.evaluate(() => document.scrollingElement!.scrollHeight)).toBeGreaterThan(TALL_PAGE_PX);
    const names = Object.keys(await readHighlights(page)).filter((n) => n !== 'mark-x');
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((n) => !n.endsWith('-fill'))).toEqual([]);
    const atTop = await registeredCount(page);
    expect(atTop).toBeGreaterThanOrEqual(2);
    expect(atTop).toBeLessThanOrEqual(MAX_REGISTERED);

    // Half-way down: the paragraph there is registered, the top one no longer.
    await page.evaluate(() => document.querySelectorAll('#archive p')[10_000]!.scrollIntoView({ block: 'center' }));
    await expect.poll(() => viewportCoverage(page, '#archive p', terms), { timeout: 10_000 }).toEqual({ inView: 2, registered: 2 });
    expect(await registeredCount(page)).toBeLessThanOrEqual(MAX_REGISTERED);
    expect(
      await page.evaluate(() => {
        const first = document.querySelector('#archive p')!;
        for (const [name, h] of CSS.highlights) if (name.startsWith('mark-')) for (const r of h) if (first.contains(r.startContainer)) return true;
        return false;
      }),
    ).toBe(false);

    // The last mention, far below, revealed from the panel's list: scrolled to and given the active fill.
    expect(await reveal(extension, 'huge.html', 799)).toBe(true);
    await expect.poll(async () => (await readHighlights(page))['mark-x'], { timeout: 5000 }).toEqual(['Entity List']);
    expect(await page.evaluate(() => {
      const box = document.querySelectorAll('#archive p')[19_950]!.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= innerHeight;
    })).toBe(true);
    await expect.poll(() => viewportCoverage(page, '#archive p', terms), { timeout: 10_000 }).toEqual({ inView: 2, registered: 2 });
    await page.close();
    await extension.close();
  }, 120_000);
});
