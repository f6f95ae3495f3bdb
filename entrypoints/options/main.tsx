import { localizePage } from '../../lib/i18n-browser.ts';
import '../../components/ui/base.css';
import '../../components/settings/settings.css';
import { render } from 'preact';
import { downloadText } from '../../components/ui/download.ts';
import { SettingsApp } from '../../components/settings/SettingsApp.tsx';
import type { SettingsServices } from '../../components/settings/types.ts';
import { exportSites, getSettings, importSites, settingsArea, updateSettings, watchSettings } from '../../lib/settings/store.ts';

const services: SettingsServices = {
  watchSettings,
  updateSettings,
  importSites,
  exportSites,
  settingsArea,
  download: (name, type, text) => downloadText(document, name, type, text),
};

/** The settings page (options_ui, opened in a tab). */
async function start() {
  localizePage(document, 'settings_title');
  render(<SettingsApp services={services} initialSettings={await getSettings()} />, document.getElementById('app')!);
}

void start();
