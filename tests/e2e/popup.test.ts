import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Page, WebWorker } from 'puppeteer-core';
import type { browser } from 'wxt/browser';
import { launch, screenshot, type Session } from './browsers.ts';
import { readHighlights, waitForHighlights } from './page-helpers.ts';

/**
 * The toolbar popup and the settings page, opened at their extension URLs in
 * tabs (headless Chromium has no toolbar to click). Because the popup's tab
 * is then the active one, the popup is pointed at the news tab with
 * `popup.html?tab=<id>`; the id comes from the service worker. Chromium
 * only: Firefox gives each install a random moz-extension UUID that WebDriver
 * BiDi does not report.
 */

type Chrome = typeof browser;

/** Switches the page to dark and waits out the 120 ms colour transitions, so the screenshot shows the dark look and not a blend. */
async function darken(page: Page): Promise<void> {
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
  await new Promise((r) => setTimeout(r, 300));
}

/** Highlighted ranges per category name (the active highlight left out). */
async function counts(page: Page): Promise<Record<string, number>> {
  const registry = await readHighlights(page);
  return Object.fromEntries(Object.entries(registry).filter(([name]) => name !== 'mark-x').map(([name, ranges]) => [name, ranges.length]));
}

describe('toolbar popup and settings page in chromium', () => {
  let session: Session;
  let origin: string;
  let worker: WebWorker;
  const newsUrl = () => `${inject('baseUrl')}/news.html`;

  beforeAll(async () => {
    session = await launch('chromium');
    const target = await session.browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'));
    origin = /^chrome-extension:\/\/[a-p]{32}/.exec(target.url())![0];
    worker = (await target.worker())!;
  });
  afterAll(async () => {
    await session?.close();
  });
  // Each test starts from the defaults: settings live in the browser profile, which the tests share.
  beforeEach(async () => {
    await worker.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: Chrome }).chrome;
      await Promise.all([c.storage.sync.clear(), c.storage.local.clear()]);
    });
  });

  /**
   * The id of the tab just opened (the active one). Found as the keyboard
   * test finds it: without the `tabs` permission the worker cannot query
   * tabs by URL, which is also why the popup learns the page's host from the
   * content script.
   */
  async function activeTabId(): Promise<number> {
    const id = await worker.evaluate(async () => {
      const [tab] = await (globalThis as unknown as { chrome: Chrome }).chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return tab?.id;
    });
    if (id === undefined) throw new Error('no active tab');
    return id;
  }

  async function openPopup(tabId: number): Promise<Page> {
    const popup = await session.open(`${origin}/popup.html?tab=${tabId}`);
    await popup.setViewport({ width: 320, height: 480 });
    return popup;
  }

  it('shows the page’s counts per category; the badge shows the highlighted total', async () => {
    const news = await session.open(newsUrl());
    await waitForHighlights(news, 10);
    const tabId = await activeTabId();
    const popup = await openPopup(tabId);
    await popup.waitForSelector('::-p-text(highlighted)', { timeout: 5000 });
    const onPage = Object.values(await counts(news)).reduce((a, b) => a + b, 0);
    expect(await popup.$eval('.sc-popup-total', (el) => el.textContent)).toBe(`${onPage} highlighted`);
    expect(await popup.$eval('.sc-popup-host', (el) => el.textContent)).toBe('127.0.0.1');
    // The page reports its count debounced and fire-and-forget (page-summary.ts), so the badge may trail the popup by a beat.
    const badgeOf = () => worker.evaluate((id: number) => (globalThis as unknown as { chrome: Chrome }).chrome.action.getBadgeText({ tabId: id }), tabId);
    let badge = await badgeOf();
    for (const until = Date.now() + 5000; badge !== String(onPage) && Date.now() < until; badge = await badgeOf()) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(badge).toBe(String(onPage));
    await screenshot(popup, 'popup-chromium.png');
    await darken(popup);
    await screenshot(popup, 'popup-dark-chromium.png');
    await popup.close();
    await news.close();
  });

  it('switching a category off in the popup removes its highlights from the open tab at once, and back', async () => {
    const news = await session.open(newsUrl());
    await waitForHighlights(news, 10);
    const before = await counts(news);
    expect(before['mark-b']).toBeGreaterThan(0);
    const popup = await openPopup(await activeTabId());
    const sanctions = await popup.waitForSelector('input[name="category-sanctions"]');
    await sanctions!.click();
    await expect.poll(() => counts(news).then((c) => c['mark-b'] ?? 0), { timeout: 2000 }).toBe(0);
    // The other categories stay as they were.
    const after = await counts(news);
    expect(after['mark-a']).toBe(before['mark-a']);
    expect(after['mark-c']).toBe(before['mark-c']);
    await sanctions!.click();
    await expect.poll(() => counts(news).then((c) => c['mark-b'] ?? 0), { timeout: 2000 }).toBe(before['mark-b']);
    await popup.close();
    await news.close();
  });

  it('the site switch turns the open tab off and on again without a reload', async () => {
    const news = await session.open(newsUrl());
    await waitForHighlights(news, 10);
    await news.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    const popup = await openPopup(await activeTabId());
    const site = await popup.waitForSelector('input[name="site"]');
    await site!.click();
    await expect.poll(() => readHighlights(news).then((r) => Object.keys(r).length), { timeout: 2000 }).toBe(0);
    expect(await popup.$eval('.sc-popup-notice', (el) => el.textContent)).toMatch(/Off on this site/);
    await screenshot(popup, 'popup-site-off-chromium.png');
    await site!.click();
    await waitForHighlights(news, 10, 3000);
    // The same document all along: applied live, not by reloading.
    expect(await news.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    await popup.close();
    await news.close();
  });

  it('says it cannot run on a browser page instead of showing zeros', async () => {
    const page = await session.open('chrome://version');
    const popup = await openPopup(await activeTabId());
    await popup.waitForSelector('::-p-text(can’t run on this page)', { timeout: 5000 });
    expect(await popup.$('.sc-popup-total')).toBeNull();
    expect(await popup.$('input[name="site"]')).toBeNull();
    await screenshot(popup, 'popup-cannot-run-chromium.png');
    await darken(popup);
    await screenshot(popup, 'popup-cannot-run-dark-chromium.png');
    await popup.close();
    await page.close();
  });

  it('the settings page changes the highlight style in the open tab at once', async () => {
    const news = await session.open(newsUrl());
    await waitForHighlights(news, 10);
    const settings = await session.open(`${origin}/options.html`);
    await settings.setViewport({ width: 760, height: 1300 });
    await settings.waitForSelector('input[name="highlightStyle"][value="underline"]');
    await settings.type('#sc-settings-add-site', 'example.com');
    await settings.click('.sc-settings-add button[type="submit"]');
    await settings.waitForSelector('::-p-text(example.com)');
    // A pasted list with a bad line: the report names it.
    await settings.click('::-p-text(Paste a list)');
    await settings.type('#sc-settings-paste-text', 'news.test\nnot a host');
    await settings.click('::-p-text(Add these sites)');
    await settings.waitForSelector('::-p-text(Line 2: “not a host” is not a host name)');
    await settings.click('input[name="highlightStyle"][value="underline"]');
    await expect.poll(() => counts(news).then((c) => c['mark-a-line'] ?? 0), { timeout: 2000 }).toBeGreaterThan(0);
    expect((await counts(news))['mark-a'] ?? 0).toBe(0);
    await screenshot(settings, 'settings-chromium.png');
    await darken(settings);
    await screenshot(settings, 'settings-dark-chromium.png');
    await settings.close();
    await news.close();
  });
});
