/**
 * The APIs the extension relies on with no fallback, each with the first
 * browser version that has it (MDN's browser-compat-data; Chrome's extension
 * reference for `chrome.*`). `null`: not used in that browser. `uses` is
 * code that relies on it, found somewhere in the runtime source or the
 * manifest config, so a row cannot outlive its use (wherever it moves).
 * The manifest's `minimum_chrome_version` and Firefox `strict_min_version`
 * (wxt.config.ts) must be the highest floor here: `min-versions.test.ts`.
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
  uses: string;
}

export const API_FLOORS: readonly ApiFloor[] = [
  { api: 'Custom Highlight API (CSS.highlights, Highlight, ::highlight)', chrome: 105, firefox: 140, uses: 'CSS.highlights' },
  { api: 'sidePanel.open()', chrome: 116, firefox: null, uses: 'sidePanel.open(' },
  { api: 'sidebarAction.open()', chrome: null, firefox: 57, uses: 'sidebarAction.open(' },
  { api: 'offscreen documents', chrome: 109, firefox: null, uses: 'offscreen' },
  { api: 'Manifest V3', chrome: 88, firefox: 109, uses: 'manifestVersion: 3' },
  { api: 'gecko.data_collection_permissions', chrome: null, firefox: 140, uses: 'data_collection_permissions' },
  { api: 'Array.prototype.findLast', chrome: 97, firefox: 104, uses: '.findLast(' },
  { api: 'ShadowRoot.adoptedStyleSheets', chrome: 73, firefox: 101, uses: 'adoptedStyleSheets' },
  { api: 'StaticRange() constructor', chrome: 90, firefox: 71, uses: 'StaticRange(' },
  { api: 'structuredClone', chrome: 98, firefox: 94, uses: 'structuredClone(' },
  { api: 'private class methods', chrome: 84, firefox: 90, uses: '#register()' },
];
