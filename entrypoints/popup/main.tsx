import { localizePage } from '../../lib/i18n-browser.ts';
import '../../components/ui/base.css';
import '../../components/popup/popup.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '../../components/popup/PopupApp.tsx';
import { getSettings } from '../../lib/settings/store.ts';
import { popupServices, tabParam } from './services.ts';

/** The toolbar popup (also usable as `popup.html?tab=<id>` in a tab, see services.ts). */
async function start() {
  localizePage(document, 'extName');
  const [settings, windowId] = await Promise.all([
    getSettings(),
    browser.windows
      .getCurrent()
      .then((w) => w.id)
      .catch(() => undefined),
  ]);
  render(<PopupApp services={popupServices(tabParam(location.search), windowId)} initialSettings={settings} />, document.getElementById('app')!);
}

void start();
