import { describe, expect, it } from 'vitest';
import { fixture, screenshot, type BrowserName, useSession } from './browsers.ts';
import { pointOf, readHighlights, waitForHighlights } from './page-helpers.ts';

const browsers: BrowserName[] = ['chromium', 'firefox'];

describe.each(browsers)('highlighting in %s', (name) => {
  const current = useSession(name);

  it('highlights the mentions of a news page, by category, and nothing in inputs, code or hidden text', async () => {
    const page = await current().open(fixture('news.html'));
    const registry = await waitForHighlights(page, 10);
    await screenshot(page, `news-${name}.png`);
    const huawei = registry['mark-a'] ?? [];
    const sanctions = registry['mark-b'] ?? [];
    const noSpy = registry['mark-c'] ?? [];
    expect(huawei).toEqual(expect.arrayContaining(['Huawei', 'Liang Hua', 'Ren Zhengfei', 'Meng Wanzhou', '华为']));
    expect(sanctions).toEqual(expect.arrayContaining(['Entity List', 'sanctions']));
    expect(noSpy.some((t) => /^no.spy/.test(t))).toBe(true);
    expect(noSpy).toEqual(expect.arrayContaining(['no‑spy pledge']));
    // Russia / North Korea sanctions in the aside are not this extension's business.
    const inAside = await page.evaluate(() => {
      const aside = document.querySelector('#other')!;
      let n = 0;
      for (const [name, h] of CSS.highlights) {
        if (!name.startsWith('mark-')) continue;
        for (const r of h) if (aside.contains(r.startContainer)) n++;
      }
      return n;
    });
    expect(inAside).toBe(0);
    const inForbidden = await page.evaluate(() => {
      let n = 0;
      for (const [, h] of CSS.highlights) {
        for (const r of h) {
          const el = r.startContainer.parentElement;
          if (el?.closest('input, textarea, pre, code, [hidden], title, style')) n++;
        }
      }
      return n;
    });
    expect(inForbidden).toBe(0);
    await page.close();
  });

  it('leaves the page DOM exactly as it was', async () => {
    const page = await current().open(fixture('news.html'));
    await waitForHighlights(page, 10);
    // The page has no scripts of its own, so parsing its source again gives
    // the DOM it had before the content script ran.
    const [now, before] = await page.evaluate(async () => {
      const source = await (await fetch(location.href)).text();
      const parsed = new DOMParser().parseFromString(source, 'text/html');
      return [document.documentElement.outerHTML, parsed.documentElement.outerHTML];
    });
    expect(now).toBe(before);
    await page.close();
  });

  it('highlights mentions in 1,000 paragraphs appended after load', async () => {
    const page = await current().open(fixture('news.html'));
    const before = count(await waitForHighlights(page, 10));
    await page.evaluate(async () => {
      const main = document.querySelector('main')!;
      for (let batch = 0; batch < 20; batch++) {
        const frag = document.createDocumentFragment();
        for (let i = 0; i < 50; i++) {
          const p = document.createElement('p');
          p.textContent = `Update ${batch * 50 + i}: Huawei said the new export controls on chips will not stop its 5G work.`;
          frag.append(p);
        }
        main.append(frag);
        await new Promise((r) => setTimeout(r, 20));
      }
    });
    // Each paragraph has "Huawei" and "export controls": over 2,000
    // mentions, past the highlighter's MAX_REGISTERED, so only those near
    // the viewport stay registered. The last paragraph's are once it is
    // scrolled into view, and the registry holds far fewer than all.
    await page.evaluate(() => document.querySelector('main')!.lastElementChild!.scrollIntoView());
    await page.waitForFunction(
      () => {
        const found = new Set<string>();
        for (const [name, h] of CSS.highlights) {
          if (!name.startsWith('mark-')) continue;
          for (const r of h) if (r.startContainer.parentElement?.textContent?.startsWith('Update 999:')) found.add((r.startContainer as Text).data.slice(r.startOffset, r.endOffset));
        }
        return found.has('Huawei') && found.has('export controls');
      },
      { timeout: 20_000, polling: 100 },
    );
    expect(count(await readHighlights(page))).toBeLessThan(1000);
    await page.close();
  });

  it('reports the mention under the pointer, and none beside it', async () => {
    const page = await current().open(fixture('news.html'));
    await waitForHighlights(page, 10);
    const active = async () => (await readHighlights(page))['mark-x'] ?? [];
    const over = await pointOf(page, '#liang', 'Liang Hua');
    await page.mouse.move(over.x, over.y);
    await expect.poll(active).toEqual(['Liang Hua']);
    // Just right of "Entity List" in the same line is plain text.
    const entity = await pointOf(page, '#entity', 'Entity List');
    const plain = await pointOf(page, '#entity', 'bars American');
    await page.mouse.move(plain.x, plain.y);
    await expect.poll(active).toEqual([]);
    await page.mouse.move(entity.x, entity.y);
    await expect.poll(active).toEqual(['Entity List']);
    // Far to the right of the paragraph's text, beyond its last line.
    await page.mouse.move(1270, entity.y);
    await expect.poll(active).toEqual([]);
    await page.close();
  });
});

function count(registry: Record<string, string[]>): number {
  return Object.entries(registry)
    .filter(([name]) => name !== 'mark-x')
    .reduce((n, [, list]) => n + list.length, 0);
}
