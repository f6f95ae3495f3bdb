import type { Settings } from '../../lib/settings/schema.ts';
import type { SettingsPatch } from '../../lib/settings/store.ts';
import type { PageSummary, TabInfo } from './page-state.ts';

/**
 * Everything the popup does outside itself, injected so the component runs
 * in tests without a browser; `entrypoints/popup/services.ts` binds it to
 * the extension APIs.
 */
export interface PopupServices {
  /** The tab the popup is about; null when it does not exist. */
  targetTab(): Promise<TabInfo | null>;
  /** The tab's content script's summary; undefined when nothing in the tab answers. */
  pageSummary(tabId: number): Promise<PageSummary | undefined>;
  /** Whether the reader allowed the extension on file:// pages. */
  fileAccess(): Promise<boolean>;
  reloadTab(tabId: number): void;
  getSettings(): Promise<Settings>;
  watchSettings(onChange: (settings: Settings) => void): () => void;
  updateSettings(patch: SettingsPatch): Promise<unknown>;
  setSiteDisabled(host: string, off: boolean): Promise<unknown>;
  /** Must be called synchronously from the click: browsers open a side panel only from a user gesture. */
  openPanel(): void;
  openSettings(): void;
}
