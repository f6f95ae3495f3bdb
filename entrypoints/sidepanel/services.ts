import { browser, type Browser } from 'wxt/browser';
import { downloadText } from '../../components/ui/download.ts';
import { EMPTY_SEARCH, type PanelServices, type SavedSearch } from '../../components/panel/types.ts';
import { listen, panelRequests, type PanelApi, type PanelTarget } from '../../lib/messages.ts';
import { acceptPending, PENDING_TARGET_KEY } from '../../lib/panel-link.ts';
import type { KeyValueArea } from '../../lib/platform/session-area.ts';
import { activeTabSource } from './active-tab.ts';

/** Session-storage key of the last search. */
export const SEARCH_KEY = 'panel.search';

/** Writes of the search wait this long for typing to pause; typing itself never waits. */
const SAVE_DELAY_MS = 300;

/** The last search of this browser session, or the empty one; a malformed value reads as empty. */
export async function loadSearch(area: KeyValueArea): Promise<SavedSearch> {
  const value = (await area.get(SEARCH_KEY).catch((): Record<string, unknown> => ({})))[SEARCH_KEY] as Partial<SavedSearch> | undefined;
  if (typeof value !== 'object' || value === null || typeof value.query !== 'string') return EMPTY_SEARCH;
  const filters = typeof value.filters === 'object' && value.filters !== null ? value.filters : {};
  return { query: value.query, filters, grouped: value.grouped === true };
}

/** Takes (reads and clears) a pending target written by the background for this window. */
export async function takePending(area: KeyValueArea, windowId: number | undefined): Promise<PanelTarget | undefined> {
  const value = (await area.get(PENDING_TARGET_KEY).catch((): Record<string, unknown> => ({})))[PENDING_TARGET_KEY];
  const target = acceptPending(value, windowId, Date.now());
  if (target) await area.remove(PENDING_TARGET_KEY).catch(() => {});
  return target;
}

/** The panel's browser side: session storage, clipboard, downloads, the active tab, incoming targets. */
export function panelServices(area: KeyValueArea, windowId: number | undefined): PanelServices {
  const tab = activeTabSource(windowId);
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  return {
    saveSearch(search) {
      clearTimeout(saveTimer);
      saveTimer = setTimeout(() => void area.set({ [SEARCH_KEY]: search }).catch(() => {}), SAVE_DELAY_MS);
    },
    copy: (text) => navigator.clipboard.writeText(text),
    download: (name, type, text) => downloadText(document, name, type, text),
    watchPage: (listener) => tab.watch(listener),
    revealMention: (index) => tab.reveal(index),
    watchTargets(listener) {
      const onMessage = listen<PanelApi, 'show'>(panelRequests, {
        show({ windowId: wanted, ...target }) {
          // Another window's panel was meant: stay silent so that one answers.
          if (wanted !== undefined && windowId !== undefined && wanted !== windowId) return undefined;
          listener(target);
          void area.remove(PENDING_TARGET_KEY).catch(() => {});
          return { shown: true };
        },
      });
      // A target written while this page was loading arrives as a storage change instead.
      const onStorage = (changes: Record<string, Browser.storage.StorageChange>) => {
        if (!(PENDING_TARGET_KEY in changes) || changes[PENDING_TARGET_KEY]?.newValue === undefined) return;
        void takePending(area, windowId).then((target) => target && listener(target));
      };
      browser.runtime.onMessage.addListener(onMessage);
      browser.storage.session?.onChanged.addListener(onStorage);
      return () => {
        browser.runtime.onMessage.removeListener(onMessage);
        browser.storage.session?.onChanged.removeListener(onStorage);
      };
    },
  };
}
