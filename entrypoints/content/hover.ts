import type { Highlighter, PlacedMention } from './highlighter.ts';
import { caretFromPoint } from '../../lib/platform/caret.ts';
import { isOnMention } from './mention-box.ts';

export interface HoverEvents {
  /**
   * The pointer has arrived on `mention`, `restMs` before it could raise an
   * intent there: what the intent needs and the page has not paid for yet
   * (the card bundle) starts loading now.
   */
  onArrive(mention: PlacedMention): void;
  /** The pointer has rested on `mention` for `restMs`. */
  onIntent(mention: PlacedMention): void;
  /** The pointer has left the mention that last raised an intent. */
  onLeave(mention: PlacedMention): void;
}

/**
 * Finds the mention under the pointer on every move, cheaply enough to run on
 * each one: one passive listener, at most one hit test per animation frame,
 * the caret position under the point looked up in the per-node index, then
 * confirmed against the mention's own rectangles (the caret snaps to the
 * nearest character, so a point beside a mention would otherwise count).
 */
export function trackHover(
  document_: Document,
  highlighter: Highlighter,
  events: HoverEvents,
  signal: AbortSignal,
  /** How long the pointer must rest on a mention; read at each rest, so a settings change applies at once. */
  restMs: () => number = () => 300,
): { hitTest(x: number, y: number): PlacedMention | undefined } {
  let frame = 0;
  let lastX = 0;
  let lastY = 0;
  let current: PlacedMention | undefined;
  let intended: PlacedMention | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let fillTimer: ReturnType<typeof setTimeout> | undefined;
  const view = document_.defaultView!;

  const hitTest = (x: number, y: number): PlacedMention | undefined => {
    const caret = caretFromPoint(document_, x, y, highlighter.inShadowRoots ? shadowRootsAt(document_, x, y) : []);
    if (!caret) return undefined;
    const mention = highlighter.at(caret.node, caret.offset);
    if (!mention) return undefined;
    return isOnMention(document_, mention, x, y) ? mention : undefined;
  };

  const update = () => {
    frame = 0;
    const mention = hitTest(lastX, lastY);
    if (mention === current) return;
    current = mention;
    clearTimeout(timer);
    clearTimeout(fillTimer);
    if (intended && intended !== mention) {
      events.onLeave(intended);
      intended = undefined;
    }
    // The fill follows a rest, not every mention the pointer crosses.
    highlighter.setActive(undefined);
    if (mention) fillTimer = setTimeout(() => mention.nodes[0] && highlighter.has(mention.nodes[0]) && highlighter.setActive(mention), FILL_REST_MS);
    if (mention) events.onArrive(mention);
    if (mention && mention !== intended) {
      timer = setTimeout(() => {
        intended = mention;
        events.onIntent(mention);
      }, restMs());
    }
  };
  const schedule = () => {
    if (!frame) frame = view.requestAnimationFrame(update);
  };

  document_.addEventListener(
    'pointermove',
    (event) => {
      // A page's script can fire pointer events; only the reader's open cards.
      if (!event.isTrusted) return;
      lastX = event.clientX;
      lastY = event.clientY;
      schedule();
    },
    { passive: true, signal },
  );
  // Scrolling moves the page under a still pointer.
  document_.addEventListener('scroll', (event) => event.isTrusted && schedule(), { passive: true, capture: true, signal });
  signal.addEventListener('abort', () => {
    clearTimeout(timer);
    clearTimeout(fillTimer);
    if (frame) view.cancelAnimationFrame(frame);
  });
  return { hitTest };
}

/**
 * How long the pointer must rest on a mention before it gets the hover
 * fill. Any change to a highlight makes Chromium re-place every range of
 * every registered highlight and repaint the page (about 35 µs a range: a
 * page with 5,500 mentions paid 200 ms a change), so a pointer sweeping
 * across a page of mentions must not change the fill at each one it
 * crosses; a reader resting on one sees its fill after this short pause.
 */
const FILL_REST_MS = 100;

/** Deeper than this, shadow roots nested in shadow roots are not pierced: no real page comes near it. */
const MAX_SHADOW_DEPTH = 32;

/**
 * The open shadow roots under a point, outermost first, for the caret
 * lookup to pierce. Only those on the path to the point: a page with
 * thousands of shadow roots costs one `elementFromPoint` per level, not a
 * list of every root it has on every pointer move.
 */
function shadowRootsAt(document_: Document, x: number, y: number): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  let el = document_.elementFromPoint(x, y);
  while (el?.shadowRoot && roots.length < MAX_SHADOW_DEPTH) {
    const root = el.shadowRoot;
    roots.push(root);
    const inner = root.elementFromPoint(x, y);
    if (!inner || inner === el) break;
    el = inner;
  }
  return roots;
}
