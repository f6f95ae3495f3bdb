import type { AreaName } from '../../lib/platform/synced-item.ts';
import type { Settings } from '../../lib/settings/schema.ts';
import type { SiteImport, SiteListFormat } from '../../lib/settings/sites.ts';
import type { SettingsPatch } from '../../lib/settings/store.ts';

/** What the settings page does outside itself; `entrypoints/options/main.tsx` binds it to the store and the browser. */
export interface SettingsServices {
  watchSettings(onChange: (settings: Settings) => void): () => void;
  updateSettings(patch: SettingsPatch | ((current: Settings) => SettingsPatch)): Promise<Settings>;
  importSites(text: string): Promise<SiteImport>;
  exportSites(format: SiteListFormat, heading: string): Promise<string>;
  /** Where the settings are stored, for the note under the heading. */
  settingsArea(): Promise<AreaName>;
  /** Saves `text` as a file the reader downloads. */
  download(name: string, type: string, text: string): void;
}
