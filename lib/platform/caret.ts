/**
 * The text position under a viewport point. `caretPositionFromPoint` is the
 * standard (Firefox, Chrome 128+); `caretRangeFromPoint` is WebKit's older
 * form, kept for Chromium builds and Safari that lack the standard one.
 * Feature-tested, not browser-sniffed. Pierces open shadow roots where the
 * browser supports the `shadowRoots` option.
 */
export function caretFromPoint(
  document_: Document,
  x: number,
  y: number,
  shadowRoots: ShadowRoot[] = [],
): { node: Node; offset: number } | undefined {
  const doc = document_ as Document & {
    caretPositionFromPoint?: (x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }) => CaretPosition | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (typeof doc.caretPositionFromPoint === 'function') {
    const position = shadowRoots.length ? doc.caretPositionFromPoint(x, y, { shadowRoots }) : doc.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : undefined;
  }
  if (typeof doc.caretRangeFromPoint === 'function') {
    const range = doc.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
  }
  return undefined;
}
