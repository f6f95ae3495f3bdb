import { browser } from 'wxt/browser';
import type { PopupServices } from '../../components/popup/types.ts';
import type { TabInfo } from '../../components/popup/page-state.ts';
import { client, contentReplies, type ContentApi } from '../../lib/messages.ts';
import { getSettings, setSiteDisabled, updateSettings, watchSettings } from '../../lib/settings/store.ts';
import { openPanel } from '../../lib/platform/side-panel.ts';

/**
 * The popup's services over the extension APIs.
 *
 * `tabId`: the tab the popup is about. Normally the active tab of the
 * popup's window; `popup.html?tab=<id>` names one instead. The end-to-end
 * tests need that (they open the popup page in a tab of its own, which then
 * is the active one), and so does anything that opens the popup page outside
 * the toolbar, where "the active tab" would be the popup itself.
 *
 * `windowId`: the popup's window, read before any click, because opening the
 * side panel must happen synchronously in the click.
 */
export function popupServices(tabId: number | undefined, windowId: number | undefined): PopupServices {
  return {
    async targetTab() {
      const tab =
        tabId !== undefined
          ? await browser.tabs.get(tabId).catch(() => undefined)
          : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
      if (tab?.id === undefined) return null;
      const info: TabInfo = { id: tab.id };
      if (tab.url) info.url = tab.url;
      if (tab.status) info.status = tab.status;
      return info;
    },
    pageSummary(id) {
      // Top frame only: the summary is the page's, and a frame must not answer for it.
      const call = client<ContentApi>((message) => browser.tabs.sendMessage(id, message, { frameId: 0 }), contentReplies);
      return call('pageSummary', {}).catch(() => undefined);
    },
    fileAccess: () => browser.extension.isAllowedFileSchemeAccess().catch(() => false),
    reloadTab(id) {
      void browser.tabs.reload(id).then(() => window.close());
    },
    getSettings,
    watchSettings,
    updateSettings,
    setSiteDisabled,
    openPanel() {
      // Closing the popup once the panel is open; a refusal already fell back to a tab (see openPanel).
      void openPanel(windowId).then(() => window.close(), () => {});
    },
    openSettings() {
      void browser.runtime.openOptionsPage().then(() => window.close());
    },
  };
}

/** The `?tab=` parameter, when it is a tab id. */
export function tabParam(search: string): number | undefined {
  const value = new URLSearchParams(search).get('tab');
  const id = value === null ? NaN : Number(value);
  return Number.isSafeInteger(id) && id >= 0 ? id : undefined;
}
