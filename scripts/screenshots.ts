/**
 * `npm run screenshots -- --pages DIR [PAGE...]`: the hover card on real
 * pages, light and dark, for a person to look at. Each page (default: a few
 * news pages) gets one real paragraph about Huawei's no-spy offer (c13 of the
 * card development set, so no person's name is spelled here) inserted after
 * its first paragraph, as a story on the topic would have; the script hovers
 * "no-spy agreement" and saves tests/artifacts/real-<page>-<scheme>.png.
 * Then the extension's own pages, light and dark, pointed at the last news
 * page: the side panel with a search (ui-panel-<scheme>.png), the toolbar
 * popup (ui-popup-<scheme>.png) and the settings page
 * (ui-settings-<scheme>.png), so a change to the shared UI kit is seen on
 * all four surfaces at once. Pages are served from 127.0.0.1 and cannot
 * reach the network.
 */
import { parseArgsOrFail } from './cli.ts';
import { resolve } from 'node:path';
import { launch, screenshot } from '../tests/e2e/browsers.ts';
import { startServer } from '../tests/e2e/server.ts';
import type { browser } from 'wxt/browser';
import cardSet from '../tests/fixtures/card/paragraphs.json' with { type: 'json' };

const PARAGRAPH = cardSet.find((p) => p.id === 'c13')!.paragraph;

const { values, positionals } = parseArgsOrFail('screenshots', { options: { pages: { type: 'string' } }, allowPositionals: true }, 'usage: npm run screenshots -- --pages DIR [PAGE.html...]');
if (!values.pages) {
  console.error('usage: npm run screenshots -- --pages DIR [PAGE.html...]');
  process.exit(2);
}
const names = positionals.length ? positionals : ['nytimes-1.html', 'guardian-1.html', 'wapo-1.html'];
const { url, server } = await startServer(resolve(values.pages));
const session = await launch('chromium');

/** The panel, popup and settings page, in `scheme`, while the news page just shot is the active tab. */
async function extensionPages(scheme: 'light' | 'dark') {
  const target = await session.browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(session.origin));
  const worker = (await target.worker())!;
  const tabId = await worker.evaluate(async () => {
    const [tab] = await (globalThis as unknown as { chrome: typeof browser }).chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id;
  });
  const shots: [file: string, path: string, width: number, height: number][] = [
    ['panel', '/sidepanel.html#q=no-spy', 400, 800],
    ['popup', `/popup.html?tab=${tabId}`, 320, 520],
    ['settings', '/options.html', 900, 900],
  ];
  for (const [file, path, width, height] of shots) {
    const page = await session.browser.newPage();
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    await page.setViewport({ width, height });
    await page.goto(`${session.origin}${path}`, { waitUntil: 'load' });
    await new Promise((r) => setTimeout(r, 800));
    console.log(await screenshot(page, `ui-${file}-${scheme}.png`));
    await page.close();
  }
}
try {
  for (const name of names) {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await session.browser.newPage();
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      // No network here: requests for the page's remote assets fail at once.
      await page.setRequestInterception(true);
      page.on('request', (r) => (r.url().startsWith(url) ? r.continue() : r.abort()));
      await page.goto(`${url}/${name}`, { waitUntil: 'load' });
      const at = await page.evaluate((text: string) => {
        const first = [...document.querySelectorAll('article p, main p, p')].find((p) => (p.textContent ?? '').length > 80);
        const p = document.createElement('p');
        p.textContent = text;
        (first ?? document.body.firstElementChild ?? document.body).after(p);
        p.scrollIntoView({ block: 'center' });
        return null;
      }, PARAGRAPH);
      void at;
      await page.waitForFunction(() => (CSS.highlights.get('mark-c')?.size ?? 0) > 0, { timeout: 10_000 });
      const point = await page.evaluate(() => {
        for (const r of CSS.highlights.get('mark-c')!) {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          const rect = range.getClientRects()[0];
          if (rect && range.toString().startsWith('no-spy agreement')) return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
        }
        return null;
      });
      if (!point) throw new Error(`${name}: the inserted mention is not highlighted`);
      await page.mouse.move(point.x, point.y);
      await new Promise((r) => setTimeout(r, 1200));
      console.log(await screenshot(page, `real-${name.replace(/\.html$/, '')}-${scheme}.png`));
      if (name === names.at(-1)) await extensionPages(scheme);
      await page.close();
    }
  }
} finally {
  await session.close();
  server.close();
}
