import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

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
  manifest: ({ browser }) => ({
    // Strings live in public/_locales (English first) so the UI can be translated.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Each permission is justified in the README. `clipboardWrite` (and
    // Chrome's `offscreen`) let citations be copied from the extension's own
    // document instead of through the page.
    permissions: ['storage', 'contextMenus', 'activeTab', 'clipboardWrite', ...(browser === 'firefox' ? [] : ['offscreen'])],
    commands: {
      'open-card': { suggested_key: { default: 'Alt+Shift+S' }, description: '__MSG_command_openCard__' },
      'next-mention': { suggested_key: { default: 'Alt+Shift+N' }, description: '__MSG_command_nextMention__' },
      'previous-mention': { suggested_key: { default: 'Alt+Shift+P' }, description: '__MSG_command_previousMention__' },
      // Chrome allows four suggested keys; this is the last.
      'open-panel': { suggested_key: { default: 'Alt+Shift+O' }, description: '__MSG_command_openPanel__' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'source-context@source-context.invalid',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android learned data_collection_permissions in 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
