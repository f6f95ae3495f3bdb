import { browser, type Browser } from 'wxt/browser';
import type { Reply } from '../../lib/messages.ts';

/** The card bundle, built from `entrypoints/card-ui.ts`. */
const CARD_BUNDLE = '/card-ui.js';

/**
 * Injects the card bundle into the frame that asked (`loadCard`), in the
 * extension's isolated world where that frame's content script runs. Replies
 * once the bundle has run, so the content script finds it registered.
 */
export async function injectCard(sender: Browser.runtime.MessageSender): Promise<Reply<undefined>> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return { ok: false, error: 'loadCard: the sender is not a tab' };
  try {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [CARD_BUNDLE] });
    return { ok: true, result: undefined };
  } catch (error) {
    return { ok: false, error: `loadCard: ${error instanceof Error ? error.message : String(error)}` };
  }
}
