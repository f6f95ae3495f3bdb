import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launch, screenshot, type BrowserName, type Session } from './browsers.ts';
import { pointOf, readHighlights, waitForHighlights } from './page-helpers.ts';

const browsers: BrowserName[] = ['chromium', 'firefox'];

/**
 * The card lives in a closed shadow root, which the page (and so the test's
 * page.evaluate) cannot open. The test reads it the way a screen reader
 * would: through the accessibility tree, which crosses shadow boundaries.
 */
async function cardText(page: Page): Promise<string> {
  const dialog = await page.$('::-p-aria([role="dialog"])');
  if (!dialog) return '';
  const snapshot = await page.accessibility.snapshot({ root: dialog, interestingOnly: false });
  const parts: string[] = [];
  const visit = (node: { name?: string; children?: unknown[] } | null) => {
    if (!node) return;
    if (node.name) parts.push(node.name);
    for (const child of (node.children ?? []) as (typeof node)[]) visit(child);
  };
  visit(snapshot as never);
  return parts.join('\n');
}

describe.each(browsers)('hover card in %s', (name) => {
  let session: Session;
  const url = (path: string) => `${inject('baseUrl')}/${path}`;

  beforeAll(async () => {
    session = await launch(name);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('hovering "no-spy agreement" in the Liang Hua paragraph shows his statement and a counterclaim', async () => {
    const page = await session.open(url('news.html'));
    await waitForHighlights(page, 10);
    const at = await pointOf(page, '#liang', 'no-spy agreement');
    await page.mouse.move(at.x, at.y);
    await page.waitForSelector('::-p-aria([role="dialog"])', { timeout: 5000 });
    await expect.poll(() => cardText(page), { timeout: 5000 }).toMatch(/We are willing to sign no-spy agreements/);
    const text = await cardText(page);
    expect(text).toMatch(/Liang Hua/);
    expect(text).toMatch(/Counterclaims/i);
    await screenshot(page, `card-${name}.png`);
    await page.close();
  });
});

export { readHighlights };
