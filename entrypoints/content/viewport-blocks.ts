/** Below this many elements a whole scan takes a slice or two: no need to find the viewport first. */
const SMALL_PAGE_ELEMENTS = 3000;

/**
 * The block elements under a few points of the viewport, so the first slices
 * highlight what the reader is looking at; the rest of the page follows.
 * Only on large pages: the probes make the browser lay the page out, which
 * on a small page costs more than scanning all of it. A step per point: on
 * a long page each hit test walks a long list of boxes (1-2 ms each on a
 * 5 MB article, the first one with the layout it forces).
 */
export function* viewportBlocks(document_: Document): Generator<void, Element[]> {
  if (document_.getElementsByTagName('*').length < SMALL_PAGE_ELEMENTS) return [];
  const view = document_.defaultView!;
  const blocks = new Set<Element>();
  for (let y = 0.1; y < 1; y += 0.2) {
    for (let x = 0.2; x < 1; x += 0.3) {
      yield;
      const el = document_.elementFromPoint(view.innerWidth * x, view.innerHeight * y);
      const block = el?.closest('p, li, h1, h2, h3, h4, h5, h6, blockquote, td, dd, figcaption');
      if (block) blocks.add(block);
    }
  }
  return [...blocks];
}
