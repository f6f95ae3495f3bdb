import type { Page } from 'puppeteer-core';

export type Registry = Record<string, string[]>;

/**
 * Reads the page's highlight registry: highlight name -> the text of each
 * range. The registry belongs to the document, so the page's own world sees
 * what the content script registered in its isolated world.
 */
export function readHighlights(page: Page): Promise<Registry> {
  return page.evaluate(() => {
    // Plain loops: some test pages replace Array.prototype.map and friends.
    const out: Record<string, string[]> = {};
    for (const [name, highlight] of CSS.highlights) {
      const texts: string[] = [];
      for (const r of highlight) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        texts.push(range.toString());
      }
      out[name] = texts;
    }
    return out;
  });
}

/** Waits until the registry holds at least `min` ranges in our highlights. */
export async function waitForHighlights(page: Page, min = 1, timeout = 10_000): Promise<Registry> {
  await page.waitForFunction(
    (min: number) => {
      let n = 0;
      for (const [name, h] of CSS.highlights) if (name.startsWith('mark-') && name !== 'mark-x') n += h.size;
      return n >= min;
    },
    { timeout, polling: 50 },
    min,
  );
  return readHighlights(page);
}

/** The viewport centre of the `index`-th occurrence of `text` inside `selector`. */
export function pointOf(page: Page, selector: string, text: string, index = 0): Promise<{ x: number; y: number }> {
  return page.evaluate(
    (selector: string, text: string, index: number) => {
      const el = document.querySelector(selector);
      if (!el) throw new Error(`no ${selector}`);
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        let at = node.textContent!.indexOf(text);
        while (at >= 0) {
          if (seen++ === index) {
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + text.length);
            const rect = range.getClientRects()[0]!;
            return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
          }
          at = node.textContent!.indexOf(text, at + 1);
        }
      }
      throw new Error(`no "${text}" #${index} in ${selector}`);
    },
    selector,
    text,
    index,
  );
}

/**
 * Whether our card host is in the page: a plain `div` child of `<html>` (the
 * page's own `<head>` and `<body>` are the others), present only while a
 * card is open.
 */
export function cardHostPresent(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    for (const el of document.documentElement.children) if (el.localName === 'div') return true;
    return false;
  });
}

/**
 * The card lives in a closed shadow root, which the page (and so the test's
 * page.evaluate) cannot open. The test reads it the way a screen reader
 * would: through the accessibility tree, which crosses shadow boundaries.
 */
export async function cardText(page: Page): Promise<string> {
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
