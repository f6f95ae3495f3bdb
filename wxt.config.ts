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
    name: 'Source Context',
    description:
      "Highlights mentions of Huawei, US sanctions and no-spy pledges and shows the parties' own words beside them, offline.",
    permissions: ['storage'],
    commands: {
      'open-card': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Open the card for the mention at or after the cursor',
      },
      'next-mention': { suggested_key: { default: 'Alt+Shift+N' }, description: 'Go to the next mention' },
      'previous-mention': { suggested_key: { default: 'Alt+Shift+P' }, description: 'Go to the previous mention' },
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
