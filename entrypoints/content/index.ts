import '../../lib/i18n-browser.ts';
import './highlights.css';
import './highlight-styles.css';
import { browser } from 'wxt/browser';
import { createBackgroundClient, parseContentRequest } from '../../lib/messages.ts';
import type { Settings } from '../../lib/settings/schema.ts';
import { setSiteDisabled } from '../../lib/settings/store.ts';
import { startScanning } from './scanning.ts';
import { trackHover } from './hover.ts';
import { CardController } from './card.tsx';
import { mentionForCommand } from './keyboard.ts';
import { servePageMentions } from './page-mentions.ts';
import { servePageSummary } from './page-summary.ts';
import { applySettingsLive } from './settings-sync.ts';
import { scriptLifetime } from './lifetime.ts';
import type { Highlighter } from './highlighter.ts';

/**
 * The page side: finds and highlights mentions, tracks the one under the
 * pointer and opens the card. It carries no corpus; lookups go to the
 * background. A "run" (scan, highlights, card, hover) lives while the
 * settings say this page is active, under one AbortSignal, so pausing or
 * turning the site off undoes it all at once and turning it back on starts
 * afresh; the toolbar summary is served for the script's whole life.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  // Stories embed each other (live blogs, syndicated frames): every frame is scanned.
  allFrames: true,
  // WXT's start-up postMessage carries the extension id to every page script.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    // Without the Custom Highlight API we would have to wrap text in the
    // page's DOM, which we never do.
    if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    const life = scriptLifetime(ctx);
    const host = location.hostname;
    let settings: Settings | undefined;
    let run: { controller: AbortController; highlighter: Highlighter } | undefined;
    const summary = servePageSummary(
      { highlighter: () => run?.highlighter, visible: () => settings!.categories },
      life,
    );

    await applySettingsLive(
      {
        host,
        onChange(next, active) {
          // Density decides which mentions are placed at all: a change starts the run afresh.
          const densityChanged = settings !== undefined && settings.highlightDensity !== next.highlightDensity;
          settings = next;
          if (run && (!active || densityChanged)) {
            run.controller.abort();
            run = undefined;
          }
          if (active && !run) run = start();
          run?.highlighter.applyView(next.categories, next.highlightStyle);
          summary.onChange();
        },
      },
      life,
    );

    function start(): { controller: AbortController; highlighter: Highlighter } {
      const controller = new AbortController();
      const signal = controller.signal;
      life.addEventListener('abort', () => controller.abort(), { signal });
      const call = createBackgroundClient((message) => browser.runtime.sendMessage(message));
      const openPanel = (params: { read?: string; query?: string }) =>
        void browser.runtime.sendMessage({ method: 'openPanel', params }).catch(() => {});
      let pageMentions: { onChange(): void } | undefined;
      const highlighter = startScanning(
        document,
        signal,
        {
          onFirstMention: () => void call('warm', {}).catch(() => {}),
          onChange: () => {
            summary.onChange();
            pageMentions?.onChange();
          },
        },
        settings!.highlightDensity,
      );
      highlighter.applyView(settings!.categories, settings!.highlightStyle);
      pageMentions = servePageMentions(highlighter, signal);
      const card = new CardController(signal, call, highlighter, {
        onTurnOffSite: () => void setSiteDisabled(host, true),
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
      const hover = trackHover(
        document,
        highlighter,
        {
          onIntent: (mention) => {
            if (settings!.openOn === 'hover') void card.open(mention);
          },
          onLeave: () => card.scheduleClose(),
        },
        signal,
        () => settings!.hoverDelayMs,
      );
      // "Open on click" readers: a click on a mention opens its card (a
      // mention inside a link still follows the link: we never cancel clicks).
      document.addEventListener(
        'click',
        (event) => {
          if (!event.isTrusted || settings!.openOn !== 'click') return;
          const mention = hover.hitTest(event.clientX, event.clientY);
          if (mention) void card.open(mention);
        },
        { signal },
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
      return { controller, highlighter };
    }
  },
});
