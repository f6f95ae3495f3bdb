import { browser, type Browser } from 'wxt/browser';
import { t } from '../../lib/i18n.ts';
import type { BackgroundApi, PanelTarget } from '../../lib/messages.ts';
import { panelHash } from '../../lib/panel-link.ts';
import { openPanel } from '../../lib/platform/side-panel.ts';

/**
 * Opening the side panel (Chrome) / sidebar (Firefox) from the background:
 * the context menu "Search Source Context for '…'", the `open-panel`
 * keyboard command, and `openPanel` requests from the hover card. How the
 * two browsers open it lives in `lib/platform/side-panel.ts`.
 */

export const SEARCH_MENU_ID = 'source-context-search';

/** Registers the panel's menu item and command. Call once, at the top of the background. */
export function setupPanel(): void {
  const createMenu = () =>
    void browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({ id: SEARCH_MENU_ID, title: t('contextMenu_search'), contexts: ['selection'] }),
    );
  // Menu items persist across restarts in Chrome but not always in Firefox's event pages; recreating is idempotent.
  browser.runtime.onInstalled.addListener(createMenu);
  browser.runtime.onStartup.addListener(createMenu);

  browser.contextMenus.onClicked.addListener((info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab) => {
    if (info.menuItemId !== SEARCH_MENU_ID || !info.selectionText) return;
    void openPanel(tab?.windowId, panelHash({ query: info.selectionText.trim() }));
  });

  browser.commands.onCommand.addListener((name: string, tab?: Browser.tabs.Tab) => {
    if (name === 'open-panel') void openPanel(tab?.windowId);
  });
}

/** Does an `openPanel` request (the card's "Read in source"): in the sender tab's window. */
export async function openPanelFor(sender: Browser.runtime.MessageSender, target: PanelTarget): Promise<BackgroundApi['openPanel']['result']> {
  return { opened: await openPanel(sender.tab?.windowId, panelHash(target)) };
}
