import { browser, type Browser } from 'wxt/browser';
import { HIGHLIGHT_CSS } from '../../components/ui/highlight-css.ts';

/** The card bundle, built from `entrypoints/card-ui.ts`. */
const CARD_BUNDLE = '/card-ui.js';

/**
 * The frame that sent `message`, as a `scripting` target: what we add to a
 * page goes to the one frame that asked for it, never to the whole tab.
 */
function senderFrame(sender: Browser.runtime.MessageSender, message: string): { tabId: number; frameIds: number[] } {
  const tabId = sender.tab?.id;
  if (tabId === undefined) throw new Error(`${message}: the sender is not a tab`);
  return { tabId, frameIds: [sender.frameId ?? 0] };
}

/**
 * Injects the card bundle into the frame that asked (`loadCard`), in the
 * extension's isolated world where that frame's content script runs. Replies
 * once the bundle has run, so the content script finds it registered.
 */
export async function injectCard(sender: Browser.runtime.MessageSender): Promise<void> {
  await browser.scripting.executeScript({ target: senderFrame(sender, 'loadCard'), files: [CARD_BUNDLE] });
}

/**
 * Adds our highlight styles to the frame that found its first mention
 * (`showHighlights`), as an extension stylesheet: outside the page's
 * `document.styleSheets`, out of reach of its script, and, unlike a
 * `<style>` the content script could add, not subject to the page's CSP.
 */
export async function styleHighlights(sender: Browser.runtime.MessageSender): Promise<void> {
  await browser.scripting.insertCSS({ target: senderFrame(sender, 'showHighlights'), css: HIGHLIGHT_CSS });
}
