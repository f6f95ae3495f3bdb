import { browser, type Browser } from 'wxt/browser';
import { CATEGORIES, type Category } from '../../lib/detect/types.ts';
import type { ContentApi, PageMention } from '../../lib/messages.ts';
import { parsePanelRequest } from '../../lib/messages.ts';
import type { PageState } from '../../components/panel/types.ts';

/**
 * The active tab of the panel's window, as "On this page" needs it: its
 * mentions (asked from its content script, top frame only), re-read when the
 * reader switches tabs, when a page finishes loading, and when the content
 * script says its mentions changed. No "tabs" permission is needed: the tab
 * id is all we use.
 */
export interface ActiveTabSource {
  watch(listener: (state: PageState) => void): () => void;
  reveal(index: number): Promise<boolean>;
}

/** The content script's listing, checked: a reply is input like any other. */
function parseListing(value: unknown): Extract<PageState, { status: 'ready' }> | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { url, title, mentions, total } = value as Partial<ContentApi['listMentions']['result']>;
  if (typeof url !== 'string' || typeof title !== 'string' || !Array.isArray(mentions)) return undefined;
  const valid = mentions.filter(
    (m: Partial<PageMention>): m is PageMention =>
      typeof m === 'object' &&
      m !== null &&
      Number.isSafeInteger(m.index) &&
      CATEGORIES.includes(m.category as Category) &&
      typeof m.text === 'string' &&
      typeof m.sentence === 'string',
  );
  return { status: 'ready', url, title, mentions: valid, total: typeof total === 'number' ? total : valid.length };
}

export function activeTabSource(windowId: number | undefined): ActiveTabSource {
  let tabId: number | undefined;
  const query = windowId === undefined ? { active: true, currentWindow: true } : { active: true, windowId };

  return {
    watch(listener) {
      let ticket = 0;
      const refresh = async () => {
        const mine = ++ticket;
        const [tab] = await browser.tabs.query(query);
        if (mine !== ticket) return;
        tabId = tab?.id;
        if (tabId === undefined) return listener({ status: 'unavailable', reason: 'no-tab' });
        let answer: unknown;
        try {
          answer = await browser.tabs.sendMessage(tabId, { method: 'listMentions', params: {} }, { frameId: 0 });
        } catch {
          answer = undefined;
        }
        // A slower answer for a tab the reader has already left is dropped.
        if (mine !== ticket) return;
        listener(parseListing(answer) ?? { status: 'unavailable', reason: 'no-script' });
      };

      const onActivated = (info: Browser.tabs.OnActivatedInfo) => {
        if (windowId === undefined || info.windowId === windowId) void refresh();
      };
      const onUpdated = (id: number, change: Browser.tabs.OnUpdatedInfo) => {
        if (id !== tabId) return;
        if (change.status === 'loading' && change.url) {
          ticket++;
          listener({ status: 'loading' });
        } else if (change.status === 'complete') void refresh();
      };
      const onMessage = (message: unknown, sender: Browser.runtime.MessageSender) => {
        const request = parsePanelRequest(message);
        if (!(request instanceof Error) && request.method === 'mentionsChanged' && sender.tab?.id === tabId && sender.frameId === 0) void refresh();
        return undefined;
      };
      browser.tabs.onActivated.addListener(onActivated);
      browser.tabs.onUpdated.addListener(onUpdated);
      browser.runtime.onMessage.addListener(onMessage);
      void refresh();
      return () => {
        ticket++;
        browser.tabs.onActivated.removeListener(onActivated);
        browser.tabs.onUpdated.removeListener(onUpdated);
        browser.runtime.onMessage.removeListener(onMessage);
      };
    },

    async reveal(index) {
      if (tabId === undefined) return false;
      try {
        const answer = (await browser.tabs.sendMessage(tabId, { method: 'revealMention', params: { index } }, { frameId: 0 })) as
          | ContentApi['revealMention']['result']
          | undefined;
        return answer?.ok === true;
      } catch {
        return false;
      }
    },
  };
}
