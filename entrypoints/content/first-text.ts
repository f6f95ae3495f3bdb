/**
 * Whether `document_` holds any text that is not whitespace: the first such
 * text node ends the walk, so a page of prose answers at once and an empty
 * frame after its few nodes.
 */
export function hasText(document_: Document): boolean {
  const root = document_.body ?? document_.documentElement;
  return root !== null && holdsText(root);
}

/** Whether `node` is, or has under it, a text node that is not whitespace (the walk stops at the first). */
function holdsText(node: Node): boolean {
  if (node.nodeType === Node.TEXT_NODE) return /\S/.test((node as Text).data);
  const walker = node.ownerDocument!.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    if (/\S/.test((text as Text).data)) return true;
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
  // Only what each change brought is read, not the whole document again: a
  // frame that keeps adding empty nodes costs one look at each, once.
  const observer = new MutationObserver((records) => {
    const root = document_.body ?? document_.documentElement;
    const counts = (node: Node) => root !== null && root.contains(node) && holdsText(node);
    const brought = records.some((r) => (r.type === 'characterData' ? counts(r.target) : [...r.addedNodes].some(counts)));
    if (!brought) return;
    observer.disconnect();
    start();
  });
  observer.observe(document_, { childList: true, subtree: true, characterData: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
