import { cpus, loadavg } from 'node:os';
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { browser } from 'wxt/browser';
import { fixture, screenshot, type BrowserName, useSession } from './browsers.ts';
import { cardHostPresent, cardText, pointOf, readHighlights, waitForHighlights } from './page-helpers.ts';
import { ourTasks } from './our-tasks.ts';
import { defaultSettings } from '../../lib/settings/schema.ts';

const browsers: BrowserName[] = ['chromium', 'firefox'];
/** The settings' default rest on a mention before its card opens. */
const HOVER_REST_MS = defaultSettings().hoverDelayMs;


/**
 * Whether the open card shows `text`. Chromium: the card's accessible text.
 * Firefox has no accessibility tree over BiDi, so the test searches the
 * rendered page the way a reader's Find (Ctrl+F) does, which covers shadow
 * trees; the selection it leaves is cleared.
 */
async function cardShows(page: Page, name: BrowserName, text: string): Promise<boolean> {
  if (name === 'chromium') return (await cardText(page)).toLowerCase().includes(text.toLowerCase());
  return page.evaluate((t: string) => {
    const found = (window as unknown as { find(s: string, c: boolean, b: boolean, w: boolean): boolean }).find(t, false, false, true);
    getSelection()?.removeAllRanges();
    return found;
  }, text);
}

describe.each(browsers)('hover card in %s', (name) => {
  const current = useSession(name);

  it('hovering "no-spy agreement" in the Liang Hua paragraph shows his statement and a counterclaim', async () => {
    const page = await current().open(fixture('news.html'));
    await waitForHighlights(page, 10);
    const at = await pointOf(page, '#liang', 'no-spy agreement');
    await page.mouse.move(at.x, at.y);
    await expect.poll(() => cardShows(page, name, 'We are willing to sign no-spy agreements'), { timeout: 5000 }).toBe(true);
    expect(await cardShows(page, name, 'Liang Hua, Chairman, Huawei')).toBe(true);
    expect(await cardShows(page, name, 'The claim and its answers')).toBe(true);
    expect(await cardShows(page, name, 'Disputing claim')).toBe(true);
    await screenshot(page, `card-${name}.png`);
    await page.close();
  });

  it('keeps its own look under a hostile stylesheet', async () => {
    const page = await current().open(fixture('news.html'));
    await waitForHighlights(page, 10);
    await page.addStyleTag({
      content: `* { all: unset !important; } html { font-size: 2px !important; }
        div, section { z-index: 2147483647 !important; position: relative !important; }
        body { pointer-events: none !important; }
        :host { display: none !important; }
        html > div, html > div * { display: none !important; visibility: hidden !important; opacity: 0 !important; transform: scale(0) !important; }`,
    });
    const at = await pointOf(page, '#liang', 'no-spy agreement');
    await page.mouse.move(at.x, at.y);
    await expect.poll(() => cardShows(page, name, 'We are willing to sign no-spy agreements'), { timeout: 5000 }).toBe(true);
    await screenshot(page, `card-hostile-${name}.png`);
    if (name === 'firefox') return page.close();
    const dialog = (await page.$('::-p-aria([role="dialog"])'))!;
    const box = (await dialog.boundingBox())!;
    // A readable card, inside the viewport, whatever the page's rem says.
    expect(box.width).toBeGreaterThan(280);
    expect(box.height).toBeGreaterThan(120);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(1280);
    const fontSize = await dialog.evaluate((el) => getComputedStyle(el).fontSize);
    expect(parseFloat(fontSize)).toBeGreaterThanOrEqual(12);
    await page.close();
  });

  it('closes on Escape and leaves focus where it was', async () => {
    const page = await current().open(fixture('news.html'));
    await waitForHighlights(page, 10);
    await page.focus('#search');
    const at = await pointOf(page, '#liang', 'Liang Hua');
    await page.mouse.move(at.x, at.y);
    await expect.poll(() => cardHostPresent(page), { timeout: 5000 }).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    // Hover does not steal focus from the page.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search');
    await page.keyboard.press('Escape');
    await new Promise((r) => setTimeout(r, 200));
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search');
    expect(await cardShows(page, name, 'Turn off on this site')).toBe(false);
    await page.close();
  });

  it('closes a moment after the pointer leaves, but not while it travels into the card', async () => {
    const page = await current().open(fixture('news.html'));
    await waitForHighlights(page, 10);
    const at = await pointOf(page, '#liang', 'Liang Hua');
    await page.mouse.move(at.x, at.y);
    await expect.poll(() => cardShows(page, name, 'Turn off on this site'), { timeout: 5000 }).toBe(true);
    // The card opens below the mention: travel down into it.
    await page.mouse.move(at.x + 10, at.y + 40, { steps: 5 });
    await new Promise((r) => setTimeout(r, 700));
    expect(await page.evaluate((x: number, y: number) => document.elementFromPoint(x, y)?.parentElement === document.documentElement, at.x + 10, at.y + 40)).toBe(true);
    expect(await cardShows(page, name, 'Turn off on this site')).toBe(true);
    await page.mouse.move(5, 890, { steps: 3 });
    await expect.poll(() => cardShows(page, name, 'Turn off on this site'), { timeout: 3000 }).toBe(false);
    await page.close();
  });
  it('opens within 100 ms of the hover intent on the first hover of a page: the card loads while the pointer rests', async () => {
    const page = await current().open(fixture('news.html'));
    await waitForHighlights(page, 10);
    // Nothing of the card is loaded yet: its bundle loads when the pointer
    // arrives on the mention below, so the first hover pays for the load
    // (message, injection, evaluation) inside its rest of HOVER_REST_MS.
    // The page's clock. The intent: a timer of the same rest started at the
    // last pointer move, so it runs as late as ours does on a busy machine.
    // The card: when its host (a div on <html>, there only while a card is
    // open) joins the page; the card mounts and renders at once.
    await page.evaluate((rest: number) => {
      const w = window as unknown as { intent?: number; host?: number };
      addEventListener('pointermove', () => setTimeout(() => (w.intent = performance.now()), rest), { capture: true });
      new MutationObserver(() => {
        if (w.host === undefined && [...document.documentElement.children].some((el) => el.localName === 'div')) w.host = performance.now();
      }).observe(document.documentElement, { childList: true });
    }, HOVER_REST_MS);
    const at = await pointOf(page, '#liang', 'no-spy agreement');
    const hover = async () => {
      await page.mouse.move(at.x, at.y);
      await expect.poll(() => page.evaluate(() => (window as unknown as { host?: number }).host !== undefined), { timeout: 5000 }).toBe(true);
    };
    // Chromium: the main-thread time our code took from the pointer's
    // arrival to the card's host in the page (hover tracking, loading the
    // card bundle, the intent, opening and rendering the card), as thread CPU time of the tasks it
    // ran in (our-tasks.ts). A loaded machine delays those tasks but does not
    // make them longer, so this holds at any load, and it is what the 100 ms
    // of the target is spent on once the wait for the intent is over.
    const tasks = name === 'chromium' ? await ourTasks(page, current().origin, hover) : (await hover(), undefined);
    const { intent, host } = await page.evaluate(() => {
      const w = window as unknown as { intent: number; host: number };
      return { intent: w.intent, host: w.host };
    });
    const afterIntent = host - intent;
    const ownMs = tasks ? tasks.durations.reduce((a, b) => a + b, 0) : undefined;
    console.log(`${name}: first card ${afterIntent.toFixed(1)} ms after the hover intent${ownMs === undefined ? '' : `, our main-thread time ${ownMs.toFixed(1)} ms in ${tasks!.durations.length} tasks`}`);
    // Ours fires a frame after the move at the earliest (the hit test runs in the next animation frame).
    expect(afterIntent).toBeGreaterThan(-20);
    if (ownMs !== undefined) expect(ownMs).toBeLessThan(100);
    // Wall time is what the reader sees, but a machine running several times
    // more work than it has cores stretches it: there (Firefox has no
    // thread-time trace over BiDi) only a gross regression is caught.
    const overloaded = loadavg()[0]! / cpus().length > 1.5;
    expect(afterIntent).toBeLessThan(overloaded ? 1000 : 100);
    await page.close();
  });
});

describe('hover card in chromium only', () => {
  const current = useSession('chromium');

  const worker = async () => {
    const target = await current().browser.waitForTarget((t) => t.type() === 'service_worker', { timeout: 10_000 });
    return (await target.worker())!;
  };

  // First: puppeteer attaching to the worker (the keyboard test) changes how it restarts.
  it('a lookup after the service worker was stopped still fills the card', async () => {
    const page = await current().open(fixture('news.html'));
    await waitForHighlights(page, 10);
    // Let the warm-up message (sent at the first mention) land first, then stop the worker.
    await new Promise((r) => setTimeout(r, 500));
    const cdp = await page.createCDPSession();
    const statuses: string[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
      for (const v of event.versions) if (v.scriptURL.startsWith('chrome-extension://')) statuses.push(v.runningStatus);
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await expect.poll(() => statuses.at(-1), { timeout: 5000 }).toBe('stopped');
    const at = await pointOf(page, '#ren', 'Ren Zhengfei');
    await page.mouse.move(at.x, at.y);
    // Filled: the first section's heading, with what answers the lead or alone (a heading that promises no answers).
    await expect.poll(() => cardText(page), { timeout: 8000 }).toMatch(/The claim and its answers|What fits the paragraph best/);
    expect(await cardText(page)).toMatch(/Ren Zhengfei/);
    // The worker was started again to answer.
    expect(statuses).toContain('running');
    expect(statuses.at(-1)).toBe('running');
    await page.close();
  });

  it('the keyboard command opens the card for the mention after the caret, with focus inside', async () => {
    const page = await current().open(fixture('news.html'));
    await waitForHighlights(page, 10);
    // Caret in the Entity List paragraph, before "Entity List".
    await page.evaluate(() => {
      const text = document.querySelector('#entity')!.firstChild!;
      getSelection()!.collapse(text, 'Last month the Commerce Department added Huawei to the '.length);
    });
    // Headless Chromium cannot press browser-level shortcuts, so the test sends
    // what the background's commands.onCommand handler sends for the shortcut.
    const sw = await worker();
    await sw.evaluate(async () => {
      const tabs = (globalThis as unknown as { chrome: typeof browser }).chrome.tabs;
      const [tab] = await tabs.query({ active: true, lastFocusedWindow: true });
      await tabs.sendMessage(tab!.id!, { method: 'command', params: { name: 'open-card' } });
    });
    await expect.poll(() => cardText(page), { timeout: 5000 }).toMatch(/Entity List/);
    // Focus is inside the closed shadow root: the page sees only the host.
    const focusedInCard = await page.evaluate(() => document.activeElement?.parentElement === document.documentElement && document.activeElement.localName);
    expect(focusedInCard).toBe('div');
    await page.close();
  });

  it('"Copy citation" puts speaker, quote, publisher, date and URL on the clipboard', async () => {
    const page = await current().open(fixture('news.html'));
    await current().browser.defaultBrowserContext().overridePermissions(fixture(''), ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
    await waitForHighlights(page, 10);
    const at = await pointOf(page, '#liang', 'no-spy agreement');
    await page.mouse.move(at.x, at.y);
    const copy = await page.waitForSelector('::-p-aria(Copy citation)', { timeout: 5000 });
    await copy!.click();
    // The first copy opens the offscreen document: allow it a moment.
    await expect.poll(() => cardText(page), { timeout: 5000, interval: 100 }).toMatch(/Copied/);
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    expect(clip).toContain('Liang Hua');
    expect(clip).toContain('We are willing to sign no-spy agreements with countries');
    expect(clip).toContain('KGOU');
    expect(clip).toContain('https://www.kgou.org/post/huawei-chairman-willing-sign-no-spy-deal-united-states');
    await page.close();
  });

  // Last: it turns the extension off for 127.0.0.1 in this browser profile.
  it('"Turn off on this site" removes the highlights at once', async () => {
    const page = await current().open(fixture('news.html'));
    await waitForHighlights(page, 10);
    const at = await pointOf(page, '#liang', 'Liang Hua');
    await page.mouse.move(at.x, at.y);
    const off = await page.waitForSelector('::-p-aria(Turn off on this site)', { timeout: 5000 });
    await off!.click();
    await expect.poll(() => readHighlights(page).then((r) => Object.keys(r).length)).toBe(0);
    expect(await cardHostPresent(page)).toBe(false);
    // It stays off on reload.
    await page.reload({ waitUntil: 'load' });
    await new Promise((r) => setTimeout(r, 1000));
    expect(Object.keys(await readHighlights(page))).toHaveLength(0);
    await page.close();
  });
});
