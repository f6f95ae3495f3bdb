import { browser } from 'wxt/browser';
import { client, type BackgroundApi } from '../../lib/messages.ts';
import type { CardController } from './card.tsx';
import type { Highlighter } from './highlighter.ts';
import type { mentionForCommand } from './keyboard.ts';

/** What the card bundle (`entrypoints/card-ui.ts`) hands the content script once injected. */
export interface CardModule {
  /** The card of one run: lives until `signal` aborts. */
  createCard(signal: AbortSignal, highlighter: Highlighter): CardController;
  mentionForCommand: typeof mentionForCommand;
}

/**
 * Where the card bundle leaves its module: a registry symbol on the global
 * object of the extension's isolated world, which the content script and
 * every script the background injects into the same frame share, and the
 * page's own scripts cannot see.
 */
const SLOT = Symbol.for('source-context.card-ui');

type Slots = Record<symbol, CardModule | undefined>;

/** Called by the card bundle when it runs. */
export function provideCardModule(module: CardModule): void {
  (globalThis as unknown as Slots)[SLOT] = module;
}

let loading: Promise<CardModule> | undefined;

/**
 * The card, Preact and floating-ui, loaded when the pointer first reaches a
 * mention or a keyboard command asks for a card: most pages have no
 * mention and most mentions are never pointed at, so the script injected
 * into every page and frame carries only the scan and the highlighter. The background injects the card bundle
 * into this frame's isolated world (`scripting.executeScript`), which a
 * page's CSP does not govern and which, unlike a web-accessible module for
 * `import()`, leaves no extension URL a page could probe. Concurrent callers
 * share one load; a failed load is retried on the next call.
 */
export function loadCardModule(): Promise<CardModule> {
  loading ??= (async () => {
    const present = (globalThis as unknown as Slots)[SLOT];
    if (present) return present;
    await client<BackgroundApi>((message) => browser.runtime.sendMessage(message))('loadCard', {}).catch((error: unknown) => {
      throw new Error(`the card could not load: ${error instanceof Error ? error.message : String(error)}`);
    });
    const module = (globalThis as unknown as Slots)[SLOT];
    if (!module) throw new Error('the card could not load: its bundle did not register');
    return module;
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
