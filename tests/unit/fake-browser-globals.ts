/**
 * Puts WXT's fake browser on `globalThis.browser` / `chrome` for code that
 * reads the globals rather than importing `wxt/browser` (which the
 * WxtVitest plugin aliases): `wxt/utils/storage` does, through
 * `@wxt-dev/browser`, when it is first imported. The plugin's own setup file
 * does the same but does not reach the `projects` in vitest.config.ts, so a
 * test that uses the storage imports this module first.
 */
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

vi.stubGlobal('browser', fakeBrowser);
vi.stubGlobal('chrome', fakeBrowser);
