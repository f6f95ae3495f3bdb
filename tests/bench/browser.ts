import { existsSync } from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer-core';
import { CHROMIUM_ARGS, executables } from '../e2e/browsers.ts';

/**
 * Headless Chromium for the benchmark, with the end-to-end launcher's flags
 * (tests/e2e/browsers.ts: no sandbox, no GPU, no background networking on a
 * machine without network) and one of its own.
 *
 * Two kinds of session: `plain` (no extension) for the scan benchmark, where
 * the bench bundle is injected into each page and an installed content
 * script would scan the same page at the same time; and `withExtension(dir)`
 * for lookups through the real service worker, and for checking that the
 * built content script finds as many mentions as the bench bundle.
 */
const ARGS = [
  ...CHROMIUM_ARGS,
  // Saved pages reference hosts this machine cannot reach; fail those at
  // once instead of waiting seconds per page for each lookup to time out.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

function executable(): string {
  const path = executables.chromium;
  if (!existsSync(path)) throw new Error(`chromium not found at ${path}: run \`npm test\` once (it installs it) or set CHROMIUM_PATH`);
  return path;
}

export function plain(): Promise<Browser> {
  return puppeteer.launch({ executablePath: executable(), headless: true, pipe: true, args: ARGS, defaultViewport: { width: 1280, height: 900 } });
}

/** `worker`: wait for the extension's service worker (the page-cost references have none). */
export async function withExtension(dir: string, worker = true): Promise<Browser> {
  const browser = await puppeteer.launch({
    executablePath: executable(),
    headless: true,
    pipe: true,
    enableExtensions: [dir],
    args: ARGS,
    defaultViewport: { width: 1280, height: 900 },
  });
  if (worker) await browser.waitForTarget((t) => t.type() === 'service_worker', { timeout: 15_000 });
  return browser;
}
