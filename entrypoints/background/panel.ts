import { browser, type Browser } from 'wxt/browser';
import { parseOpenPanelRequest, type PanelApi, type PanelOpenerApi, type Reply } from '../../lib/messages.ts';
import { PANEL_PAGE, PENDING_TARGET_KEY, panelHash, parsePanelHash, type PendingTarget } from '../../lib/panel-link.ts';
import { sessionArea } from '../../lib/platform/session-area.ts';

/**
 * Opening the side panel (Chrome) / sidebar (Firefox) from the background:
 * the context menu "Search Source Context for '…'", the `open-panel`
 * keyboard command, and `openPanel` requests from the hover card. The two
 * browsers differ only in `openSidebar` below.
 */

export const SEARCH_MENU_ID = 'source-context-search';

type SidebarApis = {
  sidePanel?: { open(options: { windowId: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
};

/**
 * Opens the panel in a window. Both browsers allow it only in response to a
 * user action (a click in the card, a menu item, a shortcut) and only if it
 * is the first thing the handler does: no `await` may come before this call.
 */
function openSidebar(windowId: number | undefined): Promise<void> {
  const apis = browser as unknown as SidebarApis;
  if (apis.sidePanel) return apis.sidePanel.open({ windowId: windowId ?? browser.windows.WINDOW_ID_CURRENT });
  if (apis.sidebarAction) return apis.sidebarAction.open();
  return Promise.reject(new Error('this browser has no side panel'));
}

/**
 * Opens the panel at `hash` (`panelHash({ read, query })`, or "" for its
 * last state) in `windowId` (the current window when absent). Call it
 * synchronously from the user's gesture: the toolbar popup's button, a menu
 * click. Where the browser refuses (no gesture: Firefox does not count a
 * click in a content script), an already open panel is told where to go,
 * and otherwise the panel page opens in a tab, at the same place.
 */
export async function openPanel(windowId?: number, hash = ''): Promise<'panel' | 'tab'> {
  const opening = openSidebar(windowId).then(
    () => true,
    () => false,
  );
  const target = parsePanelHash(hash);
  if (target.read || target.query) {
    const pending: PendingTarget = { ...target, at: Date.now(), ...(windowId !== undefined ? { windowId } : {}) };
    await sessionArea(browser.storage).set({ [PENDING_TARGET_KEY]: pending });
  }
  const opened = await opening;
  const show: { method: 'show'; params: PanelApi['show']['params'] } = { method: 'show', params: { ...target, ...(windowId !== undefined ? { windowId } : {}) } };
  // An open panel answers at once; one still loading takes the pending target instead.
  const reply = (await browser.runtime.sendMessage(show).catch(() => undefined)) as Reply<PanelApi['show']['result']> | undefined;
  if (opened || (reply?.ok && reply.result.shown)) return 'panel';
  await browser.tabs.create({ url: browser.runtime.getURL(PANEL_PAGE) + hash, ...(windowId !== undefined ? { windowId } : {}) });
  return 'tab';
}

/** Registers the panel's menu item and command. Call once, at the top of the background. */
export function setupPanel(): void {
  const createMenu = () =>
    void browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({ id: SEARCH_MENU_ID, title: browser.i18n.getMessage('contextMenu_search'), contexts: ['selection'] }),
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

/** Answers an `openPanel` request (routed here by the background's one message listener). */
export function answerOpenPanel(message: unknown, sender: Browser.runtime.MessageSender): Promise<Reply<PanelOpenerApi['openPanel']['result']>> {
  const request = parseOpenPanelRequest(message);
  if (request instanceof Error) return Promise.resolve({ ok: false, error: request.message });
  return openPanel(sender.tab?.windowId, panelHash(request.params)).then(
    (opened): Reply<PanelOpenerApi['openPanel']['result']> => ({ ok: true, result: { opened } }),
    (error: unknown): Reply<never> => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
}
