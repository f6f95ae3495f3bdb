/**
 * Whether `document_` holds any text that is not whitespace: the first such
 * text node ends the walk, so a page of prose answers at once and an empty
 * frame after its few nodes.
 */
export function hasText(document_: Document): boolean {
  const root = document_.body ?? document_.documentElement;
  if (!root) return false;
  const walker = document_.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (/\S/.test((node as Text).data)) return true;
  }
  return false;
}

/**
 * Calls `start` once `document_` holds text: at once if it does, else when a
 * change brings some. Until then the only thing of ours in the document is
 * one MutationObserver: a frame without text (an ad slot, a tracking pixel,
 * a page of a thousand empty frames) gets no scan, no listener, no message.
 */
export function whenText(document_: Document, signal: AbortSignal, start: () => void): void {
  if (hasText(document_)) return start();
  const observer = new MutationObserver(() => {
    if (!hasText(document_)) return;
    observer.disconnect();
    start();
  });
  observer.observe(document_, { childList: true, subtree: true, characterData: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
