import '../lib/i18n-browser.ts';
import { browser } from 'wxt/browser';
import { client, LOOKUP_PORT, portTransport, type BackgroundApi } from '../lib/messages.ts';
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
      // Lookups over a port (LOOKUP_PORT says why); the rest by sendMessage, which carries the reader's gesture.
      const lookups = portTransport(() => browser.runtime.connect({ name: LOOKUP_PORT }), signal);
      const call = client<BackgroundApi>((message) => (message.method === 'lookup' ? lookups(message) : browser.runtime.sendMessage(message)));
      const openPanel = (params: { read?: string; query?: string }) => void call('openPanel', params).catch(() => {});
      return new CardController(signal, call, highlighter, {
        onTurnOffSite: () => void setSiteDisabled(location.hostname, true),
        onConfirmTurnOff: () => call('confirmTurnOff', {}).then(
          (result) => result.opened,
          () => false,
        ),
        onCopy: (text) => call('copyText', { text }),
        onSearchCorpus: (query) => openPanel({ query }),
        onReadInSource: (item) => openPanel({ read: item.id }),
      });
    },
    mentionForCommand,
  });
});
