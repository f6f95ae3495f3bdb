import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { fixture, screenshot, type BrowserName, useSession } from './browsers.ts';
import { readHighlights, waitForHighlights } from './page-helpers.ts';

const browsers: BrowserName[] = ['chromium', 'firefox'];

/** Highlighted texts in one frame, our highlights only. */
function frameHighlights(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const out: string[] = [];
    for (const [name, h] of CSS.highlights) {
      if (!name.startsWith('mark-') || name === 'mark-x') continue;
      for (const r of h) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        out.push(range.toString());
      }
    }
    return out;
  });
}

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

describe.each(browsers)('pages that fight back, in %s', (name) => {
  const current = useSession(name);

  it('works under a strict CSP with Trusted Types required', async () => {
    const csp = "default-src 'none'; require-trusted-types-for 'script'; trusted-types 'none'";
    const page = await current().open(fixture(`news.html?csp=${encodeURIComponent(csp)}`));
    const registry = await waitForHighlights(page, 10);
    expect(registry['mark-a']).toContain('Liang Hua');
    const at = await page.evaluate(() => {
      const r = document.querySelector('#liang')!.getBoundingClientRect();
      return { x: r.left + 20, y: r.top + 10 };
    });
    await page.mouse.move(at.x, at.y);
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { find(...a: unknown[]): boolean }).find('Turn off on this site', false, false, true)), { timeout: 5000 })
      .toBe(true);
    await screenshot(page, `csp-${name}.png`);
    await page.close();
  });

  it('is not broken by a page that replaces Range, Array.prototype.map, Node.prototype.contains and more', async () => {
    const page = await current().open(fixture('globals.html'));
    const registry = await waitForHighlights(page, 4);
    expect(registry['mark-a']).toEqual(expect.arrayContaining(['Huawei', 'Liang Hua']));
    expect(registry['mark-b']).toContain('Entity List');
    await page.close();
  });

  it('follows a page that re-renders the text under a mention, without errors in the page', async () => {
    const page = await current().open(fixture('rerender.html'));
    const errors = collectErrors(page);
    await waitForHighlights(page, 2);
    await new Promise((r) => setTimeout(r, 1500));
    await page.evaluate(() => (window as unknown as { stopRerender(): void }).stopRerender());
    // After the last render, the highlights are those of the current text,
    // and none of the thrown-away nodes is still registered.
    await expect
      .poll(() =>
        page.evaluate(() => {
          const texts: string[] = [];
          for (const [name, h] of CSS.highlights) {
            if (name === 'mark-x') continue;
            for (const r of h) {
              if (!r.startContainer.isConnected) texts.push('(detached)');
              else texts.push(r.startContainer.textContent!.slice(r.startOffset, r.endOffset));
            }
          }
          return texts.sort();
        }),
      )
      .toEqual(['Entity List', 'Huawei']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('scans same- and cross-origin frames and open shadow roots, never input values', async () => {
    const page = await current().open(fixture('frames.html'));
    const errors = collectErrors(page);
    await waitForHighlights(page, 2);
    const top = await readHighlights(page);
    expect(top['mark-a']).toEqual(expect.arrayContaining(['Huawei', 'Ren Zhengfei', 'Meng Wanzhou']));
    expect(top['mark-b']).toContain('sanctions');
    for (const id of ['same', 'cross']) {
      const frame = (await (await page.$(`#${id}`))!.contentFrame())!;
      await expect.poll(() => frameHighlights(frame), { timeout: 8000 }).toEqual(expect.arrayContaining(['Liang Hua', 'no-spy agreement']));
    }
    // Hovering a mention inside the shadow root finds it too.
    const inShadow = await page.evaluate(() => {
      const p = document.querySelector('#host')!.shadowRoot!.querySelector('#in-shadow')!;
      const text = p.firstChild!;
      const at = text.textContent!.indexOf('Meng Wanzhou');
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + 'Meng Wanzhou'.length);
      const rect = range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    await page.mouse.move(inShadow.x, inShadow.y);
    await expect.poll(async () => (await readHighlights(page))['mark-x']).toEqual(['Meng Wanzhou']);
    // A change inside the shadow root is followed as well.
    await page.evaluate(() => {
      document.querySelector('#host')!.shadowRoot!.querySelector('#in-shadow')!.append(' Liang Hua replied.');
    });
    await expect.poll(async () => (await readHighlights(page))['mark-a']).toContain('Liang Hua');
    // "Huawei sanctions" in the input's value is not page text.
    const inInput = await page.evaluate(() => (document.querySelector('#field') as HTMLInputElement).value);
    expect(inInput).toBe('Huawei sanctions');
    expect(errors).toEqual([]);
    await screenshot(page, `frames-${name}.png`);
    await page.close();
  });
});
