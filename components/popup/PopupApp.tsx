import { useEffect, useState } from 'preact/hooks';
import type { Category } from '../../lib/vocabulary/categories.ts';
import { t } from '../../lib/i18n.ts';
import type { Settings } from '../../lib/settings/schema.ts';
import { isSiteDisabled, withSiteDisabled } from '../../lib/settings/sites.ts';
import { Switch } from '../ui/Switch.tsx';
import { CategoryCounts } from './CategoryCounts.tsx';
import { PageNotice } from './PageNotice.tsx';
import { pageHost, pageState, type SummaryAnswer, type TabInfo } from './page-state.ts';
import type { PopupServices } from './types.ts';

/** How often the popup asks the page again while open: counts follow a page that is still loading or changing, and a site switched back on shows its counts as soon as they exist. */
export const REFRESH_MS = 1000;

export interface PopupAppProps {
  services: PopupServices;
  /** The settings read before the first render, so the switches never flash their defaults. */
  initialSettings: Settings;
}

/**
 * The toolbar popup: what this page holds per category, the switches that
 * change it (categories, this site, pause everywhere), and the way to the
 * side panel and the settings. Every switch writes the settings store, and
 * the tab's content script applies the change at once; the popup itself
 * only reflects what the store and the page report.
 */
export function PopupApp({ services, initialSettings }: PopupAppProps) {
  const [settings, setSettings] = useState(initialSettings);
  const [tab, setTab] = useState<TabInfo | null | undefined>(undefined);
  const [answer, setAnswer] = useState<SummaryAnswer>({ kind: 'pending' });
  const [fileAccess, setFileAccess] = useState(false);
  const [error, setError] = useState<string | undefined>();

  useEffect(() => services.watchSettings(setSettings), [services]);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    void services.fileAccess().then((allowed) => live && setFileAccess(allowed));
    const refresh = async () => {
      const current = await services.targetTab().catch(() => null);
      const summary = current ? await services.pageSummary(current.id).catch(() => undefined) : undefined;
      if (!live) return;
      setTab(current);
      setAnswer(summary ? { kind: 'answer', ...summary } : { kind: 'none' });
      timer = setTimeout(() => void refresh(), REFRESH_MS);
    };
    void refresh();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [services]);

  const save = (write: Promise<unknown>) => {
    setError(undefined);
    write.catch((e: unknown) => setError(t('common_saveFailed', e instanceof Error ? e.message : String(e))));
  };
  const toggleCategory = (category: Category, on: boolean) => {
    setSettings((s) => ({ ...s, categories: { ...s.categories, [category]: on } }));
    save(services.updateSettings({ categories: { [category]: on } }));
  };

  const host = pageHost(tab, answer);
  const state = pageState(tab, answer, settings, fileAccess);
  const siteOn = host !== undefined && !isSiteDisabled(settings, host);
  // A store page or a PDF has a host, but no switch there can change anything.
  const siteSwitch = host !== undefined && state.kind !== 'cannot-run';

  return (
    <div class="sc-popup">
      <header class="sc-popup-header">
        <div class="sc-popup-header__titles">
          <h1 class="sc-popup-title">{t('extName')}</h1>
          {host && (
            <p class="sc-popup-host" title={host}>
              {host}
            </p>
          )}
        </div>
        <button type="button" class="sc-button sc-button--quiet" onClick={() => services.openSettings()}>
          {t('popup_settings')}
        </button>
      </header>

      <main class="sc-popup-main">
        {state.kind === 'counts' ? (
          <CategoryCounts counts={state.counts} total={state.total} shown={settings.categories} onToggle={toggleCategory} />
        ) : (
          <>
            <PageNotice state={state} onReload={() => tab && services.reloadTab(tab.id)} />
            {(state.kind === 'paused' || state.kind === 'site-off') && (
              <CategoryCounts shown={settings.categories} onToggle={toggleCategory} />
            )}
          </>
        )}

        <section class="sc-popup-section sc-popup-switches">
          {siteSwitch && (
            <Switch
              name="site"
              checked={siteOn}
              onChange={(on) => {
                setSettings((s) => ({ ...s, disabledSites: withSiteDisabled(s.disabledSites, host, !on) }));
                save(services.setSiteDisabled(host, !on));
              }}
            >
              {t('popup_siteSwitch', host)}
            </Switch>
          )}
          <Switch
            name="pause"
            checked={settings.paused}
            onChange={(paused) => {
              setSettings((s) => ({ ...s, paused }));
              save(services.updateSettings({ paused }));
            }}
          >
            {t('popup_pause')}
          </Switch>
        </section>
        {error && (
          <p class="sc-popup-error" role="alert">
            {error}
          </p>
        )}
      </main>

      <footer class="sc-popup-footer">
        <button type="button" class="sc-button sc-button--primary sc-popup-open-panel" onClick={() => services.openPanel()}>
          {t('popup_openPanel')}
        </button>
      </footer>
    </div>
  );
}
