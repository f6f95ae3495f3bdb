import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { fixture, screenshot, useSession } from './browsers.ts';
import { cardHostPresent, pointOf, waitForHighlights } from './page-helpers.ts';

/**
 * Firefox's sidebar page, reached the way a reader reaches it from a card.
 * WebDriver BiDi will not navigate a tab to a moz-extension:// page, so the
 * test does what a keyboard user does: the card for a mention the corpus
 * has nothing on offers "Search the corpus"; Tab into the card and press
 * Enter. A content script's click does not count as a user action for
 * `sidebarAction.open()`, so the extension opens the panel page in a tab at
 * the query, which is what the test then uses.
 */
describe('the sidebar page in firefox', () => {
  const current = useSession('firefox');

  it('opens from the card at the query, answers it, and answers again as you type', async () => {
    const page = await current().open(fixture('phone.html'));
    await waitForHighlights(page, 1);
    const at = await pointOf(page, '#phone', 'Huawei');
    await page.mouse.move(at.x, at.y);
    await expect.poll(() => cardHostPresent(page), { timeout: 5000 }).toBe(true);
    // The lookup answers in milliseconds; leave it time to render the empty state.
    await new Promise((r) => setTimeout(r, 1000));
    await page.focus('#notes');
    // Close button, then the search button.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    // Over BiDi a new tab is announced before it navigates: look for it by address.
    const findPanel = async () => (await current().browser.pages()).find((p) => p.url().includes('/sidepanel.html'));
    await expect.poll(findPanel, { timeout: 10_000 }).toBeDefined();
    const panel = (await findPanel()) as Page;
    // The panel takes the query from the address and then clears the hash.
    expect(panel.url()).toMatch(/^moz-extension:\/\/[0-9a-f-]+\/sidepanel\.html/);
    await panel.waitForSelector('.sc-panel-results .sc-panel-item', { timeout: 10_000 });
    expect(await panel.$eval('#sc-panel-query', (el) => (el as HTMLInputElement).value)).toBe('Huawei');
    const count = async () => Number(/^(\d+)/.exec(await panel.$eval('.sc-panel-results__count', (el) => el.textContent ?? ''))?.[1]);
    const all = await count();
    expect(all).toBeGreaterThan(5);
    // Typing a new query answers as you type.
    await panel.click('#sc-panel-query', { count: 3 });
    await panel.type('#sc-panel-query', 'no-spy');
    await expect.poll(async () => (await panel.$$eval('.sc-panel-results .sc-panel-item .sc-panel-speaker__name', (els) => els.map((e) => e.textContent))).includes('Liang Hua')).toBe(true);
    await screenshot(panel, 'panel-search-firefox.png');
  });
});
