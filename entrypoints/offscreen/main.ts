import { browser } from 'wxt/browser';
import { listen, offscreenRequests, type OffscreenApi } from '../../lib/messages.ts';
import { copyInDocument } from '../../lib/platform/copy-in-document.ts';

/**
 * Chrome's offscreen document, opened by the background for one reason,
 * CLIPBOARD: a service worker has no DOM and no clipboard, so the citation
 * is copied here, in the extension's own document, where no page script
 * can see the selection or listen for the `copy` event.
 */
browser.runtime.onMessage.addListener(
  listen<OffscreenApi, 'offscreenCopy'>(offscreenRequests, { offscreenCopy: ({ text }) => copyInDocument(document, text) }),
);
