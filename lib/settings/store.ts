/**
 * The settings as every context reads and changes them: the content script
 * (read and watch), the popup and the settings page (change), the background
 * (migrate on install). Stored under `settings` in `storage.sync` where the
 * browser syncs, else `storage.local` (see `lib/platform/synced-item.ts`),
 * always as a whole, current-version object; a stored value of any other age
 * or state is carried forward by `migrations.ts` when read.
 */
import { storedItem } from '../platform/stored-item.ts';
import { syncedItem, type AreaName } from '../platform/synced-item.ts';
import { migrateSettings, repair } from './migrations.ts';
import { defaultSettings, type Category, type Settings } from './schema.ts';
import { formatSiteList, importSiteList, withSiteDisabled, type SiteImport, type SiteListFormat } from './sites.ts';

export { isSiteDisabled, isActiveOn } from './sites.ts';

const settingsItem = syncedItem<unknown>('settings');
/** Version 0: the site list before there were settings (written by the first content script). */
const legacySites = storedItem<unknown>('local', 'disabledSites');

/** A change: any top-level field, and any subset of the categories. */
export type SettingsPatch = Partial<Omit<Settings, 'version' | 'categories'>> & { categories?: Partial<Record<Category, boolean>> };

export async function getSettings(): Promise<Settings> {
  return (await readStored()).settings;
}

async function readStored(): Promise<{ settings: Settings; raw: unknown; area: AreaName }> {
  const [{ area, value }, legacy] = await Promise.all([settingsItem.read(), legacySites.get()]);
  const raw = value ?? legacy;
  return { settings: raw === null ? defaultSettings() : migrateSettings(raw), raw, area };
}

/** Where the settings live on this device now: `sync` or, where the browser does not sync or refused a write, `local`. */
export async function settingsArea(): Promise<AreaName> {
  return (await settingsItem.read()).area;
}

/** Updates of this context, one after another: each one starts from what the previous one wrote. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Applies `patch` (or what `change` returns for the current settings) and
 * stores the result, repaired like any stored value, so a bad patch cannot
 * store a bad value. Resolves with what was stored. Open tabs see it through
 * `watchSettings` at once.
 */
export function updateSettings(patch: SettingsPatch | ((current: Settings) => SettingsPatch)): Promise<Settings> {
  const run = queue.then(async () => {
    const current = await getSettings();
    const change = typeof patch === 'function' ? patch(current) : patch;
    const next = repair({ ...current, ...change, categories: { ...current.categories, ...change.categories } });
    await settingsItem.write(next);
    await legacySites.remove();
    return next;
  });
  queue = run.catch(() => {});
  return run;
}

/** Calls `onChange` with the new settings whenever they change, in any context. Returns the function that stops it. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  let stopped = false;
  const unwatch = settingsItem.watch(() => {
    void getSettings().then((settings) => {
      if (!stopped) onChange(settings);
    });
  });
  return () => {
    stopped = true;
    unwatch();
  };
}

/** Turns Source Context off (`off`) or back on for `host`; see `withSiteDisabled` for what "back on" removes. */
export function setSiteDisabled(host: string, off: boolean): Promise<Settings> {
  return updateSettings((current) => ({ disabledSites: withSiteDisabled(current.disabledSites, host, off) }));
}

/** Adds the hosts in an imported file to the list and stores it; the result says what was added and which lines were refused. */
export async function importSites(text: string): Promise<SiteImport> {
  let result: SiteImport | undefined;
  await updateSettings((current) => {
    result = importSiteList(text, current.disabledSites);
    return { disabledSites: result.sites };
  });
  return result!;
}

export async function exportSites(format: SiteListFormat, heading?: string): Promise<string> {
  return formatSiteList((await getSettings()).disabledSites, format, heading);
}

/**
 * Writes the migrated settings back when the stored value is of an older
 * shape, and drops the v0 item. Reads migrate in memory anyway; the
 * background calls this on install and update so storage itself catches up
 * once, instead of every context repeating the work.
 */
export async function persistMigration(): Promise<boolean> {
  const { settings, raw } = await readStored();
  if (raw === null || JSON.stringify(raw) === JSON.stringify(settings)) return false;
  await settingsItem.write(settings);
  await legacySites.remove();
  return true;
}
