/**
 * The card's shadow host: the one node we ever add to a page, and only while
 * a card is open.
 *
 * Why a plain `div` and not a custom element: a page can define a custom
 * element under any name before we create it, and its constructor then runs
 * on our host; `attachInternals()` there hands the page our "closed" shadow
 * root (`ElementInternals.shadowRoot`), and `disabledFeatures = ['shadow']`
 * stops it from ever mounting. A built-in `div` created by the content script
 * cannot be defined, upgraded or given internals by the page, so the closed
 * root stays closed. Its styles are inline and `!important` (the style
 * attribute outranks every page rule, important ones included) so page CSS
 * cannot hide, move or transform it; inherited properties stop at `all:
 * initial` on the card root (card.css).
 *
 * Events the page fabricates are dropped at the shadow root before any of
 * the card's listeners sees them: nothing in the card acts on an event whose
 * `isTrusted` is false. The page cannot dispatch into a closed root it has no
 * reference to; this is the second lock, for whatever a browser bug or a
 * future change might leak.
 */

/** Events that can make the card act; untrusted ones never reach it. */
const GUARDED_EVENTS = [
  'click',
  'auxclick',
  'dblclick',
  'pointerdown',
  'pointerup',
  'mousedown',
  'mouseup',
  'keydown',
  'keyup',
  'keypress',
  'input',
  'beforeinput',
  'submit',
  'focusin',
] as const;

/** Page keyboard shortcuts must not fire while the reader types in the card. */
const KEY_EVENTS = ['keydown', 'keyup', 'keypress'] as const;

/**
 * `will-change: transform` gives the card a compositing layer of its own, so
 * opening and closing it repaints the card alone. Without it Chromium
 * repainted the whole page, highlights included: 200 ms a card on a page of
 * 5,500 mentions, 22 ms with it.
 */
const HOST_STYLE = [
  'all: initial !important',
  'display: block !important',
  'position: fixed !important',
  'top: 0 !important',
  'left: 0 !important',
  'width: 0 !important',
  'height: 0 !important',
  'overflow: visible !important',
  'z-index: 2147483647 !important',
  'will-change: transform !important',
].join('; ');

export interface CardHost {
  /** The host element (a `div`), for composed-path checks; not in the page while no card is open. */
  readonly host: HTMLElement;
  /** The card's positioned box inside the closed shadow root: render and place into it. */
  readonly frame: HTMLElement;
  /** Puts the host at the end of `<html>` (no-op if it is there). */
  attach(): void;
  /** Takes the host out of the page; the shadow root and its styles are kept for the next card. */
  detach(): void;
}

export function createCardHost(document_: Document, css: string): CardHost {
  const host = document_.createElement('div');
  host.setAttribute('style', HOST_STYLE);
  const shadow = host.attachShadow({ mode: 'closed' });
  for (const type of GUARDED_EVENTS) {
    shadow.addEventListener(
      type,
      (event) => {
        if (!event.isTrusted) {
          event.stopImmediatePropagation();
          event.preventDefault();
        }
      },
      { capture: true },
    );
  }
  const style = document_.createElement('style');
  style.textContent = css;
  const frame = document_.createElement('div');
  frame.className = 'sc-frame';
  for (const type of KEY_EVENTS) frame.addEventListener(type, (event) => event.stopPropagation());
  shadow.append(style, frame);
  return {
    host,
    frame,
    attach() {
      if (host.parentNode !== document_.documentElement) document_.documentElement.append(host);
    },
    detach() {
      host.remove();
    },
  };
}
