import { render } from 'preact';
import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import cardCss from '../../components/card/card.css?inline';
import { Card } from '../../components/card/Card.tsx';
import { formatCitation } from '../../components/card/format.ts';
import type { CardItem, CardState } from '../../components/card/types.ts';
import type { BackgroundClient } from '../../lib/messages.ts';
import type { Highlighter, PlacedMention } from './highlighter.ts';
import { toCardItem } from './card-items.ts';
import { UI_TAG } from './scanning.ts';

/** How long the pointer may be off both mention and card before it closes. */
export const CLOSE_DELAY_MS = 300;

/** A lookup that takes longer than this shows an error instead of loading forever. */
export const LOOKUP_TIMEOUT_MS = 8000;

/**
 * The card's own box inside the shadow root: fixed to the viewport (the host
 * sits on <html>, outside any transformed page container) and above the
 * page's stacking contexts.
 */
const FRAME_CSS = `
.sc-frame { position: fixed; top: 0; left: 0; z-index: 2147483647; width: max-content; }
.sc-frame[hidden] { display: none; }
`;

export interface CardCallbacks {
  onTurnOffSite(): void;
  onSearchCorpus(query: string): void;
  onReadInSource(item: CardItem): void;
}

/**
 * Opens, places and closes the hover card. One shadow host, created on first
 * use and kept: it is the only node we add to the page. The card follows
 * its mention on scroll and resize, closes when the mention scrolls out of
 * view, on Escape, on a click elsewhere, and a moment after the pointer has
 * left both the mention and the card.
 */
export class CardController {
  #ui: Promise<{ frame: HTMLElement; host: HTMLElement; remove(): void }> | undefined;
  #mention: PlacedMention | undefined;
  #closeTimer: ReturnType<typeof setTimeout> | undefined;
  #stopFollowing: (() => void) | undefined;
  #returnFocus: HTMLElement | undefined;
  #request = 0;
  /** The pointer is over the card: hover "leave" events must not close it. */
  #pointerInside = false;
  readonly #ctx: ContentScriptContext;
  readonly #call: BackgroundClient;
  readonly #highlighter: Highlighter;
  readonly #callbacks: CardCallbacks;
  readonly #document: Document;

  /**
   * `signal` ends this card's life (the site turned off, the script
   * invalidated); `ctx` is WXT's, which the shadow-root UI registers with.
   */
  constructor(
    ctx: ContentScriptContext,
    signal: AbortSignal,
    call: BackgroundClient,
    highlighter: Highlighter,
    callbacks: CardCallbacks,
    document_: Document = document,
  ) {
    this.#ctx = ctx;
    this.#call = call;
    this.#highlighter = highlighter;
    this.#callbacks = callbacks;
    this.#document = document_;
    document_.addEventListener('keydown', (e) => e.key === 'Escape' && this.#mention && this.close(), { signal });
    document_.addEventListener(
      'pointerdown',
      async (e) => {
        if (!this.#mention || !this.#ui) return;
        const { host } = await this.#ui;
        if (!e.composedPath().includes(host)) this.close();
      },
      { capture: true, signal },
    );
    signal.addEventListener('abort', () => {
      this.close();
      void this.#ui?.then(({ remove }) => remove());
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
    const { frame } = await this.#mount();
    this.#render(frame, mention, { status: 'loading' }, options.keyboard);
    this.#follow(frame, mention);
    try {
      const answer = await withTimeout(
        this.#call('lookup', { mention: mention.text, category: mention.category, context: mention.block }),
        LOOKUP_TIMEOUT_MS,
        'The extension did not answer in time. Try again in a moment.',
      );
      if (request !== this.#request) return;
      this.#render(
        frame,
        mention,
        { status: 'ready', primary: answer.primary.map(toCardItem), counterclaims: answer.counterclaims.map(toCardItem) },
        options.keyboard,
      );
    } catch (error) {
      if (request !== this.#request) return;
      this.#render(frame, mention, { status: 'error', message: error instanceof Error ? error.message : String(error) }, options.keyboard);
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
    void this.#ui?.then(({ frame }) => {
      render(null, frame);
      frame.hidden = true;
    });
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
        onTurnOffSite={() => {
          this.close();
          this.#callbacks.onTurnOffSite();
        }}
        onSearchCorpus={(query) => this.#callbacks.onSearchCorpus(query)}
        onReadInSource={(item) => this.#callbacks.onReadInSource(item)}
        onCopyCitation={(item) => copyText(formatCitation(item), frame)}
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

  #mount(): Promise<{ frame: HTMLElement; host: HTMLElement; remove(): void }> {
    this.#ui ??= createShadowRootUi(this.#ctx, {
      name: UI_TAG,
      position: 'inline',
      anchor: 'html',
      append: 'last',
      mode: 'closed',
      // Page keyboard shortcuts must not fire while the reader types in the card.
      isolateEvents: true,
      css: `${cardCss}\n${FRAME_CSS}\nbody { margin: 0; }`,
      onMount: (container) => {
        const frame = this.#document.createElement('div');
        frame.className = 'sc-frame';
        frame.hidden = true;
        frame.addEventListener('pointerenter', () => {
          this.#pointerInside = true;
          this.cancelClose();
        });
        frame.addEventListener('pointerleave', () => {
          this.#pointerInside = false;
          this.scheduleClose();
        });
        container.append(frame);
        return frame;
      },
    }).then((ui) => {
      ui.mount();
      return { frame: ui.mounted!, host: ui.shadowHost, remove: () => ui.remove() };
    });
    return this.#ui;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Copies text from the card. The Clipboard API exists only in secure
 * contexts, and many news pages are still plain http: there, a textarea
 * inside the card's own shadow root (never the page's DOM) is selected and
 * copied with the click's user activation.
 */
async function copyText(text: string, container: HTMLElement): Promise<void> {
  if (window.isSecureContext && navigator.clipboard) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = container.ownerDocument.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.cssText = 'position:fixed;opacity:0;pointer-events:none;';
  const focused = (container.getRootNode() as ShadowRoot).activeElement as HTMLElement | null;
  container.append(area);
  area.select();
  try {
    if (!container.ownerDocument.execCommand('copy')) throw new Error('the browser refused to copy');
  } finally {
    area.remove();
    focused?.focus();
  }
}
