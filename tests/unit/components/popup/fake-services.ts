import type { PageSummary, TabInfo } from '../../../../components/popup/page-state.ts';
import type { PopupServices } from '../../../../components/popup/types.ts';
import { repair } from '../../../../lib/settings/migrations.ts';
import { defaultSettings, type Settings } from '../../../../lib/settings/schema.ts';
import { withSiteDisabled } from '../../../../lib/settings/sites.ts';

/** Popup services over plain memory: a tab, a page answer, settings with watchers; records what was called. */
export function fakePopupServices(options: { tab?: TabInfo | null; summary?: PageSummary; settings?: Partial<Settings> } = {}) {
  let settings: Settings = { ...defaultSettings(), ...options.settings };
  const watchers = new Set<(s: Settings) => void>();
  const calls: string[] = [];
  const store = (next: Settings) => {
    settings = repair(next);
    for (const watcher of watchers) watcher(settings);
    return Promise.resolve(settings);
  };
  const state = {
    tab: options.tab === undefined ? ({ id: 7, url: 'https://www.news.test/story', status: 'complete' } as TabInfo | null) : options.tab,
    summary: options.summary,
    get settings() {
      return settings;
    },
    calls,
  };
  const services: PopupServices = {
    targetTab: async () => state.tab,
    pageSummary: async () => state.summary,
    fileAccess: async () => false,
    reloadTab: (id) => void calls.push(`reload ${id}`),
    getSettings: async () => settings,
    watchSettings(onChange) {
      watchers.add(onChange);
      return () => watchers.delete(onChange);
    },
    updateSettings: (patch) => store({ ...settings, ...patch, categories: { ...settings.categories, ...patch.categories } }),
    setSiteDisabled: (host, off) => store({ ...settings, disabledSites: withSiteDisabled(settings.disabledSites, host, off) }),
    openPanel: () => void calls.push('openPanel'),
    openSettings: () => void calls.push('openSettings'),
  };
  return { services, state };
}
