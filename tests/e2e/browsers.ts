import { fileURLToPath } from 'node:url';
import { existsSync, mkdirSync } from 'node:fs';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, inject } from 'vitest';

export type BrowserName = 'chromium' | 'firefox';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const artifactsDir = `${root}tests/artifacts`;

/** Debian's browsers; override with CHROMIUM_PATH / FIREFOX_PATH elsewhere. */
export const executables: Record<BrowserName, string> = {
  chromium: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  firefox: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
};

const builds: Record<BrowserName, string> = {
  chromium: `${root}.output/chrome-mv3`,
  firefox: `${root}.output/firefox-mv3`,
};

/**
 * Flags for a closed network: without the background-networking ones Chromium
 * keeps trying to reach Google's hosts, which this machine refuses.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--window-size=1280,900',
];

/**
 * Firefox gives each install a random moz-extension UUID and WebDriver BiDi
 * does not report it; this preference fixes it for the add-on's id, so tests
 * can open the extension's own pages.
 */
const FIREFOX_ADDON_ID = 'source-context@source-context.invalid';
const FIREFOX_UUID = '5c0e7f3a-2b1d-4c6e-9a8f-0d1e2f3a4b5c';

export interface Session {
  browser: Browser;
  name: BrowserName;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>`: where the extension's pages live ('' in a bare browser). */
  origin: string;
  /** Opens a fresh tab at `url`, with the extension active in it. */
  open(url: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Launches a real browser, headless, with the built extension installed, through
 * one driver for both engines: CDP for Chromium, WebDriver BiDi for Firefox.
 * Firefox installs the add-on temporarily before any tab is opened, so the
 * content script is registered for the first page. `firefoxPrefs` adds to
 * its preferences (the privacy test routes it through a recording proxy);
 * `bare` launches the same browser without the extension, for tests that
 * measure what the extension adds to a page against the page alone.
 */
export async function launch(name: BrowserName, { firefoxPrefs = {}, bare = false }: { firefoxPrefs?: Record<string, unknown>; bare?: boolean } = {}): Promise<Session> {
  const executablePath = executables[name];
  if (!existsSync(executablePath)) {
    throw new Error(`${name} not found at ${executablePath}: run \`npm test\` (it installs it) or set ${name === 'chromium' ? 'CHROMIUM_PATH' : 'FIREFOX_PATH'}`);
  }
  if (!bare && !existsSync(`${builds[name]}/manifest.json`)) {
    throw new Error(`no build at ${builds[name]}: run \`npm run build\``);
  }
  const browser =
    name === 'chromium'
      ? await puppeteer.launch({
          executablePath,
          headless: true,
          pipe: true,
          enableExtensions: bare ? false : [builds.chromium],
          args: CHROMIUM_ARGS,
          defaultViewport: { width: 1280, height: 900 },
        })
      : await puppeteer.launch({
          browser: 'firefox',
          executablePath,
          headless: true,
          defaultViewport: { width: 1280, height: 900 },
          extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: FIREFOX_UUID }), ...firefoxPrefs },
        });
  let origin = '';
  if (bare) {
    // Nothing installed, nothing to wait for.
  } else if (name === 'firefox') {
    await browser.installExtension(builds.firefox);
    origin = `moz-extension://${FIREFOX_UUID}`;
  } else {
    const worker = await browser.waitForTarget((t) => t.type() === 'service_worker', { timeout: 15_000 });
    origin = /^chrome-extension:\/\/[a-p]{32}/.exec(worker.url())![0];
  }
  return {
    browser,
    name,
    origin,
    async open(url) {
      const page = await browser.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },
    close: () => browser.close(),
  };
}

/** Saves a screenshot under tests/artifacts/ for a person to look at. */
export async function screenshot(page: Page, file: string): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true });
  const path = `${artifactsDir}/${file}`;
  await page.screenshot({ path: path as `${string}.png`, fullPage: false });
  return path;
}

/**
 * One browser for the tests of the enclosing `describe`: launched before the
 * first, closed after the last. Returns a getter, as the session exists only
 * once `beforeAll` has run.
 */
export function useSession(name: BrowserName): () => Session {
  let session: Session | undefined;
  beforeAll(async () => {
    session = await launch(name);
  });
  afterAll(async () => {
    await session?.close();
  });
  return () => {
    if (!session) throw new Error(`the ${name} session is not running`);
    return session;
  };
}

/** The address of a page in tests/pages/, as served to the browsers. */
export function fixture(path: string): string {
  return `${inject('baseUrl')}/${path}`;
}
