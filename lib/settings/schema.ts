/**
 * What a reader can set, its defaults and its limits. Everything else in
 * `lib/settings` works from these: the migrations repair stored values into
 * this shape, the store keeps it, and the content script, popup and settings
 * page read it. Plain data, no browser APIs, so the rules are testable alone.
 */
import { CATEGORIES, type Category } from '../vocabulary/categories.ts';

/** Bumped whenever the stored shape changes; `migrations.ts` carries older shapes up to it. */
export const SETTINGS_VERSION = 2;

export const HIGHLIGHT_STYLES = ['background', 'underline'] as const;
/** `background`: tinted fill plus the category's underline (the original look); `underline`: the underline alone, for readers who find fills noisy. */
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];

export const HIGHLIGHT_DENSITIES = ['first', 'every'] as const;
/**
 * `first`: the first mention of each term in each paragraph (a page naming
 * Huawei forty times is not painted forty times, and every paragraph still
 * has its card); `every`: every mention.
 */
export type HighlightDensity = (typeof HIGHLIGHT_DENSITIES)[number];

export const OPEN_ON = ['hover', 'click'] as const;
/** `hover`: the card opens after the pointer rests on a mention; `click`: only a click or the keyboard command opens it. */
export type OpenOn = (typeof OPEN_ON)[number];

/** Shortest and longest hover delay: below 100 ms cards flash open as the pointer passes; above 2 s hovering no longer feels connected. */
export const HOVER_DELAY_MIN_MS = 100;
export const HOVER_DELAY_MAX_MS = 2000;

/** Most sites the list keeps: enough for any reader, and it keeps the item well inside `storage.sync`'s 8 KB per-item quota in the common case. */
export const MAX_DISABLED_SITES = 300;

export interface Settings {
  version: typeof SETTINGS_VERSION;
  /** Which categories are highlighted; a category that is off is neither shown nor hoverable. */
  categories: Record<Category, boolean>;
  highlightStyle: HighlightStyle;
  highlightDensity: HighlightDensity;
  /** How long the pointer rests on a mention before its card opens, in ms (clamped to the limits above). */
  hoverDelayMs: number;
  openOn: OpenOn;
  /** Global pause: no highlights anywhere until it is lifted. */
  paused: boolean;
  /**
   * Host names where Source Context is off: lowercase, punycode, no port, as
   * `location.hostname` gives them, sorted. An entry also covers its
   * subdomains ("example.com" covers "www.example.com"); see `sites.ts`.
   */
  disabledSites: string[];
}

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  version: SETTINGS_VERSION,
  categories: Object.freeze({ huawei: true, sanctions: true, 'no-spy': true }),
  highlightStyle: 'background',
  highlightDensity: 'first',
  hoverDelayMs: 300,
  openOn: 'hover',
  paused: false,
  disabledSites: Object.freeze([]) as unknown as string[],
}) as Settings;

/** A fresh, mutable copy of the defaults. */
export function defaultSettings(): Settings {
  return { ...DEFAULT_SETTINGS, categories: { ...DEFAULT_SETTINGS.categories }, disabledSites: [] };
}

/** Rounds and clamps a hover delay; anything that is not a finite number becomes the default. */
export function clampHoverDelay(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return DEFAULT_SETTINGS.hoverDelayMs;
  return Math.min(HOVER_DELAY_MAX_MS, Math.max(HOVER_DELAY_MIN_MS, Math.round(value)));
}

export { CATEGORIES, type Category };
