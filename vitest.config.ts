import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * Two tiers share this config: `tests/unit` (Node and happy-dom, fast) and
 * `tests/e2e` (builds the extension and drives real browsers). `npm test`
 * runs both; `npm run test:unit` only the first.
 */
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    reporters: ['default', './tests/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        // Generous per-test time: several unit tests start `npm run` processes or
        // run property tests, and on a loaded 2-core machine 5 s is not enough.
        // Speed is the benchmark's business, never a unit test's.
        test: { name: 'unit', include: ['tests/unit/**/*.test.{ts,tsx}'], environment: 'node', testTimeout: 30_000 },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          globalSetup: ['tests/e2e/global-setup.ts'],
        },
      },
    ],
  },
});
