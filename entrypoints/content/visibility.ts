/**
 * Whether the reader can actually see an element, whole: IntersectionObserver
 * v2 (`trackVisibility`) reports `isVisible` only when nothing the page draws
 * covers it, no opacity, filter or non-translating transform applies to it or
 * to any frame it sits in, and it has stayed so for `delay` ms. That is what
 * a settings change must know, since a page can lay a decoy over our card or
 * wrap it in a transparent frame. Where the browser lacks v2 (Firefox), the
 * answer is always false and callers fall back to a confirmation the page
 * cannot reach.
 */
export interface VisibilityWatch {
  /** True while the element is wholly in view and unobscured; false where this cannot be known. */
  visible(): boolean;
  stop(): void;
}

/** Shortest time the card must have been visible: below this a decoy can flash away just before a click. */
const VISIBLE_FOR_MS = 100;

type V2Init = IntersectionObserverInit & { trackVisibility?: boolean; delay?: number };
type V2Entry = IntersectionObserverEntry & { isVisible?: boolean };

export function trackVisibility(element: Element): VisibilityWatch {
  if (typeof IntersectionObserver === 'undefined' || !('isVisible' in IntersectionObserverEntry.prototype)) {
    return { visible: () => false, stop() {} };
  }
  let visible = false;
  const init: V2Init = { threshold: [1], trackVisibility: true, delay: VISIBLE_FOR_MS };
  const observer = new IntersectionObserver((entries) => {
    const last = entries[entries.length - 1] as V2Entry | undefined;
    if (last) visible = last.isVisible === true && last.intersectionRatio >= 1;
  }, init);
  observer.observe(element);
  return {
    visible: () => visible,
    stop: () => observer.disconnect(),
  };
}
