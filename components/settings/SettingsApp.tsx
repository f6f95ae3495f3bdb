import { useEffect, useState } from 'preact/hooks';
import { CATEGORIES } from '../../lib/vocabulary/categories.ts';
import type { ComponentChildren } from 'preact';
import { t, type MessageKey } from '../../lib/i18n.ts';
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

/** The settings chosen among a few values, with each value's label: one radio group each. */
const CHOICES = {
  highlightStyle: [
    ['background', 'settings_style_background'],
    ['underline', 'settings_style_underline'],
  ],
  highlightDensity: [
    ['first', 'settings_density_first'],
    ['every', 'settings_density_every'],
  ],
  openOn: [
    ['hover', 'settings_openOn_hover'],
    ['click', 'settings_openOn_click'],
  ],
} as const satisfies { [K in keyof Settings]?: readonly (readonly [Settings[K], MessageKey])[] };

type ChoiceName = keyof typeof CHOICES;

/** A titled section of the page; `id` names it for its heading. */
function Section({ id, heading, children }: { id: string; heading: string; children: ComponentChildren }) {
  return (
    <section class="sc-settings-section" aria-labelledby={id}>
      <h2 id={id} class="sc-settings-section__title">
        {heading}
      </h2>
      {children}
    </section>
  );
}

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

  /** The radio group of one setting in CHOICES, named by its section heading. */
  const choice = <K extends ChoiceName>(name: K, legend: MessageKey) => (
    <ChoiceGroup
      name={name}
      legend={t(legend)}
      value={settings[name]}
      options={CHOICES[name].map(([value, label]) => ({ value, label: t(label) }))}
      onChange={(value) => update({ [name]: value })}
    />
  );

  return (
    <main class="sc-settings">
      <header class="sc-settings-header">
        <h1 class="sc-settings-title">{t('settings_title')}</h1>
        <p class="sc-settings-intro">
          {t('settings_intro')} {area && <span class="sc-muted">{t(area === 'sync' ? 'settings_syncNote' : 'settings_localNote')}</span>}
        </p>
      </header>

      {error && (
        <p class="sc-settings-error" role="alert">
          {error}
        </p>
      )}

      <Section id="sc-settings-categories" heading={t('settings_categoriesHeading')}>
        <div class="sc-settings-rows">
          {CATEGORIES.map((category) => (
            <Switch
              key={category}
              name={`category-${category}`}
              checked={settings.categories[category]}
              onChange={(on) => update({ categories: { [category]: on } })}
            >
              <span class="sc-settings-cat">
                <Swatch category={category} />
                {t(CATEGORY_KEYS[category])}
              </span>
            </Switch>
          ))}
        </div>
        <p class="sc-settings-hint">{t('settings_categoriesHint')}</p>
      </Section>

      <Section id="sc-settings-style" heading={t('settings_styleHeading')}>
        {choice('highlightStyle', 'settings_styleHeading')}
        <p class={`sc-settings-preview sc-settings-preview--${settings.highlightStyle}`} aria-hidden="true">
          {CATEGORIES.map((category) => (
            <span key={category} class={`sc-settings-preview__mark sc-settings-preview__mark--${category}`}>
              {t(CATEGORY_KEYS[category])}
            </span>
          ))}
        </p>
      </Section>

      <Section id="sc-settings-density" heading={t('settings_densityHeading')}>
        {choice('highlightDensity', 'settings_densityHeading')}
        <p class="sc-settings-hint">{t('settings_densityHint')}</p>
      </Section>

      <Section id="sc-settings-card" heading={t('settings_cardHeading')}>
        {choice('openOn', 'settings_cardHeading')}
        <HoverDelay value={settings.hoverDelayMs} disabled={settings.openOn !== 'hover'} onCommit={(hoverDelayMs) => update({ hoverDelayMs })} />
      </Section>

      <Section id="sc-settings-pause" heading={t('settings_pauseHeading')}>
        <Switch name="pause" checked={settings.paused} onChange={(paused) => update({ paused })}>
          {t('popup_pause')}
        </Switch>
      </Section>

      <Section id="sc-settings-sites" heading={t('settings_sitesHeading')}>
        <p class="sc-settings-hint">{t('settings_sitesHint')}</p>
        <SiteListEditor sites={settings.disabledSites} services={services} onError={fail} />
      </Section>
    </main>
  );
}
