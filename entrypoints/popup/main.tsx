import '../../components/ui/base.css';
import '../../components/popup/popup.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '../../components/popup/PopupApp.tsx';
import { setMessageSource, type GetMessage } from '../../lib/i18n.ts';
import { getSettings } from '../../lib/settings/store.ts';
import { popupServices, tabParam } from './services.ts';

/** The toolbar popup (also usable as `popup.html?tab=<id>` in a tab, see services.ts). */
async function start() {
  // WXT types getMessage by the keys it knew at `wxt prepare`; lib/i18n.ts types them by the English file instead.
  setMessageSource(browser.i18n.getMessage.bind(browser.i18n) as unknown as GetMessage);
  document.documentElement.lang = browser.i18n.getUILanguage();
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
