import { defineWxtModule } from 'wxt/modules';

/**
 * Chrome refuses to load an extension that ships `_locales/` (here
 * `public/_locales/en/messages.json`, the UI strings) without a
 * `default_locale` in its manifest. This sets it to English when the config
 * does not, so the build loads; once wxt.config.ts sets `default_locale`
 * itself, this module does nothing and can go.
 */
export default defineWxtModule({
  name: 'default-locale',
  setup(wxt) {
    wxt.hook('build:manifestGenerated', (_wxt, manifest) => {
      manifest.default_locale ??= 'en';
    });
  },
});
