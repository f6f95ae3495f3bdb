/**
 * Pages where browsers do not run extension content scripts, by address.
 * The popup asks the page's content script first and consults this only
 * when no answer comes, to say why; so a list entry that one browser does
 * allow (Chrome runs on addons.mozilla.org) costs nothing there.
 */

export type CannotRunReason = 'browser-page' | 'store' | 'pdf' | 'file' | 'not-loaded' | 'no-access';

/** Schemes of the browser's own pages, extension pages, source views and inline documents. */
const BROWSER_SCHEMES = new Set([
  'about:', 'chrome:', 'chrome-extension:', 'chrome-search:', 'chrome-untrusted:', 'devtools:', 'edge:', 'brave:', 'opera:', 'vivaldi:',
  'moz-extension:', 'resource:', 'view-source:', 'data:', 'blob:', 'javascript:',
]);

/**
 * Add-on stores: Chrome Web Store (new and old address), Edge Add-ons, and
 * Firefox's `extensions.webextensions.restrictedDomains` default (AMO and
 * Mozilla's account and support hosts).
 */
const STORE_HOSTS = new Set([
  'chromewebstore.google.com', 'microsoftedge.microsoft.com',
  'addons.mozilla.org', 'discovery.addons.mozilla.org', 'addons.cdn.mozilla.net', 'accounts.firefox.com', 'api.accounts.firefox.com',
  'oauth.accounts.firefox.com', 'profile.accounts.firefox.com', 'accounts-static.cdn.mozilla.net', 'content.cdn.mozilla.net',
  'install.mozilla.org', 'support.mozilla.org', 'sync.services.mozilla.com',
]);

/**
 * Why the content script did not answer in a tab at `url` (undefined when
 * the browser hides the address). `fileAccess`: whether the reader allowed
 * the extension on file:// pages (Chrome's `isAllowedFileSchemeAccess`).
 */
export function cannotRunReason(url: string | undefined, fileAccess: boolean): CannotRunReason {
  if (!url) return 'no-access';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'no-access';
  }
  if (BROWSER_SCHEMES.has(parsed.protocol)) return 'browser-page';
  if (STORE_HOSTS.has(parsed.hostname) || (parsed.hostname === 'chrome.google.com' && parsed.pathname.startsWith('/webstore'))) return 'store';
  if (/\.pdf$/i.test(parsed.pathname)) return 'pdf';
  if (parsed.protocol === 'file:') return fileAccess ? 'not-loaded' : 'file';
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return 'not-loaded';
  return 'no-access';
}

/** The host the site switch acts on: web pages only (a file or browser page has no site to turn off). */
export function siteHost(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname ? parsed.hostname : undefined;
  } catch {
    return undefined;
  }
}
