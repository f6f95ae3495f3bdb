import './highlights.css';
import { browser } from 'wxt/browser';
import { createBackgroundClient, parseContentRequest } from '../../lib/messages.ts';
import { startScanning } from './scanning.ts';
import { trackHover } from './hover.ts';
import { CardController, openOriginal } from './card.tsx';
import { mentionForCommand } from './keyboard.ts';
import { disabledSites, isDisabled, turnOff } from './site-switch.ts';
import { servePageMentions } from './page-mentions.ts';

/**
 * The page side: finds and highlights mentions, tracks the one under the
 * pointer and opens the card. It carries no corpus; lookups go to the
 * background. Everything hangs off one AbortSignal per run, so turning the
 * site off (or the extension reloading) undoes it all.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  // Stories embed each other (live blogs, syndicated frames): every frame is scanned.
  allFrames: true,
  async main(ctx) {
    // Without the Custom Highlight API we would have to wrap text in the
    // page's DOM, which we never do.
    if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    const host = location.hostname;
    let run: AbortController | undefined;
    const apply = async () => {
      const off = await isDisabled(host);
      if (off && run) {
        run.abort();
        run = undefined;
      } else if (!off && !run) {
        run = new AbortController();
        ctx.signal.addEventListener('abort', () => run?.abort());
        start(run.signal);
      }
    };
    const unwatch = disabledSites.watch(() => void apply());
    ctx.signal.addEventListener('abort', unwatch);
    await apply();

    function start(signal: AbortSignal) {
      const call = createBackgroundClient((message) => browser.runtime.sendMessage(message));
      const highlighter = startScanning(document, signal, () => void call('warm', {}).catch(() => {}));
      servePageMentions(highlighter, signal);
      const card = new CardController(ctx, signal, call, highlighter, {
        onTurnOffSite: () => void turnOff(host),
        onSearchCorpus: () => {},
        onReadInSource: (item) => openOriginal(item),
      });
      trackHover(
        document,
        highlighter,
        { onIntent: (mention) => void card.open(mention), onLeave: () => card.scheduleClose() },
        signal,
      );
      const onMessage = (message: unknown) => {
        const request = parseContentRequest(message);
        if (request instanceof Error) return undefined;
        const mention = mentionForCommand(request.params.name, highlighter, card.mention, document.getSelection());
        if (mention) {
          mention.nodes[0]?.parentElement?.scrollIntoView({ block: 'nearest' });
          void card.open(mention, { keyboard: true });
        }
        return Promise.resolve({ handled: Boolean(mention) });
      };
      browser.runtime.onMessage.addListener(onMessage);
      signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage));
    }
  },
});
