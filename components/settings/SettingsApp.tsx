import { useEffect, useState } from 'preact/hooks';
import { CATEGORIES } from '../../lib/detect/types.ts';
import { t } from '../../lib/i18n.ts';
import type { AreaName } from '../../lib/platform/synced-item.ts';
import type { Settings } from '../../lib/settings/schema.ts';
import type { SettingsPatch } from '../../lib/settings/store.ts';
import { Switch } from '../ui/Switch.tsx';
import { Swatch } from '../ui/Swatch.tsx';
import { CATEGORY_KEYS } from '../ui/labels.ts';
import { ChoiceGroup } from './ChoiceGroup.tsx';
import { HoverDelay } from './HoverDelay.tsx';
import { SiteListEditor } from './SiteListEditor.tsx';
import type { SettingsServices } from './types.ts';

export interface SettingsAppProps {
  services: SettingsServices;
  initialSettings: Settings;
}

/**
 * The settings page. Every control writes the store as it changes (no Save
 * button): open tabs apply each change at once, and the page shows what is
 * stored, so a change made in the popup meanwhile appears here too.
 */
export function SettingsApp({ services, initialSettings }: SettingsAppProps) {
  const [settings, setSettings] = useState(initialSettings);
  const [area, setArea] = useState<AreaName | undefined>();
  const [error, setError] = useState<string | undefined>();

  useEffect(() => services.watchSettings(setSettings), [services]);
  useEffect(() => {
    void services.settingsArea().then(setArea, () => {});
  }, [services, settings]);

  const fail = (message: string) => setError(t('common_saveFailed', message));
  const update = (patch: SettingsPatch) => {
    setError(undefined);
    // Shown at once; the store's answer (through watchSettings) has the last word.
    setSettings((s) => ({ ...s, ...patch, categories: { ...s.categories, ...patch.categories } }));
    services.updateSettings(patch).catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
  };

  return (
    <main class="st">
      <header class="st-header">
        <h1 class="st-title">{t('settings_title')}</h1>
        <p class="st-intro">
          {t('settings_intro')} {area && <span class="sc-muted">{t(area === 'sync' ? 'settings_syncNote' : 'settings_localNote')}</span>}
        </p>
      </header>

      {error && (
        <p class="st-error" role="alert">
          {error}
        </p>
      )}

      <section class="st-section" aria-labelledby="st-categories">
        <h2 id="st-categories" class="st-section__title">
          {t('settings_categoriesHeading')}
        </h2>
        <div class="st-rows">
          {CATEGORIES.map((category) => (
            <Switch
              key={category}
              name={`category-${category}`}
              checked={settings.categories[category]}
              onChange={(on) => update({ categories: { [category]: on } })}
            >
              <span class="st-cat">
                <Swatch category={category} />
                {t(CATEGORY_KEYS[category])}
              </span>
            </Switch>
          ))}
        </div>
        <p class="st-hint">{t('settings_categoriesHint')}</p>
      </section>

      <section class="st-section" aria-labelledby="st-style">
        <h2 id="st-style" class="st-section__title">
          {t('settings_styleHeading')}
        </h2>
        <ChoiceGroup
          name="highlightStyle"
          legend={t('settings_styleHeading')}
          value={settings.highlightStyle}
          options={[
            { value: 'background', label: t('settings_style_background') },
            { value: 'underline', label: t('settings_style_underline') },
          ]}
          onChange={(highlightStyle) => update({ highlightStyle })}
        />
        <p class={`st-preview st-preview--${settings.highlightStyle}`} aria-hidden="true">
          {CATEGORIES.map((category) => (
            <span key={category} class={`st-preview__mark st-preview__mark--${category}`}>
              {t(CATEGORY_KEYS[category])}
            </span>
          ))}
        </p>
      </section>

      <section class="st-section" aria-labelledby="st-density">
        <h2 id="st-density" class="st-section__title">
          {t('settings_densityHeading')}
        </h2>
        <ChoiceGroup
          name="highlightDensity"
          legend={t('settings_densityHeading')}
          value={settings.highlightDensity}
          options={[
            { value: 'first', label: t('settings_density_first') },
            { value: 'every', label: t('settings_density_every') },
          ]}
          onChange={(highlightDensity) => update({ highlightDensity })}
        />
        <p class="st-hint">{t('settings_densityHint')}</p>
      </section>

      <section class="st-section" aria-labelledby="st-card">
        <h2 id="st-card" class="st-section__title">
          {t('settings_cardHeading')}
        </h2>
        <ChoiceGroup
          name="openOn"
          legend={t('settings_cardHeading')}
          value={settings.openOn}
          options={[
            { value: 'hover', label: t('settings_openOn_hover') },
            { value: 'click', label: t('settings_openOn_click') },
          ]}
          onChange={(openOn) => update({ openOn })}
        />
        <HoverDelay value={settings.hoverDelayMs} disabled={settings.openOn !== 'hover'} onCommit={(hoverDelayMs) => update({ hoverDelayMs })} />
      </section>

      <section class="st-section" aria-labelledby="st-pause">
        <h2 id="st-pause" class="st-section__title">
          {t('settings_pauseHeading')}
        </h2>
        <Switch name="pause" checked={settings.paused} onChange={(paused) => update({ paused })}>
          {t('popup_pause')}
        </Switch>
      </section>

      <section class="st-section" aria-labelledby="st-sites">
        <h2 id="st-sites" class="st-section__title">
          {t('settings_sitesHeading')}
        </h2>
        <p class="st-hint">{t('settings_sitesHint')}</p>
        <SiteListEditor sites={settings.disabledSites} services={services} onError={fail} />
      </section>
    </main>
  );
}
