import { browser, type Browser } from 'wxt/browser';

/** The card bundle, built from `entrypoints/card-ui.ts`. */
const CARD_BUNDLE = '/card-ui.js';

/**
 * Injects the card bundle into the frame that asked (`loadCard`), in the
 * extension's isolated world where that frame's content script runs. Replies
 * once the bundle has run, so the content script finds it registered.
 */
export async function injectCard(sender: Browser.runtime.MessageSender): Promise<void> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) throw new Error('loadCard: the sender is not a tab');
  await browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [CARD_BUNDLE] });
}
