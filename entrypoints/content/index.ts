import { browser } from 'wxt/browser';
import './highlights.css';
import { startScanning } from './scanning.ts';
import { trackHover } from './hover.ts';

/**
 * The page side: finds and highlights mentions, tracks the one under the
 * pointer. It carries no corpus; lookups go to the background.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  main(ctx) {
    // Without the Custom Highlight API we would have to wrap text in the
    // page's DOM, which we never do.
    if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    const highlighter = startScanning(document, ctx.signal, () => {
      void browser.runtime.sendMessage({ method: 'warm', params: {} }).catch(() => {});
    });
    trackHover(document, highlighter, { onIntent() {}, onLeave() {} }, ctx.signal);
  },
});
