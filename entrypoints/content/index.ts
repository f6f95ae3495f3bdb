import { browser } from 'wxt/browser';
import { client, contentRequests, listen, type BackgroundApi, type ContentApi } from '../../lib/messages.ts';
import { defaultSettings, type HighlightDensity, type Settings } from '../../lib/settings/schema.ts';
import { startScanning } from './scanning.ts';
import { trackHover } from './hover.ts';
import type { CardController } from './card.tsx';
import { loadCardModule, type CardModule } from './card-loader.ts';
import { servePageMentions } from './page-mentions.ts';
import { servePageSummary } from './page-summary.ts';
import { applySettingsLive } from './settings-sync.ts';
import { whenText } from './first-text.ts';
import type { Highlighter, PlacedMention } from './highlighter.ts';

interface Run {
  controller: AbortController;
  highlighter: Highlighter;
  /** The highlight density it places mentions with (fixed for the run). */
  density: HighlightDensity;
}

/**
 * The page side: finds and highlights mentions, tracks the one under the
 * pointer and opens the card. It carries no corpus (lookups go to the
 * background) and no card (loaded when a reader reaches for one, see `card-loader.ts`).
 *
 * A page pays only for what it needs. A frame without text (an ad slot, a
 * page of a thousand empty frames) does nothing until text arrives
 * (`first-text.ts`). At start only the scan runs, its
 * highlights not yet shown. The first mention found reads the settings
 * (and watches them), shows the highlights if this page is active, sets
 * up hover, click and keyboard handling; a page or frame without a mention
 * never does any of that. The card loads only when the pointer reaches a
 * mention or a keyboard command asks for one. A "run" (scan, highlights, card, hover) lives
 * while the settings say this page is active, under one AbortSignal, so
 * pausing or turning the site off undoes it all at once and turning it back
 * on starts afresh; the toolbar summary is served for the script's whole life.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  // Stories embed each other (live blogs, syndicated frames): every frame is scanned.
  allFrames: true,
  main(ctx) {
    // Without the Custom Highlight API we would have to wrap text in the
    // page's DOM, which we never do.
    if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    // Our own context (quiet-context.ts): WXT's announced our start to the page.
    const life = ctx.signal;
    // The top frame always runs: it answers the popup even on a page without a
    // mention. A frame starts only once it holds text (first-text.ts).
    if (window === window.top) begin(life);
    else whenText(document, life, () => begin(life));
  },
});

/** Scan, summary and settings for this document, for the life of `life`. */
function begin(life: AbortSignal): void {
  const host = location.hostname;
  /** Undefined until the first mention: until then nothing is shown, so nothing depends on them. */
  let settings: Settings | undefined;
  let run: Run | undefined;
  const summary = servePageSummary(
    { highlighter: () => run?.highlighter, visible: () => settings?.categories },
    life,
  );

  let watching = false;
  let styled = false;
  const watchSettings = () => {
    if (watching) return;
    watching = true;
    void applySettingsLive(
      {
        host,
        onChange(next, active) {
          settings = next;
          // Density decides which mentions are placed at all: a run with another starts afresh
          // (the first run, begun before the settings were read, used the default).
          if (run && (!active || run.density !== next.highlightDensity)) {
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
  };

  run = start();

  function start(): Run {
    const controller = new AbortController();
    const signal = controller.signal;
    life.addEventListener('abort', () => controller.abort(), { signal });
    let pageMentions: { onChange(): void } | undefined;
    const density = (settings ?? defaultSettings()).highlightDensity;
    const highlighter = startScanning(
      document,
      signal,
      {
        onFirstMention: () => {
          const call = client<BackgroundApi>((message) => browser.runtime.sendMessage(message));
          // Our styles reach the page only now (highlight-css.ts says why), once for the document.
          if (!styled) void call('showHighlights', {}).catch(() => {});
          styled = true;
          // Wakes the background and has it load the corpus before the first lookup.
          void call('warm', {}).catch(() => {});
          watchSettings();
          interact(signal, highlighter, () => settings);
        },
        onChange: () => {
          summary.onChange();
          pageMentions?.onChange();
        },
      },
      density,
    );
    if (settings) highlighter.applyView(settings.categories, settings.highlightStyle);
    pageMentions = servePageMentions(highlighter, signal);
    return { controller, highlighter, density };
  }
}

/**
 * Hover, click and keyboard handling, set up once a run has found its first
 * mention. The card itself loads when the pointer first arrives on a
 * mention (or at a keyboard command): a page whose mentions nobody points
 * at never pays for it.
 */
function interact(
  signal: AbortSignal,
  highlighter: Highlighter,
  current: () => Settings | undefined,
): void {
  let card: CardController | undefined;
  let loading: Promise<{ module: CardModule; card: CardController }> | undefined;
  /** The mention waiting for the card to load; cleared when the pointer leaves it first. */
  let wanted: PlacedMention | undefined;

  const load = () =>
    (loading ??= loadCardModule().then(
      (module) => {
        card = module.createCard(signal, highlighter);
        return { module, card };
      },
      (error: unknown) => {
        loading = undefined;
        console.warn('Source Context:', error instanceof Error ? error.message : error);
        throw error;
      },
    ));

  const open = (mention: PlacedMention) => {
    if (card) return void card.open(mention);
    wanted = mention;
    load().then(
      (loaded) => {
        if (wanted !== mention || signal.aborted) return;
        wanted = undefined;
        void loaded.card.open(mention);
      },
      () => {},
    );
  };

  const hover = trackHover(
    document,
    highlighter,
    {
      // The bundle loads while the pointer rests (`hoverDelayMs`, 300 ms by
      // default; a click comes later still), so the first card opens as fast
      // as the next: no message round trip, no bundle to evaluate after the intent.
      onArrive: () => void load().catch(() => {}),
      onIntent: (mention) => {
        if (current()?.openOn === 'hover') open(mention);
      },
      onLeave: () => {
        wanted = undefined;
        card?.scheduleClose();
      },
    },
    signal,
    () => current()?.hoverDelayMs ?? defaultSettings().hoverDelayMs,
  );
  // "Open on click" readers: a click on a mention opens its card (a
  // mention inside a link still follows the link: we never cancel clicks).
  document.addEventListener(
    'click',
    (event) => {
      if (!event.isTrusted || current()?.openOn !== 'click') return;
      const mention = hover.hitTest(event.clientX, event.clientY);
      if (mention) open(mention);
    },
    { signal },
  );
  // Keyboard commands: the card bundle picks the mention, then opens it.
  const onMessage = listen<ContentApi, 'command'>(contentRequests, {
    command: ({ name }) =>
      load().then(
        ({ module, card: loaded }) => {
          const mention = signal.aborted ? undefined : module.mentionForCommand(name, highlighter, loaded.mention, document.getSelection());
          if (mention) {
            mention.nodes[0]?.parentElement?.scrollIntoView({ block: 'nearest' });
            void loaded.open(mention, { keyboard: true });
          }
          return { handled: Boolean(mention) };
        },
        () => ({ handled: false }),
      ),
  });
  browser.runtime.onMessage.addListener(onMessage);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage));
}
