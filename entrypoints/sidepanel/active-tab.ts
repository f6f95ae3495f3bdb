import { browser, type Browser } from 'wxt/browser';
import { client, contentReplies, listen, panelRequests, type ContentApi, type PanelApi } from '../../lib/messages.ts';
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

export function activeTabSource(windowId: number | undefined): ActiveTabSource {
  let tabId: number | undefined;
  /** Asks the top frame of the tab: "On this page" is about the page, not its embedded frames. */
  const ask = (id: number) => client<ContentApi>((message) => browser.tabs.sendMessage(id, message, { frameId: 0 }), contentReplies);
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
        const listing = await ask(tabId)('listMentions', {}).catch(() => undefined);
        // A slower answer for a tab the reader has already left is dropped.
        if (mine !== ticket) return;
        listener(listing ? { status: 'ready', ...listing } : { status: 'unavailable', reason: 'no-script' });
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
      const onMessage = listen<PanelApi, 'mentionsChanged', Browser.runtime.MessageSender>(panelRequests, {
        mentionsChanged(_, sender) {
          if (sender.tab?.id === tabId && sender.frameId === 0) void refresh();
        },
      });
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
      return ask(tabId)('revealMention', { index }).then(
        (result) => result.ok === true,
        () => false,
      );
    },
  };
}
