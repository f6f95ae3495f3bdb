import type { PlacedMention } from './highlighter.ts';

/**
 * Whether the point is on one of the mention's line boxes. The caret only
 * says which text is nearest; a pointer in the margin beside a wrapped
 * mention is near it without being on it. Hover (always injected) and the
 * card (loaded once the page has a mention) both ask, so the one test lives here.
 */
export function isOnMention(document_: Document, mention: PlacedMention, x: number, y: number): boolean {
  const range = document_.createRange();
  range.setStart(mention.range.startContainer, mention.range.startOffset);
  range.setEnd(mention.range.endContainer, mention.range.endOffset);
  for (const rect of range.getClientRects()) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
  }
  return false;
}
