import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CDPSession, Target } from 'puppeteer-core';
import { launch, type Session } from './browsers.ts';
import { pointOf, waitForHighlights } from './page-helpers.ts';

/**
 * The privacy promise in the README: the extension makes no network request
 * of its own. Every target of the browser (pages, the service worker, the
 * extension's pages) is watched through the DevTools protocol for a whole
 * reader-and-researcher session: scan, hover and card, panel search, reader,
 * exports. The only requests allowed are the test's own navigations to the
 * fixture page, the browser's favicon probe for it, and the extension's
 * packaged files (chrome-extension://, which never leave the machine).
 */
describe('no network requests', () => {
  let session: Session;
  const requests: { target: string; url: string }[] = [];
  const sessions: CDPSession[] = [];

  const watch = async (target: Target) => {
    if (!['page', 'service_worker', 'other'].includes(target.type())) return;
    try {
      const cdp = await target.createCDPSession();
      sessions.push(cdp);
      cdp.on('Network.requestWillBeSent', (event) => requests.push({ target: target.url(), url: event.request.url }));
      await cdp.send('Network.enable');
    } catch {
      // A target that closed before we attached made no request we could miss after it.
    }
  };

  beforeAll(async () => {
    session = await launch('chromium');
    session.browser.on('targetcreated', (t: Target) => void watch(t));
    await Promise.all(session.browser.targets().map(watch));
  });
  afterAll(async () => {
    await session?.close();
  });

  it('makes none through scanning, the card, the side panel search, the reader and the exports', async () => {
    const base = inject('baseUrl');
    const page = await session.open(`${base}/news.html`);
    await waitForHighlights(page, 10);
    const at = await pointOf(page, '#liang', 'no-spy agreement');
    await page.mouse.move(at.x, at.y);
    await page.waitForSelector('::-p-aria(Copy citation)', { timeout: 5000 });

    const panel = await session.open(`${session.origin}/sidepanel.html`);
    await panel.type('#sp-query', 'entity list');
    await panel.waitForSelector('.sp-results .sp-item');
    const client = await panel.createCDPSession();
    await client.send('Browser.setDownloadBehavior', { behavior: 'deny' });
    await panel.click('.sp-export button:nth-of-type(1)');
    await panel.click('.sp-export button:nth-of-type(2)');
    await panel.click('.sp-results .sp-item .sp-btn--accent');
    await panel.waitForSelector('.sp-reader');
    await new Promise((r) => setTimeout(r, 500));

    const outside = requests.filter(({ url }) => {
      if (url.startsWith('chrome-extension://') || url.startsWith('blob:') || url.startsWith('data:')) return false;
      return url !== `${base}/news.html` && url !== `${base}/favicon.ico`;
    });
    expect(requests.length).toBeGreaterThan(0);
    expect(outside).toEqual([]);
  });
});
