import { options, render } from 'preact';
import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import cardCss from '../../components/card/card.css?inline';
import { Card } from '../../components/card/Card.tsx';
import { formatCitation } from '../../components/ui/format.ts';
import type { CardItem, CardState } from '../../components/card/types.ts';
import type { BackgroundApi, Client } from '../../lib/messages.ts';
import { t } from '../../lib/i18n.ts';
import { MAX_CONTEXT, MAX_MENTION } from '../../lib/search/limits.ts';
import type { Highlighter, PlacedMention } from './highlighter.ts';
import { toCardItem } from '../../components/card/card-item.ts';
import { createCardHost, type CardHost } from './card-host.ts';
import { trackVisibility, type VisibilityWatch } from './visibility.ts';
import { isOnMention } from './mention-box.ts';

/** How long the pointer may be off both mention and card before it closes. */
export const CLOSE_DELAY_MS = 300;

/** A lookup that takes longer than this shows an error instead of loading forever. */
export const LOOKUP_TIMEOUT_MS = 8000;

/**
 * The card's own box inside the shadow root: fixed to the viewport (the host
 * sits on <html>, outside any transformed page container) and above the
 * page's stacking contexts. The host's own styles are inline (card-host.ts).
 */
const FRAME_CSS = `
.sc-frame { position: fixed; top: 0; left: 0; z-index: 2147483647; width: max-content; }
.sc-frame[hidden] { display: none; }
`;

export interface CardCallbacks {
  /** Turns the extension off for this site: only called when the reader could see the whole card (see `#turnOff`). */
  onTurnOffSite(): void;
  /**
   * Where the card cannot prove the reader saw it, the setting is confirmed
   * in the toolbar popup instead: opens it, resolving to whether it opened.
   */
  onConfirmTurnOff(): Promise<boolean>;
  onSearchCorpus(query: string): void;
  onReadInSource(item: CardItem): void;
  /** Puts text on the clipboard from an extension context, never through the page (see background/clipboard.ts). */
  onCopy(text: string): Promise<void>;
}

/**
 * Opens, places and closes the hover card. One shadow host, created on first
 * use and in the page only while a card is open: it is the only node we add
 * to the page. The card follows its mention on scroll and resize, closes
 * when the mention scrolls out of view, on Escape, on a click elsewhere, and
 * a moment after the pointer has left both the mention and the card. Only
 * the reader drives it: every event it acts on must be trusted (`isTrusted`),
 * and focus the page pulls out of the card is given back once, then the
 * card closes.
 */
export class CardController {
  #ui: CardHost | undefined;
  #visibility: VisibilityWatch | undefined;
  /** When the reader last pressed a key or a pointer button: focus leaving the card soon after is theirs. */
  #lastInput = Number.NEGATIVE_INFINITY;
  #focusStolen = 0;
  #stopGuard: (() => void) | undefined;
  #mention: PlacedMention | undefined;
  #closeTimer: ReturnType<typeof setTimeout> | undefined;
  #stopFollowing: (() => void) | undefined;
  #returnFocus: HTMLElement | undefined;
  #request = 0;
  /** The pointer is over the card: hover "leave" events must not close it. */
  #pointerInside = false;
  readonly #call: Client<BackgroundApi>;
  readonly #highlighter: Highlighter;
  readonly #callbacks: CardCallbacks;
  readonly #document: Document;

  /** `signal` ends this card's life (the site turned off, the script invalidated). */
  constructor(
    signal: AbortSignal,
    call: Client<BackgroundApi>,
    highlighter: Highlighter,
    callbacks: CardCallbacks,
    document_: Document = document,
  ) {
    this.#call = call;
    this.#highlighter = highlighter;
    this.#callbacks = callbacks;
    this.#document = document_;
    document_.addEventListener(
      'keydown',
      (e) => {
        if (!e.isTrusted) return;
        this.#lastInput = e.timeStamp;
        if (e.key === 'Escape' && this.#mention) this.close();
      },
      { capture: true, signal },
    );
    document_.addEventListener(
      'pointerdown',
      (e) => {
        if (!e.isTrusted) return;
        this.#lastInput = e.timeStamp;
        if (this.#mention && this.#ui && !e.composedPath().includes(this.#ui.host)) this.close();
      },
      { capture: true, signal },
    );
    signal.addEventListener('abort', () => {
      this.close();
      this.#visibility?.stop();
      this.#stopGuard?.();
      this.#ui = undefined;
    });
  }

  get mention(): PlacedMention | undefined {
    return this.#mention;
  }

  async open(mention: PlacedMention, options: { keyboard?: boolean } = {}): Promise<void> {
    this.cancelClose();
    if (this.#mention === mention) return;
    if (options.keyboard) {
      const active = this.#document.activeElement;
      this.#returnFocus = active instanceof HTMLElement ? active : undefined;
    }
    this.#mention = mention;
    this.#highlighter.setActive(mention);
    const request = ++this.#request;
    const { frame } = this.#mount();
    this.#render(frame, mention, { status: 'loading' }, options.keyboard);
    this.#follow(frame, mention);
    try {
      const answer = await withTimeout(this.#call('lookup', lookupParams(mention)), LOOKUP_TIMEOUT_MS);
      if (request !== this.#request) return;
      this.#render(
        frame,
        mention,
        { status: 'ready', items: answer.results.map(toCardItem), reason: answer.reason },
        options.keyboard,
      );
    } catch (error) {
      if (request !== this.#request) return;
      // The reader gets words they can act on; what went wrong inside is logged where it happened (the background).
      const message = error === TIMED_OUT ? t('card_errorTimeout') : t('card_errorRetry');
      this.#render(frame, mention, { status: 'error', message }, options.keyboard);
    }
  }

  scheduleClose(): void {
    this.cancelClose();
    // The hover tracker reports leaving the mention a frame late, after the
    // pointer may already have entered the card.
    if (this.#pointerInside) return;
    this.#closeTimer = setTimeout(() => this.close(), CLOSE_DELAY_MS);
  }

  cancelClose(): void {
    clearTimeout(this.#closeTimer);
    this.#closeTimer = undefined;
  }

  close(): void {
    this.cancelClose();
    if (!this.#mention) return;
    this.#mention = undefined;
    this.#request++;
    this.#stopFollowing?.();
    this.#stopFollowing = undefined;
    this.#highlighter.setActive(undefined);
    this.#pointerInside = false;
    this.#focusStolen = 0;
    if (this.#ui) {
      render(null, this.#ui.frame);
      this.#ui.frame.hidden = true;
      this.#ui.detach();
    }
    this.#returnFocus?.focus();
    this.#returnFocus = undefined;
  }

  #render(frame: HTMLElement, mention: PlacedMention, state: CardState, autoFocus = false): void {
    frame.hidden = false;
    render(
      <Card
        mention={{ text: mention.text, category: mention.category }}
        state={state}
        autoFocus={autoFocus}
        onClose={() => this.close()}
        onTurnOffSite={() => this.#turnOff()}
        onSearchCorpus={(query) => this.#callbacks.onSearchCorpus(query)}
        onReadInSource={(item) => this.#callbacks.onReadInSource(item)}
        onCopyCitation={(item) => this.#callbacks.onCopy(formatCitation(item))}
      />,
      frame,
    );
  }

  /** Keeps the card beside its mention; closes it once the mention is out of view. */
  #follow(frame: HTMLElement, mention: PlacedMention): void {
    this.#stopFollowing?.();
    const range = this.#document.createRange();
    range.setStart(mention.range.startContainer, mention.range.startOffset);
    range.setEnd(mention.range.endContainer, mention.range.endOffset);
    const reference = {
      getBoundingClientRect: () => range.getBoundingClientRect(),
      getClientRects: () => range.getClientRects(),
      contextElement: mention.nodes[0]?.parentElement ?? undefined,
    };
    const view = this.#document.defaultView!;
    this.#stopFollowing = autoUpdate(reference, frame, () => {
      const rect = range.getBoundingClientRect();
      if (rect.bottom < 0 || rect.top > view.innerHeight || (rect.width === 0 && rect.height === 0)) {
        this.close();
        return;
      }
      void computePosition(reference, frame, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          offset(6),
          flip({ padding: 8 }),
          shift({ padding: 8 }),
          size({
            padding: 8,
            apply({ availableHeight, availableWidth }) {
              // The card scrolls inside itself rather than run off-screen.
              frame.style.setProperty('--sc-available-height', `${Math.max(160, Math.floor(availableHeight))}px`);
              frame.style.maxWidth = `${Math.max(200, Math.floor(availableWidth))}px`;
            },
          }),
        ],
      }).then(({ x, y }) => {
        frame.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
      });
    });
  }

  /**
   * "Turn off on this site" acts at once only where the reader saw the whole
   * card, unobscured and opaque, in a page they see (IntersectionObserver v2),
   * so a page cannot clickjack it with a decoy over the card or inside an
   * invisible frame. In a frame, or in a browser without that signal, the
   * popup confirms instead: it always shows the tab's own site.
   */
  async #turnOff(): Promise<'use-toolbar' | undefined> {
    const seen = window.top === window && this.#visibility?.visible() === true;
    if (!seen) return (await this.#callbacks.onConfirmTurnOff()) ? undefined : 'use-toolbar';
    this.close();
    this.#callbacks.onTurnOffSite();
    return undefined;
  }

  #mount(): CardHost {
    if (!this.#ui) {
      const ui = createCardHost(this.#document, `${cardCss}\n${FRAME_CSS}`);
      const { frame } = ui;
      frame.hidden = true;
      frame.addEventListener('pointerenter', (e) => {
        if (!e.isTrusted) return;
        this.#pointerInside = true;
        this.cancelClose();
      });
      frame.addEventListener('pointerleave', (e) => {
        if (!e.isTrusted) return;
        this.#pointerInside = false;
        // The card grew over a pointer resting on its mention and was placed
        // again: the pointer never left the mention, so nothing closes.
        if (this.#mention && isOnMention(this.#document, this.#mention, e.clientX, e.clientY)) return;
        this.scheduleClose();
      });
      frame.addEventListener('focusout', (e) => this.#onFocusOut(e));
      this.#visibility = trackVisibility(frame);
      this.#stopGuard = guardAgainstTampering(frame, () => {
        // Close it before the next paint, and never show this root again: the page holds it.
        this.close();
        this.#visibility?.stop();
        this.#stopGuard?.();
        this.#ui = undefined;
      });
      this.#ui = ui;
    }
    this.#ui.attach();
    return this.#ui;
  }

  /**
   * Focus leaving the card without a key press or click by the reader just
   * before was moved by the page's script: it goes back to the card once,
   * and the card closes if the page does it again, so keys meant for the
   * card never land on the page's controls.
   */
  #onFocusOut(event: FocusEvent): void {
    const to = event.relatedTarget as Node | null;
    if (!this.#mention || !this.#ui) return;
    if (to && (to === this.#ui.host || this.#ui.frame.contains(to))) return;
    if (event.timeStamp - this.#lastInput < 500) return;
    // The window itself lost focus (another tab, another app): not the page.
    if (!to && !this.#document.hasFocus()) return;
    const from = event.target as HTMLElement;
    if (++this.#focusStolen > 1) {
      this.close();
      return;
    }
    from.focus();
  }
}

/**
 * Closes the card when anything but our own rendering changes it. A closed
 * shadow root is not always out of the page's reach: in Firefox,
 * `window.find()` of text on the card leaves a selection whose range is in
 * the card's tree, and the page can walk from it to the root. Every change
 * Preact makes is taken off the observer's queue as the render finishes
 * (`options.diffed` runs synchronously, before any page script can), so what
 * the observer still reports was done by someone else: the card closes
 * before the next paint, and the next card gets a new host. What the page
 * can still do there (read the card's corpus text, move focus in it) drives
 * nothing: actions take trusted events only, and turning a site off needs
 * the popup where the card cannot prove it was seen.
 */
function guardAgainstTampering(frame: HTMLElement, onTamper: () => void): () => void {
  const root = frame.getRootNode();
  const observer = new MutationObserver((records) => {
    // Our own placement: the frame's style and `hidden`.
    if (records.some((r) => !(r.type === 'attributes' && r.target === frame))) onTamper();
  });
  observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
  const previous = options.diffed;
  options.diffed = (vnode) => {
    observer.takeRecords();
    previous?.(vnode);
  };
  return () => {
    observer.disconnect();
    options.diffed = previous;
  };
}

/**
 * What the background is asked for a mention: what the detector found and
 * where, cut here to what the search reads (the background cuts too), so the
 * message stays small whatever the page; the context is cut around the
 * mention, which keeps its sentence.
 */
function lookupParams(mention: PlacedMention) {
  const start = Math.max(0, Math.min(mention.at - MAX_CONTEXT / 2, mention.block.length - MAX_CONTEXT));
  return {
    mention: mention.text.slice(0, MAX_MENTION),
    category: mention.category,
    term: mention.term,
    context: mention.block.slice(start, start + MAX_CONTEXT),
    at: mention.at - start,
  };
}

/** What {@link withTimeout} rejects with. */
const TIMED_OUT = Symbol('timed out');

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(TIMED_OUT), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
