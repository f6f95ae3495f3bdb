import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'puppeteer-core';
import { launch, type Session } from './browsers.ts';
import type { browser } from 'wxt/browser';
import { waitForHighlights } from './page-helpers.ts';

/**
 * The privacy promise in Firefox. WebDriver BiDi reports network events only
 * for tabs, not for the add-on's event page (which copies citations and
 * answers lookups), so the test does not ask the protocol: it routes every
 * request Firefox makes, from any context (tabs, frames, the event page,
 * extension pages), through a proxy of its own that records each one
 * (`network.proxy.allow_hijacking_localhost` so even the fixture pages go
 * through it, which proves the route). It then plays the reader's session:
 * scan, hover and card, copy, frames, the sidebar page (opened from a card,
 * as a reader does), search and the reader view, then the popup and the
 * settings page (opened in tabs by the sidebar page: BiDi will not navigate
 * a tab to an extension page), and the work of the keyboard commands and the
 * context menu, asked of the handlers they call (BiDi's input goes to the
 * page, not to the browser's menus and shortcuts, so the menu click and the
 * key press themselves are not played). Not covered: the exports'
 * downloads (a dialog in Firefox). The Chromium test covers those too.
 */
describe('no network requests, in firefox', () => {
  let session: Session;
  let proxy: Server;
  const seen: string[] = [];
  const base = () => inject('baseUrl');

  beforeAll(async () => {
    const upstream = new URL(base());
    proxy = createServer((req, res) => {
      const url = req.url ?? '';
      seen.push(url);
      const target = URL.canParse(url) ? new URL(url) : undefined;
      // Only the fixture server is reached (127.0.0.1 and localhost, the cross-origin frame).
      if (!target || target.port !== upstream.port || !['127.0.0.1', 'localhost'].includes(target.hostname)) {
        res.writeHead(502).end();
        return;
      }
      const forward = request({ host: '127.0.0.1', port: upstream.port, path: `${target.pathname}${target.search}`, method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      forward.on('error', () => res.writeHead(502).end());
      req.pipe(forward);
    });
    // HTTPS goes through CONNECT: recorded, never tunnelled.
    proxy.on('connect', (req, socket) => {
      seen.push(`https://${req.url}`);
      socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const port = (proxy.address() as AddressInfo).port;
    session = await launch('firefox', {
      firefoxPrefs: {
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': port,
        'network.proxy.no_proxies_on': '',
        'network.proxy.allow_hijacking_localhost': true,
      },
    });
  });
  afterAll(async () => {
    await session?.close();
    await new Promise<void>((resolve) => proxy?.close(() => resolve()));
  });

  /** Where the card shows `label` (Find leaves a selection in the card's tree: the test reads its box). */
  const boxOf = (page: Page, label: string) =>
    page.evaluate((t: string) => {
      const w = window as unknown as { find(s: string, c: boolean, b: boolean, wrap: boolean): boolean };
      if (!w.find(t, false, false, true)) return undefined;
      const rect = getSelection()!.getRangeAt(0).getBoundingClientRect();
      getSelection()!.removeAllRanges();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }, label);

  it('makes none through scanning, the card, copying, frames, the sidebar page, search, the reader, the popup, the settings, commands and the menu', async () => {
    const page = await session.open(`${base()}/news.html`);
    await waitForHighlights(page, 10);
    const mention = await page.evaluate(() => {
      const text = document.querySelector('#liang')!.firstChild!;
      const at = text.textContent!.indexOf('no-spy agreement');
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + 6);
      const rect = range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    await page.mouse.move(mention.x, mention.y);
    await expect.poll(() => boxOf(page, 'Copy citation'), { timeout: 10_000 }).toBeDefined();
    const copy = (await boxOf(page, 'Copy citation'))!;
    await page.mouse.click(copy.x, copy.y);
    await expect.poll(() => boxOf(page, 'Copied'), { timeout: 5000 }).toBeDefined();

    const frames = await session.open(`${base()}/frames.html`);
    await waitForHighlights(frames, 2);

    // The sidebar page, from a card that offers "Search the corpus" (see firefox-sidebar.test.ts).
    const phone = await session.open(`${base()}/phone.html`);
    await waitForHighlights(phone, 1);
    const huawei = await phone.evaluate(() => {
      const el = document.querySelector('#phone')!;
      const rect = el.getBoundingClientRect();
      return { x: rect.left + 20, y: rect.top + rect.height / 2 };
    });
    await phone.mouse.move(huawei.x, huawei.y);
    await new Promise((r) => setTimeout(r, 1500));
    await phone.focus('#notes');
    await phone.keyboard.press('Tab');
    await phone.keyboard.press('Tab');
    await phone.keyboard.press('Enter');
    const findPage = async (path: string) => (await session.browser.pages()).find((p) => p.url().includes(path));
    await expect.poll(() => findPage('/sidepanel.html'), { timeout: 10_000 }).toBeDefined();
    const panel = (await findPage('/sidepanel.html'))!;
    await panel.waitForSelector('.sc-panel-results .sc-panel-item', { timeout: 10_000 });
    await panel.click('#sc-panel-query', { count: 3 });
    await panel.type('#sc-panel-query', 'entity list');
    await panel.waitForSelector('.sc-panel-results .sc-panel-item');
    await panel.click('.sc-panel-results .sc-panel-item .sc-button--primary');
    await panel.waitForSelector('.sc-panel-reader');
    await new Promise((r) => setTimeout(r, 1000));

    // The popup and the settings page, opened in tabs from an extension page
    // (BiDi will not navigate a tab to them), and what the keyboard commands
    // and the context menu do, asked of the handlers they call (BiDi's input
    // reaches the page, not the browser's shortcuts and menus): the content
    // script's `command` and the background's `openPanel` with a query.
    const extensionSide = await panel.evaluate(async () => {
      const b = (globalThis as unknown as { browser: typeof browser }).browser;
      await b.tabs.create({ url: '/popup.html' });
      await b.tabs.create({ url: '/options.html' });
      const news = (await b.tabs.query({})).find((t) => t.url?.endsWith('/news.html'));
      const commands: unknown[] = [];
      for (const name of ['next-mention', 'open-card']) commands.push(await b.tabs.sendMessage(news!.id!, { method: 'command', params: { name } }, { frameId: 0 }));
      const menu = await b.runtime.sendMessage({ method: 'openPanel', params: { query: 'Entity List' } });
      await new Promise((r) => setTimeout(r, 2000));
      const pages = (b.extension.getViews({ type: 'tab' }) as unknown as Window[]).map((view) => ({
        path: view.location.pathname,
        rendered: (view.document.getElementById('app')?.childElementCount ?? 0) > 0,
      }));
      return { commands, menu, pages };
    });
    expect(extensionSide.commands).toEqual([
      { ok: true, result: { handled: true } },
      { ok: true, result: { handled: true } },
    ]);
    expect(extensionSide.menu).toMatchObject({ ok: true });
    expect(extensionSide.pages).toEqual(expect.arrayContaining([{ path: '/popup.html', rendered: true }, { path: '/options.html', rendered: true }]));

    // The route works: the fixture pages themselves came through the proxy.
    const fixtures = seen.filter((url) => url.startsWith(base())).map((url) => new URL(url).pathname);
    expect(fixtures).toEqual(expect.arrayContaining(['/news.html', '/frames.html', '/phone.html']));
    const other = base().replace('127.0.0.1', 'localhost');
    // Firefox's own services (Remote Settings and the like) on Mozilla's hosts are the browser's, not ours.
    const browserOwn = (url: string) => /^https?:\/\/([^/:]+\.)?(mozilla\.(com|net|org)|firefox\.com)(:\d+)?(\/|$)/.test(url);
    const outside = seen.filter((url) => !url.startsWith(base()) && !url.startsWith(other) && !browserOwn(url));
    expect(outside).toEqual([]);
  }, 120_000);
});
