/**
 * Importing this module points `t` (lib/i18n.ts) at the browser's own
 * lookup, `browser.i18n.getMessage`: the reader's language, English where a
 * locale lacks a string. It is a side-effect import so that wiring an
 * entrypoint is one line at the top of its file, before anything renders:
 *
 *     import '../../lib/i18n-browser.ts';
 *
 * Every entrypoint that shows words wires it this way: the background (its
 * context menu), the popup, settings and side panel pages, and the hover
 * card (`entrypoints/card-ui.ts`). `browser.i18n.getMessage` is synchronous
 * and available in extension pages, the background and content scripts
 * alike. Tests do not import this; they use `jsonMessageSource` over the
 * same JSON.
 */
import { browser } from 'wxt/browser';
import { setMessageSource, t, type GetMessage, type MessageKey } from './i18n.ts';

// WXT types getMessage by the keys it knew at `wxt prepare`; lib/i18n.ts types them by the English file instead.
setMessageSource(browser.i18n.getMessage.bind(browser.i18n) as unknown as GetMessage);

/**
 * An extension page in the reader's language: `lang` (for screen readers,
 * hyphenation and fonts) and the title from the locale file. Every page
 * (popup, settings, side panel) calls it first thing.
 */
export function localizePage(document_: Document, title: MessageKey): void {
  document_.documentElement.lang = browser.i18n.getUILanguage();
  document_.title = t(title);
}
