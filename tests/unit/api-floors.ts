/**
 * The APIs the extension relies on with no fallback, each with the first
 * browser version that has it. `null`: not used in that browser (or not
 * there at all: Firefox for Android has no sidebar). `uses` is code that
 * relies on it, found somewhere in the runtime source, its styles or the
 * manifest config, so a row cannot outlive its use (wherever it moves).
 * The manifest's `minimum_chrome_version` and Firefox `strict_min_version`
 * for desktop and Android (wxt.config.ts) must be the highest floor here:
 * `min-versions.test.ts`.
 *
 * Source: `bcd` names the feature in MDN's browser-compat-data
 * (`@mdn/browser-compat-data`, the version in package.json), and
 * min-versions.test.ts holds every version here to that data, so none is
 * written from memory. Where the data's full support comes later than the
 * part we use, `partial` quotes the data's own note that sets our floor
 * (the test finds it there). The one API the data lacks, `offscreen`, cites
 * Chrome's extension reference in `source`.
 *
 * Feature-tested APIs with a fallback set no floor and are not listed:
 * `scheduler.yield` (a timeout), `caretPositionFromPoint` (WebKit's
 * `caretRangeFromPoint`), `action.openPopup` (the card points to the
 * toolbar button), IntersectionObserver v2 (the popup confirms),
 * `checkVisibility` (attribute rules only), `storage.session` (kept in
 * memory).
 */
export interface ApiFloor {
  api: string;
  chrome: number | null;
  firefox: number | null;
  /** Firefox for Android (`gecko_android` in the manifest). */
  android: number | null;
  uses: string;
  /** The feature's key in browser-compat-data. */
  bcd?: string;
  /** Where the data has no entry: the page that gives the version. */
  source?: string;
  /** The data's note that puts our floor inside a partial implementation, as the data words it. */
  partial?: string;
}

export const API_FLOORS: readonly ApiFloor[] = [
  { api: 'Custom Highlight API (CSS.highlights, Highlight)', chrome: 105, firefox: 140, android: 140, uses: 'CSS.highlights', bcd: 'api.HighlightRegistry' },
  {
    // The three categories differ by underline shape for colour-blind
    // readers, and the "underline" style is nothing but the line: before
    // 146 Firefox draws neither.
    api: '::highlight() with text-decoration',
    chrome: 105,
    firefox: 146,
    android: 146,
    uses: 'text-decoration: underline wavy',
    bcd: 'css.selectors.highlight',
    partial: 'Before Firefox 146, cannot be used with <code>text-decoration</code>.',
  },
  { api: 'sidePanel.open()', chrome: 116, firefox: null, android: null, uses: 'sidePanel.open(', bcd: 'webextensions.api.sidePanel.open' },
  { api: 'sidebarAction.open()', chrome: null, firefox: 57, android: null, uses: 'sidebarAction.open(', bcd: 'webextensions.api.sidebarAction.open' },
  { api: 'offscreen documents', chrome: 109, firefox: null, android: null, uses: 'offscreen', source: 'https://developer.chrome.com/docs/extensions/reference/api/offscreen (Chrome 109+)' },
  { api: 'Manifest V3', chrome: 88, firefox: 109, android: 109, uses: 'manifestVersion: 3', bcd: 'webextensions.manifest.manifest_version.v3' },
  { api: 'scripting.insertCSS()', chrome: 88, firefox: 102, android: 102, uses: 'scripting.insertCSS(', bcd: 'webextensions.api.scripting.insertCSS' },
  { api: 'gecko.data_collection_permissions', chrome: null, firefox: 140, android: 142, uses: 'data_collection_permissions', bcd: 'webextensions.manifest.browser_specific_settings.gecko.data_collection_permissions' },
  { api: 'Array.prototype.findLast', chrome: 97, firefox: 104, android: 104, uses: '.findLast(', bcd: 'javascript.builtins.Array.findLast' },
  { api: 'ShadowRoot.adoptedStyleSheets', chrome: 73, firefox: 101, android: 101, uses: 'adoptedStyleSheets', bcd: 'api.ShadowRoot.adoptedStyleSheets' },
  { api: 'CSSStyleSheet() constructor', chrome: 73, firefox: 101, android: 101, uses: 'new CSSStyleSheet(', bcd: 'api.CSSStyleSheet.CSSStyleSheet' },
  { api: 'StaticRange() constructor', chrome: 90, firefox: 71, android: 79, uses: 'StaticRange(', bcd: 'api.StaticRange.StaticRange' },
  { api: 'structuredClone', chrome: 98, firefox: 94, android: 94, uses: 'structuredClone(', bcd: 'api.structuredClone' },
  { api: 'private class methods', chrome: 84, firefox: 90, android: 90, uses: '#register()', bcd: 'javascript.classes.private_class_methods' },
  { api: 'color-mix()', chrome: 111, firefox: 113, android: 113, uses: 'color-mix(', bcd: 'css.types.color.color-mix' },
];
