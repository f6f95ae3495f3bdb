import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { artifactsDir, launch, screenshot, type BrowserName, type Session } from './browsers.ts';
import { readHighlights, waitForHighlights } from './page-helpers.ts';

/**
 * The side panel page, opened at its extension URL in a tab (headless
 * browsers show no side panel or sidebar; the page is the same one).
 * Chromium only: Firefox's WebDriver BiDi refuses to navigate a tab to a
 * moz-extension:// page ("not allowed in this context"), and page scripts
 * may not either, so the sidebar page cannot be opened from a test there.
 */

/** Text of every result item in the list, with its kind label and speaker, once the list has drawn them all (it is `aria-busy` until then). */
async function items(page: Page): Promise<{ id: string; kind: string; speaker: string; text: string }[]> {
  await page.waitForSelector('.sc-panel-results .sc-panel-list:not([aria-busy])');
  return page.$$eval('.sc-panel-results .sc-panel-item', (els) =>
    els.map((el) => ({
      id: el.getAttribute('data-id') ?? '',
      kind: el.querySelector('.sc-kind')?.textContent ?? '',
      speaker: el.querySelector('.sc-panel-speaker__name')?.textContent ?? '',
      text: el.querySelector('.sc-panel-quote')?.textContent ?? '',
    })),
  );
}

async function resultCount(page: Page): Promise<number> {
  const text = await page.$eval('.sc-panel-results__count', (el) => el.textContent ?? '');
  return Number(/^(\d+)/.exec(text)?.[1] ?? NaN);
}

describe.each(['chromium'] as BrowserName[])('side panel in %s', (name) => {
  let session: Session;
  let origin: string;

  beforeAll(async () => {
    session = await launch(name);
    origin = session.origin;
  });
  afterAll(async () => {
    await session?.close();
  });

  it('answers "no-spy" with Liang Hua’s and Huawei’s words and the counterclaims, typed letter by letter', async () => {
    const page = await session.open(`${origin}/sidepanel.html`);
    await page.setViewport({ width: 400, height: 900 });
    await page.waitForSelector('#sc-panel-query');
    // Empty query: the overview of topics and documents.
    expect(await page.$eval('.sc-panel-overview', (el) => el.textContent)).toMatch(/Source documents/);
    await page.type('#sc-panel-query', 'no-spy');
    await page.waitForSelector('.sc-panel-results .sc-panel-item');
    const found = await items(page);
    expect(found.some((r) => r.speaker === 'Liang Hua' && /no-spy/i.test(r.text))).toBe(true);
    expect(found.some((r) => r.speaker === 'Huawei')).toBe(true);
    expect(found.some((r) => r.kind === 'Disputing claim')).toBe(true);
    // Matched words are emphasized.
    expect(await page.$$eval('.sc-panel-results .sc-panel-quote mark', (els) => els.length)).toBeGreaterThan(0);
    await screenshot(page, `panel-search-${name}.png`);
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    await screenshot(page, `panel-search-dark-${name}.png`);
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
    await page.close();
  });

  it('filters narrow the list and combine, with counts that say what each choice would leave', async () => {
    const page = await session.open(`${origin}/sidepanel.html#q=no-spy`);
    await page.setViewport({ width: 400, height: 900 });
    await page.waitForSelector('.sc-panel-results .sc-panel-item');
    const all = await resultCount(page);
    await page.click('.sc-panel-filter-panel__summary');
    const primaryCount = await page.$eval('input[name="kinds"][value="primary"]', (el) =>
      Number(el.closest('label')!.querySelector('.sc-panel-check__count')!.textContent),
    );
    await page.click('input[name="kinds"][value="primary"]');
    await expect.poll(() => resultCount(page)).toBe(primaryCount);
    expect(primaryCount).toBeLessThan(all);
    expect(new Set((await items(page)).map((r) => r.kind))).toEqual(new Set(['Own words']));
    await screenshot(page, `panel-filters-${name}.png`);
    // A second facet narrows further: Liang Hua's own words only.
    const liangCount = await page.$eval('input[name="speakers"][value="liang-hua"]', (el) =>
      Number(el.closest('label')!.querySelector('.sc-panel-check__count')!.textContent),
    );
    await page.click('input[name="speakers"][value="liang-hua"]');
    await expect.poll(() => resultCount(page)).toBe(liangCount);
    const narrowed = await items(page);
    expect(narrowed.every((r) => r.speaker === 'Liang Hua' && r.kind === 'Own words')).toBe(true);
    expect(narrowed.length).toBeGreaterThan(0);
    await page.close();
  });

  it('the reader shows a statement in its source, highlighted and in view, with the document’s metadata', async () => {
    const page = await session.open(`${origin}/sidepanel.html#q=no-spy`);
    await page.setViewport({ width: 400, height: 700 });
    await page.waitForSelector('.sc-panel-results .sc-panel-item');
    const target = (await items(page)).find((r) => r.speaker === 'Liang Hua')!;
    await page.click(`.sc-panel-results .sc-panel-item[data-id="${target.id}"] .sc-button--primary`);
    await page.waitForSelector('.sc-panel-reader');
    const reader = await page.$eval('.sc-panel-reader', (el) => el.textContent ?? '');
    expect(reader).toMatch(/Huawei Chairman Willing To Sign A 'No-Spy' Deal/);
    expect(reader).toMatch(/4 Jun 2019/);
    expect(reader).toMatch(/Pallavi Gogoi/);
    const link = await page.$eval('.sc-panel-facts a', (a) => ({ href: a.getAttribute('href'), rel: a.getAttribute('rel'), target: a.getAttribute('target') }));
    expect(link).toEqual({ href: 'https://www.kgou.org/post/huawei-chairman-willing-sign-no-spy-deal-united-states', rel: 'noopener noreferrer', target: '_blank' });
    const mark = await page.$eval('.sc-panel-st--selected', (el) => {
      const rect = el.getBoundingClientRect();
      return { id: el.getAttribute('data-statement-id'), text: el.textContent, visible: rect.top >= 0 && rect.bottom <= innerHeight, focused: document.activeElement === el };
    });
    expect(mark.id).toBe(target.id);
    expect(target.text).toContain(mark.text!.trim().slice(0, 40));
    expect(mark.visible).toBe(true);
    expect(mark.focused).toBe(true);
    // Other statements of the document are marked too.
    expect(await page.$$eval('.sc-panel-doc .sc-panel-st', (els) => new Set(els.map((e) => e.getAttribute('data-statement-id'))).size)).toBeGreaterThan(5);
    await screenshot(page, `panel-reader-${name}.png`);
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    await screenshot(page, `panel-reader-dark-${name}.png`);
    await page.close();
  });
});

describe('side panel in chromium: on this page', () => {
  let session: Session;
  let origin: string;
  const url = (path: string) => `${inject('baseUrl')}/${path}`;

  beforeAll(async () => {
    session = await launch('chromium');
    origin = session.origin;
  });
  afterAll(async () => {
    await session?.close();
  });

  it('lists the active tab’s mentions and scrolls the page to the one chosen', async () => {
    const panel = await session.open(`${origin}/sidepanel.html`);
    await panel.setViewport({ width: 400, height: 900 });
    // The news page opens as the active tab of the panel's window, as a reader's page would.
    const newsUrl = url('news.html');
    await panel.evaluate(
      (u) => (globalThis as unknown as { chrome: { tabs: { create(options: object): Promise<unknown> } } }).chrome.tabs.create({ url: u, active: true }),
      newsUrl,
    );
    const target = await session.browser.waitForTarget((t) => t.url() === newsUrl);
    const news = (await target.page())!;
    await news.setViewport({ width: 800, height: 300 });
    const registry = await waitForHighlights(news, 10);
    const onPage = Object.entries(registry)
      .filter(([name]) => name !== 'mark-x')
      .flatMap(([, texts]) => texts);
    // The panel is a background tab now: no animation frames, so no puppeteer clicks or rAF polling there.
    await panel.$eval('#sc-panel-tab-page', (el) => (el as HTMLElement).click());
    await panel.waitForFunction((n: number) => document.querySelectorAll('.sc-panel-mention').length === n, { timeout: 10_000, polling: 100 }, onPage.length);
    const listed = await panel.$$eval('.sc-panel-mention__text', (els) => els.map((e) => e.textContent ?? ''));
    expect(listed.sort()).toEqual([...onPage].sort());
    const sentence = await panel.$$eval('.sc-panel-mention', (els) =>
      els.find((e) => e.querySelector('.sc-panel-mention__text')?.textContent === 'no‑spy pledge')?.querySelector('.sc-panel-mention__sentence')?.textContent,
    );
    expect(sentence).toBe('Analysts say the no‑spy pledge, written here with a non-breaking hyphen, is unlikely to sway Washington.');
    expect(await news.evaluate(() => scrollY)).toBe(0);
    await panel.$$eval('.sc-panel-mention', (els) => {
      (els.find((e) => e.querySelector('.sc-panel-mention__text')?.textContent === 'no‑spy pledge') as HTMLElement).click();
    });
    await expect.poll(() => news.evaluate(() => scrollY)).toBeGreaterThan(0);
    await expect.poll(async () => (await readHighlights(news))['mark-x']).toEqual(['no‑spy pledge']);
    const inView = await news.evaluate(() => {
      const rect = document.querySelector('#closing')!.getBoundingClientRect();
      return rect.top < innerHeight && rect.bottom > 0;
    });
    expect(inView).toBe(true);
    // A background tab draws no frames for page.screenshot(); the compositor can still capture it.
    const cdp = await panel.createCDPSession();
    const { data } = await cdp.send('Page.captureScreenshot', { format: 'png', fromSurface: false });
    mkdirSync(artifactsDir, { recursive: true });
    writeFileSync(`${artifactsDir}/panel-page-chromium.png`, Buffer.from(data, 'base64'));
    await panel.close();
  });
});
