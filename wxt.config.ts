import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';

/**
 * One config for both targets. `npm run build` builds Chrome (MV3) and
 * Firefox; browser differences that the manifest must carry live here, the
 * ones code must handle live in `lib/platform`.
 */
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // MV3 for both: one manifest shape, an event page in Firefox (see README).
  manifestVersion: 3,
  zip: {
    // The sources zip Mozilla's reviewers rebuild from: code, corpus and lock
    // file, not test screenshots or benchmark output.
    excludeSources: ['tests/artifacts/**', 'tests/bench/results/**'],
  },
  vite: () => ({
    plugins: [preact()],
    build: { target: 'es2022' },
  }),
  hooks: {
    /**
     * The scripts that run in a page go without webextension-polyfill
     * (10 KiB, a fifth of the script injected into every page and frame):
     * there `wxt/browser` is the browser's own namespace. The content script
     * and the card bundle the background injects next to it (the only
     * unlisted script) call only what both browsers offer natively with
     * promises (`runtime.sendMessage`, `storage`) or synchronously
     * (`runtime.connect`, `i18n.getMessage`), and the content script's
     * message listeners answer through `sendResponse`, which needs no
     * polyfill anywhere. So the first hover of a page does not evaluate the
     * polyfill either. Every other entrypoint keeps it.
     */
    'vite:build:extendConfig'(entrypoints, config) {
      if (!entrypoints.some((entry) => entry.type === 'content-script' || entry.type === 'unlisted-script')) return;
      const alias = config.resolve?.alias;
      const polyfilled = (find: unknown) => find === 'wxt/browser';
      if (Array.isArray(alias)) {
        for (const entry of alias) if (polyfilled(entry.find)) entry.replacement = '@wxt-dev/browser';
      } else if (alias && 'wxt/browser' in alias) {
        (alias as Record<string, string>)['wxt/browser'] = '@wxt-dev/browser';
      }
      // WXT's context tells the page that we started (an event named with our
      // id): the content script gets a quiet one (see quiet-context.ts).
      const quiet = { find: /^wxt\/utils\/content-script-context$/, replacement: fileURLToPath(new URL('./entrypoints/content/quiet-context.ts', import.meta.url)) };
      config.resolve ??= {};
      config.resolve.alias = Array.isArray(alias) ? [quiet, ...alias] : [quiet, ...Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement: replacement as string }))];
    },
  },
  manifest: ({ browser }) => ({
    // Strings live in public/_locales (English first) so the UI can be translated.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Each permission is justified in the README. `clipboardWrite` (and
    // Chrome's `offscreen`) let citations be copied from the extension's own
    // document instead of through the page. `scripting`: the background
    // injects the card bundle into a frame on its first hover (see
    // entrypoints/card-ui.ts).
    permissions: ['storage', 'contextMenus', 'activeTab', 'clipboardWrite', 'scripting', ...(browser === 'firefox' ? [] : ['offscreen'])],
    // Chrome lets `scripting.executeScript` into a page only with a host
    // permission; the content script's own match pattern (the same
    // `<all_urls>`, so no new install warning) does not count there, while
    // Firefox counts it.
    ...(browser === 'firefox' ? {} : { host_permissions: ['<all_urls>'] }),
    commands: {
      'open-card': { suggested_key: { default: 'Alt+Shift+S' }, description: '__MSG_command_openCard__' },
      'next-mention': { suggested_key: { default: 'Alt+Shift+N' }, description: '__MSG_command_nextMention__' },
      'previous-mention': { suggested_key: { default: 'Alt+Shift+P' }, description: '__MSG_command_previousMention__' },
      // Chrome allows four suggested keys; this is the last.
      'open-panel': { suggested_key: { default: 'Alt+Shift+O' }, description: '__MSG_command_openPanel__' },
    },
    // The oldest browsers with every API the extension relies on without a
    // fallback: the highest floor of each in tests/unit/api-floors.ts
    // (Chrome 116: `sidePanel.open()`; Firefox and Firefox for Android 146:
    // `::highlight()` with `text-decoration`, which our underlines need),
    // versions from MDN's browser-compat-data, which min-versions.test.ts
    // holds the table and these fields to.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'source-context@source-context.invalid',
              strict_min_version: '146.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '146.0' },
          },
        }
      : { minimum_chrome_version: '116' }),
  }),
});
