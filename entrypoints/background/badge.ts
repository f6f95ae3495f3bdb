import { browser, type Browser } from 'wxt/browser';

/** The card's accent blue (`--sc-accent` in components/ui/tokens.css): white text on it is 8.3:1. */
const BADGE_COLOR = '#1f4e8c';

/** Badge text for a count: nothing for none, and at most four characters (the badge shows no more). */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 999 ? '999+' : String(count);
}

/**
 * The toolbar badge: how many mentions the current page highlights. Each
 * tab's content script reports its own count (`mentionCount`, routed here by
 * the background's one message listener); the badge is set for that tab
 * only, so switching tabs shows each page's number. Cleared when a tab
 * starts loading a new page, so a number never outlives its page. Call once,
 * at the top of the background.
 */
export function setupBadge(): void {
  void browser.action.setBadgeBackgroundColor({ color: BADGE_COLOR });
  // Firefox picks a text colour that may clash with the background; Chrome has this from 110.
  void browser.action.setBadgeTextColor?.({ color: '#ffffff' })?.catch(() => {});

  browser.tabs.onUpdated.addListener((tabId: number, change: Browser.tabs.OnUpdatedInfo) => {
    if (change.status === 'loading') void browser.action.setBadgeText({ tabId, text: '' }).catch(() => {});
  });
}

/** Sets the sender tab's badge from its `mentionCount` report (checked by the background's listener). */
export function reportMentionCount(count: number, sender: Browser.runtime.MessageSender): void {
  // Only the top frame's count is shown: the badge speaks for the page the reader sees, not each embedded frame.
  if (sender.tab?.id === undefined || sender.frameId !== 0) return;
  void browser.action.setBadgeText({ tabId: sender.tab.id, text: badgeText(count) }).catch(() => {});
}
