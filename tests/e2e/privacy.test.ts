import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CDPSession, Protocol } from 'puppeteer-core';
import { launch, type Session } from './browsers.ts';
import type { browser } from 'wxt/browser';
import { pointOf, waitForHighlights } from './page-helpers.ts';

/**
 * The privacy promise in the README: the extension makes no network request
 * of its own. The test attaches to every target of the browser before it
 * runs a line (`Target.setAutoAttach` with `waitForDebuggerOnStart`, at the
 * browser and again inside each target, so frames, workers, the service
 * worker, the offscreen document and the extension's pages are all caught
 * from their first request), then plays a whole reader-and-researcher
 * session: scan, hover and card, copy, frames, panel search, reader,
 * exports, popup, settings, and what the keyboard commands and the
 * context menu do (their handlers, asked from an extension page: CDP's
 * input cannot press the browser's shortcuts or open its menus). The only
 * requests allowed are the test's own navigations to its fixture pages, the
 * browser's favicon probes, and the extension's packaged files
 * (chrome-extension://, which never leave the machine). Firefox's WebDriver
 * BiDi does not reach the extension's event page: privacy-firefox.test.ts
 * records every request Firefox makes through a proxy instead.
 */
describe('no network requests', () => {
  let session: Session;
  const requests: { target: string; url: string }[] = [];
  const attached: { type: string }[] = [];

  /** Auto-attaches to the targets under `cdp`, each paused until its network is watched. */
  const autoAttach = async (cdp: CDPSession): Promise<void> => {
    cdp.on('Target.attachedToTarget', (event: Protocol.Target.AttachedToTargetEvent) => {
      const child = cdp.connection()?.session(event.sessionId);
      if (child) void watch(child, event.targetInfo, event.waitingForDebugger);
    });
    await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true });
  };

  const watch = async (cdp: CDPSession, info: Protocol.Target.TargetInfo, waiting: boolean) => {
    attached.push({ type: info.type });
    cdp.on('Network.requestWillBeSent', (event: Protocol.Network.RequestWillBeSentEvent) => requests.push({ target: info.url, url: event.request.url }));
    // A target without a network domain, or one that closed at once, made no request we could miss.
    await cdp.send('Network.enable').catch(() => {});
    await autoAttach(cdp).catch(() => {});
    if (waiting) await cdp.send('Runtime.runIfWaitingForDebugger').catch(() => {});
  };

  beforeAll(async () => {
    session = await launch('chromium');
    await autoAttach(await session.browser.target().createCDPSession());
  });
  afterAll(async () => {
    await session?.close();
  });

  it('makes none through scanning, the card, copying, frames, the side panel, the reader, the exports, the popup, the settings, commands and the menu', async () => {
    const base = inject('baseUrl');
    const page = await session.open(`${base}/news.html`);
    await session.browser.defaultBrowserContext().overridePermissions(base, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
    await waitForHighlights(page, 10);
    const at = await pointOf(page, '#liang', 'no-spy agreement');
    await page.mouse.move(at.x, at.y);
    const copy = await page.waitForSelector('::-p-aria(Copy citation)', { timeout: 5000 });
    await copy!.click();
    await page.waitForSelector('::-p-aria(Copied)', { timeout: 5000 });

    const frames = await session.open(`${base}/frames.html`);
    await waitForHighlights(frames, 2);

    const panel = await session.open(`${session.origin}/sidepanel.html`);
    await panel.type('#sc-panel-query', 'entity list');
    await panel.waitForSelector('.sc-panel-results .sc-panel-item');
    const client = await panel.createCDPSession();
    await client.send('Browser.setDownloadBehavior', { behavior: 'deny' });
    await panel.click('.sc-panel-export button:nth-of-type(1)');
    await panel.click('.sc-panel-export button:nth-of-type(2)');
    await panel.click('.sc-panel-results .sc-panel-item .sc-button--primary');
    await panel.waitForSelector('.sc-panel-reader');
    await session.open(`${session.origin}/popup.html`);
    await session.open(`${session.origin}/options.html`);
    // What the keyboard commands and the context menu do, asked of the
    // handlers they call (CDP's input reaches the page, not the browser's
    // shortcuts and menus): the content script's `command`, and the
    // background's `openPanel` with the selection as the query.
    const extensionSide = await panel.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: typeof browser }).chrome;
      const news = (await c.tabs.query({})).find((t) => t.url?.endsWith('/news.html'));
      const commands: unknown[] = [];
      for (const name of ['next-mention', 'open-card']) commands.push(await c.tabs.sendMessage(news!.id!, { method: 'command', params: { name } }, { frameId: 0 }));
      const menu = await c.runtime.sendMessage({ method: 'openPanel', params: { query: 'Entity List' } });
      return { commands, menu };
    });
    expect(extensionSide.commands).toEqual([
      { ok: true, result: { handled: true } },
      { ok: true, result: { handled: true } },
    ]);
    expect(extensionSide.menu).toMatchObject({ ok: true });
    await new Promise((r) => setTimeout(r, 1500));

    // Every kind of target was watched from its start.
    const kinds = new Set(attached.map((t) => t.type));
    for (const kind of ['page', 'service_worker', 'iframe']) expect(kinds).toContain(kind);
    // Their documents' own loads were seen: watched from before their first request.
    const loaded = requests.filter((r) => r.url.startsWith(session.origin)).map((r) => new URL(r.url).pathname);
    expect(loaded).toEqual(expect.arrayContaining(['/sidepanel.html', '/popup.html', '/options.html', '/offscreen.html']));

    const allowed = new Set([`${base}/news.html`, `${base}/frames.html`, `${base}/frame-child.html`, `${base}/favicon.ico`]);
    const other = base.includes('127.0.0.1') ? base.replace('127.0.0.1', 'localhost') : base.replace('localhost', '127.0.0.1');
    allowed.add(`${other}/frame-child.html`).add(`${other}/favicon.ico`);
    const outside = requests.filter(({ url }) => {
      if (url.startsWith('chrome-extension://') || url.startsWith('blob:') || url.startsWith('data:')) return false;
      return !allowed.has(url);
    });
    expect(requests.length).toBeGreaterThan(0);
    expect(outside).toEqual([]);
  });
});
