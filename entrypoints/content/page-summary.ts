import { browser } from 'wxt/browser';
import { CATEGORIES, type Category } from '../../lib/vocabulary/categories.ts';
import { client, contentRequests, listen, type BackgroundApi, type ContentApi, type PageSummary, type Request } from '../../lib/messages.ts';
import { defaultSettings } from '../../lib/settings/schema.ts';
import type { Highlighter } from './highlighter.ts';

/** Most one badge report per this interval: a first scan adds mentions slice by slice, and a live page mutates all the time; the badge needs only the latest number. */
export const BADGE_DEBOUNCE_MS = 250;

export interface PageSummaryOptions {
  /** The current run's highlighter; undefined while the page is off (paused, site off, hidden by settings). */
  highlighter(): Highlighter | undefined;
  /**
   * Which categories are shown now (the settings' `categories`); undefined
   * until the settings are read, which a popup opened at once can beat:
   * then the defaults count.
   */
  visible(): Record<Category, boolean> | undefined;
  /** `browser.runtime.sendMessage` by default (tests pass their own). */
  send?: (message: Request<BackgroundApi>) => Promise<unknown>;
}

/**
 * Tells the toolbar what this page holds: answers the popup's `pageSummary`
 * and reports the highlighted count for the badge. Serve it for the whole
 * life of the content script (`ctx.signal`), not one run: a page that is off
 * still answers (with zeros), which is how the popup tells "off here" from
 * "cannot run here". Returns `onChange`, for the caller to call after each
 * scan slice, mutation batch and settings change; it sends the badge count
 * at most every BADGE_DEBOUNCE_MS, and only when it changed.
 */
export function servePageSummary(options: PageSummaryOptions, signal: AbortSignal): { onChange(): void } {
  const call = client<BackgroundApi>(options.send ?? ((message) => browser.runtime.sendMessage(message)));
  let sent = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const summarize = (): PageSummary => {
    const counts = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
    for (const mention of options.highlighter()?.mentions() ?? []) counts[mention.category]++;
    const visible = options.visible() ?? defaultSettings().categories;
    const total = CATEGORIES.reduce((sum, c) => sum + (visible[c] ? counts[c] : 0), 0);
    return { counts, total, host: location.hostname };
  };

  const onMessage = listen<ContentApi, 'pageSummary'>(contentRequests, { pageSummary: summarize });
  browser.runtime.onMessage.addListener(onMessage);

  const report = (count: number) => {
    if (count === sent) return;
    sent = count;
    // A sleeping service worker wakes for it; a failure (extension reloading) only costs the badge.
    void call('mentionCount', { count }).catch(() => {});
  };
  const onChange = () => {
    if (signal.aborted || timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      report(summarize().total);
    }, BADGE_DEBOUNCE_MS);
  };
  // Back/forward cache: the background cleared the badge when the tab navigated, but this page kept its count.
  addEventListener(
    'pageshow',
    (event) => {
      if (!event.persisted) return;
      sent = -1;
      onChange();
    },
    { signal },
  );
  signal.addEventListener('abort', () => {
    browser.runtime.onMessage.removeListener(onMessage);
    clearTimeout(timer);
  });
  return { onChange };
}
