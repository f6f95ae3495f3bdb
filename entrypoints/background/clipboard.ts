import { browser } from 'wxt/browser';
import { client, type OffscreenApi as OffscreenMessages } from '../../lib/messages.ts';
import { copyInDocument } from '../../lib/platform/copy-in-document.ts';

const OFFSCREEN_PAGE = '/offscreen.html';

type OffscreenApi = {
  hasDocument?(): Promise<boolean>;
  createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
};

let creating: Promise<void> | undefined;

/** Chrome: opens the offscreen document once per worker life (it stays until the worker closes it or stops). */
async function ensureOffscreen(offscreen: OffscreenApi): Promise<void> {
  if (await offscreen.hasDocument?.()) return;
  creating ??= offscreen
    .createDocument({ url: OFFSCREEN_PAGE, reasons: ['CLIPBOARD'], justification: 'Copy a citation the reader asked for.' })
    .catch((error: unknown) => {
      // Another call created it first: that is the document we want.
      if (!String(error).includes('single offscreen')) throw error;
    })
    .finally(() => (creating = undefined));
  await creating;
}

/** Sends to Chrome's offscreen document. */
const offscreenCall = client<OffscreenMessages>((message) => browser.runtime.sendMessage(message));

/**
 * Does the card's `copyText`: the text is put on the clipboard by an
 * extension document (see lib/platform/copy-in-document.ts): Chrome's offscreen document,
 * since a service worker has no DOM, or Firefox's event page itself.
 */
export async function copyText(text: string): Promise<void> {
  const offscreen = (browser as unknown as { offscreen?: OffscreenApi }).offscreen;
  if (!offscreen) return copyInDocument(document, text);
  await ensureOffscreen(offscreen);
  await offscreenCall('offscreenCopy', { text });
}

/**
 * Does the card's `confirmTurnOff`: where the card cannot tell that the
 * reader saw it whole (a frame, a browser without IntersectionObserver v2),
 * the toolbar popup, which a page cannot cover or frame, asks instead.
 * `opened: false` when the browser will not open it from here (Firefox
 * wants a gesture in the extension's own UI): the card then says where the
 * setting is.
 */
export async function confirmTurnOff(): Promise<{ opened: boolean }> {
  const action = browser.action as unknown as { openPopup?: () => Promise<void> } | undefined;
  try {
    if (!action?.openPopup) return { opened: false };
    await action.openPopup();
    return { opened: true };
  } catch {
    return { opened: false };
  }
}
