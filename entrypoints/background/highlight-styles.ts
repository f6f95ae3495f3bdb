import { browser, type Browser } from 'wxt/browser';
import { HIGHLIGHT_CSS } from '../content/highlight-css.ts';

/**
 * Adds our highlight styles to the frame that found its first mention
 * (`showHighlights`), as an extension stylesheet: outside the page's
 * `document.styleSheets`, out of reach of its script, and, unlike a
 * `<style>` the content script could add, not subject to the page's CSP.
 */
export async function styleHighlights(sender: Browser.runtime.MessageSender): Promise<void> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) throw new Error('showHighlights: the sender is not a tab');
  await browser.scripting.insertCSS({ target: { tabId, frameIds: [sender.frameId ?? 0] }, css: HIGHLIGHT_CSS });
}
