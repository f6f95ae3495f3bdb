import { localizePage } from '../../lib/i18n-browser.ts';
import '../../components/panel/panel.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PanelApp } from '../../components/panel/PanelApp.tsx';
import { parseDocuments } from '../../lib/data/parse.ts';
import { parsePanelHash } from '../../lib/panel-link.ts';
import { sessionArea } from '../../lib/platform/session-area.ts';
import { loadCorpus } from '../../lib/search/load.ts';
import index from '../../data/index.json';
import statements from '../../data/statements.json';
import sources from '../../data/sources.json';
import documents from '../../data/documents.json';
import { loadSearch, panelServices, takePending } from './services.ts';

/**
 * The side panel page (also Firefox's sidebar, and usable as a tab): loads
 * the bundled corpus (no network), restores the session's last search, and
 * opens at the target in the URL hash or the one the background left
 * pending, in that order.
 */
async function start() {
  localizePage(document, 'extName');
  const corpus = loadCorpus({ index, statements, sources });
  const byFile = new Map(parseDocuments(documents).map((d) => [d.file, d]));
  const windowId = await browser.windows
    .getCurrent()
    .then((w) => w.id)
    .catch(() => undefined);
  const area = sessionArea(browser.storage);
  const fromHash = parsePanelHash(location.hash);
  const [saved, pending] = await Promise.all([loadSearch(area), takePending(area, windowId)]);
  const target = fromHash.read || fromHash.query !== undefined ? fromHash : pending;
  // The hash has done its job; left in place, a reload would reopen it over the reader's later work.
  if (location.hash) history.replaceState(null, '', location.pathname);
  render(
    <PanelApp corpus={corpus} documents={byFile} services={panelServices(area, windowId)} saved={saved} target={target} />,
    document.getElementById('app')!,
  );
}

void start();
