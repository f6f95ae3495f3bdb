import type { Page } from 'puppeteer-core';
import type { browser } from 'wxt/browser';
import { fixture, type Session } from './browsers.ts';
import { cardHostPresent, pointOf, waitForHighlights } from './page-helpers.ts';

/**
 * What the tests of pages with many mentions read: the registry holds at
 * most the highlighter's `MAX_REGISTERED` ranges, those near the viewport,
 * so how many mentions were found is asked of the content script ("On this
 * page", the side panel's listing), and the registry is checked against
 * what is on screen.
 */

/** How many ranges our category highlights hold (the active fill left out). */
export function registeredCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    let n = 0;
    for (const [name, h] of CSS.highlights) if (name.startsWith('mark-') && name !== 'mark-x') n += h.size;
    return n;
  });
}

/**
 * For the elements matching `selector` that are in the viewport: how many
 * times `terms` occur in their text nodes, and how many of our ranges start
 * in those nodes. Equal when every mention in view is registered exactly once.
 */
export function viewportCoverage(page: Page, selector: string, terms: readonly string[]): Promise<{ inView: number; registered: number }> {
  return page.evaluate(
    (selector: string, terms: string[]) => {
      const ranges = new Map<Node, number>();
      for (const [name, h] of CSS.highlights) {
        if (!name.startsWith('mark-') || name === 'mark-x') continue;
        for (const r of h) ranges.set(r.startContainer, (ranges.get(r.startContainer) ?? 0) + 1);
      }
      let inView = 0;
      let registered = 0;
      for (const el of document.querySelectorAll(selector)) {
        const box = el.getBoundingClientRect();
        if (box.bottom <= 0 || box.top >= innerHeight) continue;
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = (node as Text).data;
          for (const term of terms) inView += text.split(term).length - 1;
          registered += ranges.get(node) ?? 0;
        }
      }
      return { inView, registered };
    },
    selector,
    terms as string[],
  );
}

/**
 * A page of the extension to ask content scripts from. Chromium: the popup,
 * opened at its URL in a tab. Firefox's WebDriver BiDi will not navigate a
 * tab to a moz-extension:// page, so there the side panel page, reached as a
 * keyboard reader does (see firefox-sidebar.test.ts): the card of a mention
 * the corpus has nothing on offers "Search the corpus", which opens it in a tab.
 */
export async function extensionPage(session: Session): Promise<Page> {
  if (session.name === 'chromium') return session.open(`${session.origin}/popup.html`);
  const phone = await session.open(fixture('phone.html'));
  await waitForHighlights(phone, 1);
  const at = await pointOf(phone, '#phone', 'Huawei');
  await phone.mouse.move(at.x, at.y);
  const deadline = Date.now() + 10_000;
  while (!(await cardHostPresent(phone)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, 1000));
  await phone.focus('#notes');
  await phone.keyboard.press('Tab');
  await phone.keyboard.press('Tab');
  await phone.keyboard.press('Enter');
  const opened = Date.now() + 10_000;
  for (;;) {
    const panel = (await session.browser.pages()).find((p) => p.url().includes('/sidepanel.html'));
    if (panel) {
      await phone.close();
      return panel;
    }
    if (Date.now() > opened) throw new Error('the side panel page did not open from the card');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** How many mentions the top frame of the tab whose address holds `urlPart` lists "On this page" (0 while it cannot answer). */
export function listedTotal(extension: Page, urlPart: string): Promise<number> {
  return extension.evaluate(async (part: string) => {
    const g = globalThis as unknown as { browser?: typeof browser; chrome: typeof browser };
    const tabs = (g.browser ?? g.chrome).tabs;
    const tab = (await tabs.query({})).find((t) => t.url?.includes(part));
    if (!tab?.id) return 0;
    const answer = (await tabs.sendMessage(tab.id, { method: 'listMentions', params: {} }, { frameId: 0 }).catch(() => undefined)) as { result?: { total: number } } | undefined;
    return answer?.result?.total ?? 0;
  }, urlPart);
}

/** Asks the top frame of the tab at `urlPart` to reveal the `index`-th mention of its last listing, as the panel's "On this page" does. */
export function reveal(extension: Page, urlPart: string, index: number): Promise<boolean> {
  return extension.evaluate(
    async (part: string, index: number) => {
      const g = globalThis as unknown as { browser?: typeof browser; chrome: typeof browser };
      const tabs = (g.browser ?? g.chrome).tabs;
      const tab = (await tabs.query({})).find((t) => t.url?.includes(part));
      const answer = (await tabs.sendMessage(tab!.id!, { method: 'revealMention', params: { index } }, { frameId: 0 })) as { result?: { ok: boolean } };
      return answer.result?.ok ?? false;
    },
    urlPart,
    index,
  );
}
