import '../lib/i18n-browser.ts';
import { browser } from 'wxt/browser';
import { createBackgroundClient } from '../lib/messages.ts';
import { setSiteDisabled } from '../lib/settings/store.ts';
import { CardController } from './content/card.tsx';
import { provideCardModule } from './content/card-loader.ts';
import type { Highlighter } from './content/highlighter.ts';
import { mentionForCommand } from './content/keyboard.ts';

/**
 * The hover card's bundle (card, Preact, floating-ui, the card's CSS), not
 * part of the content script: the background injects it into a frame's
 * isolated world the first time a reader hovers a mention there or uses a
 * keyboard command (see `content/card-loader.ts`), with what only the card
 * needs: its lookups, copying and turning the site off from the card, and picking the
 * mention a keyboard command goes to. Unlisted: it is not web-accessible,
 * so a page cannot load or probe it.
 */
export default defineUnlistedScript(() => {
  provideCardModule({
    createCard(signal: AbortSignal, highlighter: Highlighter): CardController {
      const openPanel = (params: { read?: string; query?: string }) =>
        void browser.runtime.sendMessage({ method: 'openPanel', params }).catch(() => {});
      const call = createBackgroundClient((message) => browser.runtime.sendMessage(message));
      return new CardController(signal, call, highlighter, {
        onTurnOffSite: () => void setSiteDisabled(location.hostname, true),
        onConfirmTurnOff: async () => {
          const reply = (await browser.runtime.sendMessage({ method: 'confirmTurnOff', params: {} }).catch(() => undefined)) as
            | { ok: true; result: { opened: boolean } }
            | undefined;
          return Boolean(reply?.ok && reply.result.opened);
        },
        onCopy: async (text) => {
          const reply = (await browser.runtime.sendMessage({ method: 'copyText', params: { text } })) as { ok: boolean; error?: string } | undefined;
          if (!reply?.ok) throw new Error(reply?.error ?? 'the extension did not answer');
        },
        onSearchCorpus: (query) => openPanel({ query }),
        onReadInSource: (item) => openPanel({ read: item.id }),
      });
    },
    mentionForCommand,
  });
});
