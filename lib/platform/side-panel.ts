import { browser } from 'wxt/browser';
import { client, type PanelApi } from '../messages.ts';
import { PANEL_PAGE, PENDING_TARGET_KEY, parsePanelHash, type PendingTarget } from '../panel-link.ts';
import { sessionArea } from './session-area.ts';

/**
 * The researchers' panel is Chrome's side panel and Firefox's sidebar: the
 * biggest difference between the two browsers, and the only code that knows
 * it. Used by the background (menu, shortcut, the card's "Read in source")
 * and the toolbar popup's button.
 */

const panelCall = client<PanelApi>((message) => browser.runtime.sendMessage(message));

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
  // An open panel answers at once; one still loading takes the pending target instead.
  const shown = await panelCall('show', { ...target, ...(windowId !== undefined ? { windowId } : {}) }).then(
    (result) => result.shown,
    () => false,
  );
  if (opened || shown) return 'panel';
  await browser.tabs.create({ url: browser.runtime.getURL(PANEL_PAGE) + hash, ...(windowId !== undefined ? { windowId } : {}) });
  return 'tab';
}

