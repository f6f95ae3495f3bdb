/**
 * Keyboard containment for the card: Tab and Shift+Tab cycle through the
 * card's controls, Escape closes it. Implemented as a keydown handler on the
 * card root rather than document listeners because the card lives in a closed
 * shadow root: events from inside reach the root with their real target, and
 * nothing here needs (or may touch) the page's document.
 */

const FOCUSABLE = [
  'button:not([disabled])',
  'a[href]',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
  '[contenteditable="true"]',
].join(',');

/** True when `el` or an ancestor up to `root` is hidden or inert. */
function isHidden(el: Element, root: Element): boolean {
  for (let node: Element | null = el; node && node !== root; node = node.parentElement) {
    if (node.hasAttribute('hidden') || node.hasAttribute('inert')) return true;
    if (node.getAttribute('aria-hidden') === 'true') return true;
  }
  return false;
}

/** The card's tabbable elements, in document order. */
export function getFocusable(root: Element): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => !isHidden(el, root));
}

export interface TrapKeyOptions {
  onEscape(): void;
}

/**
 * Handles one keydown on the card root. Returns true when it acted (and has
 * already called `preventDefault`), so callers can tell what happened.
 *
 * - Escape: calls `onEscape` and stops the event, so a page listener for
 *   Escape (a site's own modal) does not also fire.
 * - Tab on the last control (or on the root itself) wraps to the first;
 *   Shift+Tab on the first wraps to the last. In between, the browser moves
 *   focus as usual.
 */
export function handleTrapKeyDown(event: KeyboardEvent, root: HTMLElement, options: TrapKeyOptions): boolean {
  if (event.isComposing) return false; // Escape/Tab belong to an open IME, not to the card
  if (event.key === 'Escape' || event.key === 'Esc') {
    event.preventDefault();
    event.stopPropagation();
    options.onEscape();
    return true;
  }
  if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey) return false;

  const focusable = getFocusable(root);
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  const target = event.target instanceof Element ? event.target : null;

  if (!first || !last) {
    // Nothing to cycle through: keep focus on the card rather than leak it.
    event.preventDefault();
    root.focus();
    return true;
  }
  // On the root itself (or from somewhere unexpected) there is no "next" inside
  // the card to defer to. Other untabbable targets, such as an item focused
  // by a pairing link, sit between controls: the browser's order is right.
  const nowhere = target === null || target === root || !root.contains(target);
  if (event.shiftKey && (target === first || nowhere)) {
    event.preventDefault();
    last.focus();
    return true;
  }
  if (!event.shiftKey && (target === last || nowhere)) {
    event.preventDefault();
    first.focus();
    return true;
  }
  return false;
}
