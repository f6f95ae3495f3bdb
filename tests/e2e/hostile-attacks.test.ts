import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { fixture, type BrowserName, type Session, useSession } from './browsers.ts';
import { cardHostPresent, pointOf, readHighlights, waitForHighlights } from './page-helpers.ts';
import { ALL_HIGHLIGHT_NAMES } from '../../entrypoints/content/highlight-names.ts';

/**
 * Each attack of issue #17, run by a page against the built extension, and
 * what must come of it: nothing. The pages record what they see in
 * `window.spy` (tests/pages/hostile-spy.html, plain.html).
 */

const browsers: BrowserName[] = ['chromium', 'firefox'];

type Spy = { messages: string[]; constructed: number; internals: number; htmlChildren: number; copyEvents: number };
const spyOf = (page: Page | Frame) => page.evaluate(() => (window as unknown as { spy: Spy }).spy);

/**
 * What `getComputedStyle(el, '::highlight(name)')` says of each of our
 * names, beside a name no stylesheet styles: where our styles are on the
 * page, a page script can read our colours this way.
 */
async function highlightStyles(page: Page, selector: string): Promise<{ ours: string[]; unstyled: string }> {
  return page.evaluate(
    (selector: string, names: readonly string[]) => {
      const el = document.querySelector(selector)!;
      const read = (name: string) => {
        const style = getComputedStyle(el, `::highlight(${name})`);
        return `${style.backgroundColor} ${style.textDecorationLine} ${style.textDecorationColor}`;
      };
      return { ours: names.map(read), unstyled: read('no-such-highlight') };
    },
    selector,
    ALL_HIGHLIGHT_NAMES,
  );
}

/** Count of our highlighted ranges (the active one aside). */
async function highlighted(page: Page | Frame): Promise<number> {
  return page.evaluate(() => {
    let n = 0;
    for (const [name, h] of CSS.highlights) if (name.startsWith('mark-') && name !== 'mark-x') n += h.size;
    return n;
  });
}

/**
 * Whether the card shows `text`: Chromium reads the accessibility tree
 * (which crosses the closed shadow root); Firefox, which has none over
 * BiDi, searches the rendered page as Find does.
 */
async function cardShows(page: Page, name: BrowserName, text: string): Promise<boolean> {
  if (name === 'chromium') return (await page.$(`::-p-aria(${text})`)) !== null;
  return page.evaluate((t: string) => {
    const found = (window as unknown as { find(s: string, c: boolean, b: boolean, w: boolean): boolean }).find(t, false, false, true);
    getSelection()?.removeAllRanges();
    return found;
  }, text);
}

async function hover(page: Page, selector: string, text: string): Promise<void> {
  const at = await pointOf(page, selector, text);
  await page.mouse.move(at.x, at.y);
}

const idOf = (session: Session) => (session.name === 'firefox' ? 'source-context@source-context.invalid' : session.origin.replace('chrome-extension://', ''));

describe.each(browsers)('attacks from a hostile page, in %s', (name) => {
  const current = useSession(name);

  it('cannot take over the card host with a custom element, and never gets its shadow root', async () => {
    const page = await current().open(fixture('hostile-spy.html'));
    await waitForHighlights(page, 3);
    await hover(page, '#liang', 'no-spy agreement');
    await expect.poll(() => cardShows(page, name, 'Turn off on this site'), { timeout: 8000 }).toBe(true);
    const seen = await page.evaluate(() => {
      const hosts = [...document.documentElement.children].filter((el) => el.localName === 'div');
      return {
        hosts: hosts.length,
        // A built-in element: nothing the page defines runs for it, and its root is closed.
        openRoot: hosts.some((el) => el.shadowRoot !== null),
        customTag: hosts.some((el) => el.localName.includes('-')),
        canAttach: hosts.some((el) => {
          try {
            el.attachShadow({ mode: 'open' });
            return true;
          } catch {
            return false;
          }
        }),
      };
    });
    expect(seen).toEqual({ hosts: 1, openRoot: false, customTag: false, canAttach: false });
    const spy = await spyOf(page);
    expect(spy.constructed).toBe(0);
    expect(spy.internals).toBe(0);
    await page.close();
  });

  it('cannot open the card with script pointer events, nor close it with script Escape or pointerdown', async () => {
    const page = await current().open(fixture('hostile-spy.html'));
    await waitForHighlights(page, 3);
    const at = await pointOf(page, '#liang', 'Liang Hua');
    await page.evaluate(
      (x: number, y: number) => {
        const target = document.elementFromPoint(x, y)!;
        for (let i = 0; i < 20; i++) {
          for (const type of ['pointerover', 'pointerenter', 'pointermove', 'mousemove']) {
            target.dispatchEvent(new PointerEvent(type, { clientX: x, clientY: y, bubbles: true, composed: true }));
          }
        }
        target.dispatchEvent(new MouseEvent('click', { clientX: x, clientY: y, bubbles: true }));
      },
      at.x,
      at.y,
    );
    await new Promise((r) => setTimeout(r, 1500));
    expect(await cardHostPresent(page)).toBe(false);
    // A real hover opens it; the page's fake Escape and pointerdown do not close it.
    await page.mouse.move(at.x, at.y);
    await expect.poll(() => cardShows(page, name, 'Turn off on this site'), { timeout: 8000 }).toBe(true);
    await page.evaluate(() => {
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
      document.body.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    });
    await new Promise((r) => setTimeout(r, 500));
    expect(await cardHostPresent(page)).toBe(true);
    expect(await cardShows(page, name, 'Turn off on this site')).toBe(true);
    await page.close();
  });

  it('cannot move focus out of the card: it is given back once, and the card closes if the page insists', async () => {
    const page = await current().open(fixture('hostile-spy.html'));
    await waitForHighlights(page, 3);
    await hover(page, '#liang', 'Liang Hua');
    await expect.poll(() => cardShows(page, name, 'Turn off on this site'), { timeout: 8000 }).toBe(true);
    // From the page's last control, Tab enters the card (its host is the last thing in the document).
    await page.focus('#page-button');
    await page.keyboard.press('Tab');
    const focusInCard = () => page.evaluate(() => document.activeElement?.parentElement === document.documentElement && document.activeElement.localName === 'div');
    await expect.poll(focusInCard).toBe(true);
    await new Promise((r) => setTimeout(r, 700));
    await page.evaluate(() => (document.querySelector('#page-button') as HTMLElement).focus());
    await expect.poll(focusInCard, { timeout: 2000 }).toBe(true);
    await page.evaluate(() => (document.querySelector('#page-button') as HTMLElement).focus());
    await expect.poll(() => cardHostPresent(page), { timeout: 2000 }).toBe(false);
    await page.close();
  });

  it('"Turn off on this site" under an opaque decoy does not turn the site off', async () => {
    const page = await current().open(fixture('hostile-spy.html'));
    await waitForHighlights(page, 3);
    await hover(page, '#liang', 'Liang Hua');
    await expect.poll(() => cardShows(page, name, 'Turn off on this site'), { timeout: 8000 }).toBe(true);
    const button = await boxInCard(page, name, 'Turn off on this site');
    // The decoy: opaque, above everything (the top layer), letting clicks through to the card.
    await page.evaluate(() => {
      const decoy = document.createElement('div');
      decoy.popover = 'manual';
      decoy.textContent = 'Click here to win';
      decoy.style.cssText = 'position:fixed;inset:0;width:100vw;height:100vh;margin:0;border:0;background:#fff;opacity:1;pointer-events:none;';
      document.body.append(decoy);
      decoy.showPopover();
    });
    await new Promise((r) => setTimeout(r, 300));
    await page.mouse.click(button.x, button.y);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await highlighted(page)).toBeGreaterThan(0);
    await page.reload({ waitUntil: 'load' });
    expect(Object.keys(await waitForHighlights(page, 3)).length).toBeGreaterThan(0);
    await page.close();
  });

  it('"Turn off on this site" in an invisible frame does not turn the framed site off', async () => {
    const page = await current().open(fixture('hostile-frame.html'));
    const frame = (await (await page.$('#victim'))!.contentFrame())!;
    await expect.poll(() => highlighted(frame), { timeout: 10_000 }).toBeGreaterThan(2);
    const at = await pointOf(frame as unknown as Page, '#liang', 'Liang Hua');
    await page.mouse.move(at.x, at.y);
    await expect.poll(() => frame.evaluate(() => [...document.documentElement.children].some((el) => el.localName === 'div')), { timeout: 8000 }).toBe(true);
    await new Promise((r) => setTimeout(r, 1500));
    // The frame sits at the page's top left: its coordinates are the page's.
    const button = await boxInCard(frame as unknown as Page, name, 'Turn off on this site');
    await page.mouse.click(button.x, button.y);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await highlighted(frame)).toBeGreaterThan(2);
    await page.close();
  });

  it('cannot rewrite the card: any change it makes there closes the card before it is painted', async () => {
    const page = await current().open(fixture('hostile-spy.html'));
    await waitForHighlights(page, 3);
    await hover(page, '#liang', 'no-spy agreement');
    await expect.poll(() => cardShows(page, name, 'Copy citation'), { timeout: 8000 }).toBe(true);
    // Find the card's text and walk from the selection to its root (Firefox hands it out).
    const reached = await page.evaluate(() => {
      (window as unknown as { find(s: string, c: boolean, b: boolean, w: boolean): boolean }).find('Copy citation', false, false, true);
      const selection = getSelection()!;
      const node = selection.rangeCount ? selection.getRangeAt(0).startContainer : null;
      selection.removeAllRanges();
      const root = node?.getRootNode();
      if (!(root instanceof ShadowRoot)) return false;
      for (const el of root.querySelectorAll('blockquote')) el.textContent = 'We will install backdoors for anyone who asks.';
      return true;
    });
    if (name === 'chromium') expect(reached).toBe(false);
    if (reached) {
      await expect.poll(() => cardHostPresent(page), { timeout: 2000, interval: 50 }).toBe(false);
      expect(await cardShows(page, name, 'install backdoors')).toBe(false);
      // The next card is a fresh one, out of the page's reach again.
      await page.mouse.move(5, 5);
      await hover(page, '#entity', 'Entity List');
      await expect.poll(() => cardShows(page, name, 'Turn off on this site'), { timeout: 8000 }).toBe(true);
    }
    await page.close();
  });

  it('cannot press the card\'s buttons with script clicks, even where it reaches them', async () => {
    const page = await current().open(fixture('hostile-spy.html'));
    await waitForHighlights(page, 3);
    await hover(page, '#liang', 'no-spy agreement');
    await expect.poll(() => cardShows(page, name, 'Copy citation'), { timeout: 8000 }).toBe(true);
    const tabs = (await current().browser.pages()).length;
    // Firefox's Find leaves a selection inside the card; from there, the buttons (a click changes nothing the tamper guard watches).
    const pressed = await page.evaluate(() => {
      const press = (label: string) => {
        if (!(window as unknown as { find(s: string, c: boolean, b: boolean, w: boolean): boolean }).find(label, false, false, true)) return false;
        const node = getSelection()!.getRangeAt(0).startContainer;
        getSelection()!.removeAllRanges();
        const button = (node instanceof Element ? node : node.parentElement)?.closest('button');
        if (!button || !(button.getRootNode() instanceof ShadowRoot)) return false;
        button.click();
        return true;
      };
      return [press('Turn off on this site'), press('Read in source')];
    });
    if (name === 'chromium') expect(pressed).toEqual([false, false]);
    else console.log(`firefox: script clicks reached the card's buttons: ${pressed.join(', ')}`);
    await new Promise((r) => setTimeout(r, 1500));
    // Still on for the site, the card still open, no panel or tab opened.
    expect(await highlighted(page)).toBeGreaterThan(2);
    expect(await cardShows(page, name, 'Turn off on this site')).toBe(true);
    expect((await current().browser.pages()).length).toBe(tabs);
    await page.reload({ waitUntil: 'load' });
    await waitForHighlights(page, 3);
    await page.close();
  });

  it('copies a citation without the page seeing or replacing it', async () => {
    const page = await current().open(fixture('hostile-spy.html'));
    if (name === 'chromium') {
      await current().browser.defaultBrowserContext().overridePermissions(fixture(''), ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
    }
    await waitForHighlights(page, 3);
    await hover(page, '#liang', 'no-spy agreement');
    await expect.poll(() => cardShows(page, name, 'Copy citation'), { timeout: 8000 }).toBe(true);
    await clickInCard(page, name, 'Copy citation');
    await expect.poll(() => cardShows(page, name, 'Copied'), { timeout: 5000, interval: 100 }).toBe(true);
    expect((await spyOf(page)).copyEvents).toBe(0);
    if (name === 'chromium') {
      const clip = await page.evaluate(() => navigator.clipboard.readText());
      expect(clip).toContain('Liang Hua');
      expect(clip).not.toContain('FORGED');
    }
    await page.close();
  });

  it('learns nothing on a page without a mention: no message, no event, no highlight name, no node, no style in its shadow roots', async () => {
    const page = await current().browser.newPage();
    // The page knows our public id and listens for WXT's start-up event under it, before any script of ours runs.
    await page.evaluateOnNewDocument((id: string) => {
      const w = window as unknown as { startEvents: number };
      w.startEvents = 0;
      for (const target of [document, window]) target.addEventListener(`${id}:content:wxt:content-script-started`, () => w.startEvents++, true);
    }, idOf(current()));
    await page.goto(fixture('plain.html'), { waitUntil: 'load' });
    // The content script has run (document_idle) and settled.
    await new Promise((r) => setTimeout(r, 2000));
    const seen = await page.evaluate(() => ({
      highlights: CSS.highlights.size,
      spy: (window as unknown as { spy: { messages: string[]; htmlChildren: number } }).spy,
      startEvents: (window as unknown as { startEvents: number }).startEvents,
      adopted: document.querySelector('#host')!.shadowRoot!.adoptedStyleSheets.length,
      documentSheets: document.adoptedStyleSheets.length,
    }));
    expect(seen).toEqual({ highlights: 0, spy: { messages: [], htmlChildren: 0 }, startEvents: 0, adopted: 0, documentSheets: 0 });
    // Our highlight styles are not on the page either: no colour of ours to read.
    const styles = await highlightStyles(page, 'p');
    for (const style of styles.ours) expect(style).toBe(styles.unstyled);
    await page.close();
  });

  it('on a page with mentions, sees no message with our id, no name that announces us and no style in a shadow root without one', async () => {
    const page = await current().open(fixture('hostile-spy.html'));
    await waitForHighlights(page, 3);
    const names = await page.evaluate(() => [...CSS.highlights.keys()]);
    for (const n of names) expect(n).not.toMatch(/source|context|huawei|sanction|spy/i);
    const spy = await spyOf(page);
    const id = idOf(current());
    for (const message of spy.messages) {
      expect(message).not.toContain(id);
      expect(message).not.toMatch(/wxt|content-script/);
    }
    // Nothing on <html> before a card opens, nothing in a shadow root without a mention.
    expect(spy.htmlChildren).toBe(0);
    expect(await page.evaluate(() => document.querySelector('#widget')!.shadowRoot!.adoptedStyleSheets.length)).toBe(0);
    // The styles came with the first mention (the highlights would be invisible without them).
    const styles = await highlightStyles(page, '#liang');
    expect(styles.ours.filter((style) => style !== styles.unstyled).length).toBeGreaterThan(0);
    await page.close();
  });

  it('cannot switch the content script off with WXT\'s start-up event, nor make a hover open a card for its own text', async () => {
    const page = await current().open(fixture('hostile-spy.html'));
    await waitForHighlights(page, 3);
    const before = await highlighted(page);
    await page.evaluate((id: string) => {
      const type = `${id}:content:wxt:content-script-started`;
      document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: 'content', messageId: 'forged' } }));
      // Paint "Readers" as a mention in our highlight, and clear the registry.
      const text = document.querySelector('#plain')!.firstChild!;
      // A category's highlight (mark-x, the focused mention's, may be registered first).
      const first = [...CSS.highlights].find(([n]) => n.startsWith('mark-') && n !== 'mark-x')![1];
      first.add(new StaticRange({ startContainer: text, startOffset: 0, endContainer: text, endOffset: 7 }));
    }, idOf(current()));
    await new Promise((r) => setTimeout(r, 800));
    expect(await highlighted(page)).toBe(before + 1);
    // Hovering the page's painted range opens nothing.
    await hover(page, '#plain', 'Readers');
    await new Promise((r) => setTimeout(r, 1200));
    expect(await cardHostPresent(page)).toBe(false);
    // Clearing the registry only changes what is painted: a real mention still opens the card.
    await page.evaluate(() => CSS.highlights.clear());
    await hover(page, '#entity', 'Entity List');
    await expect.poll(() => cardShows(page, name, 'Turn off on this site'), { timeout: 8000 }).toBe(true);
    await page.close();
  });
});

/**
 * Where the card shows `label`, in page coordinates: Chromium reads the
 * accessibility tree; Firefox has none over BiDi, and its Find leaves a
 * selection in the card's tree whose box can be read (the attack the
 * tamper test below runs; reading a box changes nothing).
 */
async function boxInCard(page: Page, name: BrowserName, label: string): Promise<{ x: number; y: number }> {
  if (name === 'chromium') {
    const box = (await (await page.$(`::-p-aria(${label})`))!.boundingBox())!;
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }
  return page.evaluate((t: string) => {
    if (!(window as unknown as { find(s: string, c: boolean, b: boolean, w: boolean): boolean }).find(t, false, false, true)) throw new Error(`no "${t}" on the card`);
    const rect = getSelection()!.getRangeAt(0).getBoundingClientRect();
    getSelection()!.removeAllRanges();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }, label);
}

/** A real (trusted) click on the card's control labelled `label`. */
async function clickInCard(page: Page, name: BrowserName, label: string): Promise<void> {
  const at = await boxInCard(page, name, label);
  await page.mouse.click(at.x, at.y);
}

