/**
 * How tall a page may be, in CSS pixels, before our fill-style highlights
 * drop their underlines (`highlightName`'s `underlined`).
 *
 * In Chromium a custom highlight whose style draws a text decoration counts
 * as visual overflow: at every change of a highlight, of the DOM or of
 * style, the browser recomputes the visual overflow of the whole paint
 * layer holding each decorated range (`HighlightRegistry::
 * ValidateHighlightMarkers`, then `InvalidateVisualOverflow` on the layer),
 * however few ranges are registered. Most pages hold their text in the root
 * layer, so that is the page. Measured in frames after one range was
 * added (thread time, 2026-12-02): 24 ms on the 5 MB benchmark article
 * (1.9 million px tall), 6-8 ms on the 1 MB ones (390,000-430,000 px),
 * 4 ms on the tallest-text real page (wikipedia-2, 51,000 px), on top of the
 * repaint any change costs such a page (13 ms on the 5 MB one, whatever
 * changed). Fills alone cost no overflow. Past this height every frame in
 * which our highlights or the page change would pay some 10 ms or more for
 * the underlines, and the reader's first frames with mentions a long task.
 */
export const TALL_PAGE_PX = 500_000;

/**
 * Whether `document_` is taller than {@link TALL_PAGE_PX}. Reads layout:
 * call it in an animation frame, where the frame lays the page out anyway.
 * A page that scrolls inside an element of its own (its root no taller than
 * the window) is not seen as tall, though that element's layer pays the same.
 */
export function isTallPage(document_: Document): boolean {
  const root = document_.scrollingElement ?? document_.documentElement;
  return root !== null && root.scrollHeight > TALL_PAGE_PX;
}
