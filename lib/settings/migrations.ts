/**
 * Carries any stored settings value, of any age or state, to the current
 * shape. Pure and total: whatever storage holds (an older version, a value
 * another build wrote, a hand-edited or truncated item, garbage), the result
 * is valid Settings and nothing throws, because a settings bug must never
 * stop the content script from running.
 *
 * Stored shapes so far:
 * - v0: no settings item; the only state was the `local:disabledSites` item,
 *   a string[] of host names (what the first content script
 *   wrote). The store passes that array here when `settings` is absent.
 * - v1: {@link Settings} without `highlightDensity`: every mention was
 *   highlighted, not by the reader's choice (there was none), so v1 values
 *   take the default like new installs.
 * - v2: {@link Settings}.
 *
 * To change the shape: bump SETTINGS_VERSION, add a step from the previous
 * version to STEPS, and a test with a value of the old shape.
 */
import { CATEGORIES, HIGHLIGHT_DENSITIES, HIGHLIGHT_STYLES, OPEN_ON, SETTINGS_VERSION, clampHoverDelay, defaultSettings, type Settings } from './schema.ts';
import { normalizeHost, tidySites } from './sites.ts';

type Raw = Record<string, unknown>;

/** STEPS[n] turns a version-n value into a version-(n+1) one; later steps and `repair` tidy what it leaves. */
const STEPS: Record<number, (value: unknown) => Raw> = {
  0: (sites) => ({ version: 1, disabledSites: sites }),
  1: (value) => ({ ...(isRecord(value) ? value : {}), version: 2 }),
};

/** The version of a stored value: an array is v0; an object says its own (a missing one means it predates nothing, so current). */
export function storedVersion(value: unknown): number {
  if (Array.isArray(value)) return 0;
  const version = isRecord(value) ? value.version : undefined;
  return Number.isSafeInteger(version) && (version as number) >= 0 ? (version as number) : SETTINGS_VERSION;
}

export function migrateSettings(stored: unknown): Settings {
  let value: unknown = stored;
  for (let version = storedVersion(stored); version < SETTINGS_VERSION; version++) {
    const step = STEPS[version];
    value = step ? step(value) : value;
  }
  // A newer build's value (after a downgrade) keeps the fields this one knows.
  return repair(value);
}

/** Keeps every valid field of `value` and replaces the rest with defaults. */
export function repair(value: unknown): Settings {
  const settings = defaultSettings();
  if (!isRecord(value)) return settings;
  if (isRecord(value.categories)) {
    for (const category of CATEGORIES) {
      const on = value.categories[category];
      if (typeof on === 'boolean') settings.categories[category] = on;
    }
  }
  if (HIGHLIGHT_STYLES.includes(value.highlightStyle as never)) settings.highlightStyle = value.highlightStyle as Settings['highlightStyle'];
  if (HIGHLIGHT_DENSITIES.includes(value.highlightDensity as never)) settings.highlightDensity = value.highlightDensity as Settings['highlightDensity'];
  if (value.hoverDelayMs !== undefined) settings.hoverDelayMs = clampHoverDelay(value.hoverDelayMs);
  if (OPEN_ON.includes(value.openOn as never)) settings.openOn = value.openOn as Settings['openOn'];
  if (typeof value.paused === 'boolean') settings.paused = value.paused;
  if (Array.isArray(value.disabledSites)) {
    const hosts = value.disabledSites.map((site) => (typeof site === 'string' ? normalizeHost(site) : undefined));
    settings.disabledSites = tidySites(hosts.filter((host): host is string => host !== undefined));
  }
  return settings;
}

function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
