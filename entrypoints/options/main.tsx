import '../../components/ui/base.css';
import '../../components/settings/settings.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { SettingsApp } from '../../components/settings/SettingsApp.tsx';
import type { SettingsServices } from '../../components/settings/types.ts';
import { setMessageSource, t, type GetMessage } from '../../lib/i18n.ts';
import { exportSites, getSettings, importSites, settingsArea, updateSettings, watchSettings } from '../../lib/settings/store.ts';

const services: SettingsServices = {
  watchSettings,
  updateSettings,
  importSites,
  exportSites,
  settingsArea,
  download(filename, text, type) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = Object.assign(document.createElement('a'), { href: url, download: filename });
    link.click();
    // The download has its own copy once started; the next task is late enough.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  },
};

/** The settings page (options_ui, opened in a tab). */
async function start() {
  // WXT types getMessage by the keys it knew at `wxt prepare`; lib/i18n.ts types them by the English file instead.
  setMessageSource(browser.i18n.getMessage.bind(browser.i18n) as unknown as GetMessage);
  document.documentElement.lang = browser.i18n.getUILanguage();
  document.title = t('settings_title');
  render(<SettingsApp services={services} initialSettings={await getSettings()} />, document.getElementById('app')!);
}

void start();
