/**
 * Importing this module points `t` (lib/i18n.ts) at the browser's own
 * lookup, `browser.i18n.getMessage`: the reader's language, English where a
 * locale lacks a string. It is a side-effect import so that wiring an
 * entrypoint is one line at the top of its file, before anything renders:
 *
 *     import '../../lib/i18n-browser.ts';
 *
 * `browser.i18n.getMessage` is synchronous and available in extension pages
 * and in content scripts alike (the hover card renders in the content
 * script). Tests do not import this; they use `jsonMessageSource` over the
 * same JSON.
 */
import { browser } from 'wxt/browser';
import { setMessageSource, type GetMessage } from './i18n.ts';

// WXT types getMessage by the keys it knew at `wxt prepare`; lib/i18n.ts types them by the English file instead.
setMessageSource(browser.i18n.getMessage.bind(browser.i18n) as unknown as GetMessage);
