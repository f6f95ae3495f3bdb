import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import type { Statement } from '../../lib/data/types.ts';
import { fixture, screenshot, type BrowserName, useSession } from './browsers.ts';
import { cardText, pointOf, waitForHighlights } from './page-helpers.ts';

/**
 * The card on real articles: pages made of verbatim paragraphs of stored
 * news pages (tests/pages/real-*.html, each from the card development set),
 * hovered where a reader would. The statement the paragraph is about must
 * lead the card: the first statement under the card's first heading ("The
 * claim and its answers", or "What fits the paragraph best" when nothing
 * answers it) is one the set labels for that paragraph. The card is in a closed shadow
 * root: the test reads it as a reader's tools do (see `findInOrder`).
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const items = JSON.parse(readFileSync(`${root}tests/fixtures/card/paragraphs.json`, 'utf8')) as {
  id: string;
  relevant: { file: string; quote: string }[];
}[];
const statements = JSON.parse(readFileSync(`${root}data/statements.json`, 'utf8')) as Statement[];
const norm = (s: string) => s.toLowerCase().replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ');

/** A statement's opening words: they show on the card's first line, unclamped. */
const opening = (s: Statement) => s.text.split(/\s+/).slice(0, 6).join(' ');

/** The opening words of each statement labelled for paragraph `id`. */
function wantedOpenings(id: string): string[] {
  const item = items.find((i) => i.id === id)!;
  return item.relevant.flatMap((label) => statements.filter((s) => s.file === label.file && norm(s.text).includes(norm(label.quote))).map(opening));
}

/** The opening words of every statement the card can show. */
const cardOpenings = [...new Set(statements.filter((s) => s.kind !== 'context').map(opening))];

/**
 * A statement's text up to the first word end past 50 characters: longer
 * than the excerpt a pairing line quotes (`excerpt`, 48 characters), so
 * finding it finds the statement itself, not a line that points to it.
 */
const longOpening = (s: Statement) => /^.{50}\S*/su.exec(s.text)?.[0] ?? s.text;
const longOf = new Map(statements.filter((s) => s.kind !== 'context').map((s) => [opening(s), longOpening(s)]));

/** The first section's heading: the lead with what answers it, or the lead alone (a heading that promises no answers). */
const LEAD_HEADINGS = ['The claim and its answers', 'What fits the paragraph best'] as const;

/**
 * Whether the open card shows `texts` in this order. Chromium: its
 * accessible text (the tree crosses the closed shadow root). Firefox has no
 * accessibility tree over BiDi: Find, each text after the previous (no wrap).
 */
async function findInOrder(page: Page, name: BrowserName, texts: readonly string[]): Promise<boolean> {
  if (name === 'chromium') {
    const text = await cardText(page);
    let from = 0;
    for (const t of texts) {
      const at = text.indexOf(t, from);
      if (at < 0) return false;
      from = at + t.length;
    }
    return true;
  }
  return page.evaluate((list: string[]) => {
    const find = (window as unknown as { find(s: string, c: boolean, b: boolean, w: boolean): boolean }).find;
    getSelection()?.removeAllRanges();
    const ok = list.every((t) => find.call(window, t, false, false, false));
    getSelection()?.removeAllRanges();
    return ok;
  }, texts as string[]);
}

/** Which of LEAD_HEADINGS the open card shows, if any. */
async function leadHeading(page: Page, name: BrowserName): Promise<string | undefined> {
  for (const heading of LEAD_HEADINGS) if (await findInOrder(page, name, [heading])) return heading;
  return undefined;
}

/** The opening of the card's first statement: the first after its first heading (`leadHeading`). */
async function firstStatement(page: Page, name: BrowserName, heading: string): Promise<string | undefined> {
  if (name === 'chromium') {
    const text = await cardText(page);
    const from = text.indexOf(heading);
    const at = (o: string) => (from < 0 ? -1 : text.indexOf(o, from));
    return cardOpenings.filter((o) => at(o) >= 0).sort((a, b) => at(a) - at(b))[0];
  }
  // Find goes forward from the last match: the first statement is the one no other shown statement precedes.
  const shown = [];
  for (const o of cardOpenings) if (await findInOrder(page, name, [heading, longOf.get(o)!])) shown.push(o);
  for (const o of shown) {
    let before = false;
    for (const other of shown) if (other !== o && (await findInOrder(page, name, [heading, longOf.get(other)!, longOf.get(o)!]))) before = true;
    if (!before) return o;
  }
  return undefined;
}

const CASES = [
  { page: 'real-dw-uk-5g-ban.html', paragraph: 'c02', mention: 'Huawei' },
  { page: 'real-cna-no-spy.html', paragraph: 'c13', mention: 'no-spy agreements' },
  { page: 'real-hrl-crackdown.html', paragraph: 'c56', mention: 'Huawei' },
  { page: 'real-nationaldaily-5g-ban.html', paragraph: 'c58', mention: 'Huawei' },
] as const;

describe.each(['chromium', 'firefox'] as BrowserName[])('the card on real articles in %s', (name) => {
  const current = useSession(name);

  it.each(CASES)('$page: hovering “$mention” in $paragraph leads with a statement the paragraph is about', async ({ page: file, paragraph, mention }) => {
    const page = await current().open(fixture(file));
    await waitForHighlights(page, 1);
    const at = await pointOf(page, `#${paragraph}`, mention);
    await page.mouse.move(at.x, at.y);
    await expect.poll(() => leadHeading(page, name), { timeout: 8000 }).toBeDefined();
    const heading = (await leadHeading(page, name))!;
    const wanted = wantedOpenings(paragraph);
    expect(wanted.length).toBeGreaterThan(0);
    // A lead nothing answers is not headed as "the claim and its answers".
    if (await findInOrder(page, name, ['Nothing in the corpus answers or disputes'])) expect(heading).toBe(LEAD_HEADINGS[1]);
    const first = await firstStatement(page, name, heading);
    expect(wanted, `the card leads with “${first}”, not one of the statements the paragraph is about`).toContain(first);
    await screenshot(page, `card-real-${paragraph}-${name}.png`);
    if (name === 'chromium') {
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
      await screenshot(page, `card-real-${paragraph}-${name}-dark.png`);
    }
    await page.close();
  });
});
