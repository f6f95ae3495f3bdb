/**
 * `npm start`: opens a browser with the built extension on a demo news page.
 *
 * Uses a Chromium-family browser found on this machine (CHROMIUM_PATH, then
 * Debian's chromium, then Google Chrome's stable channel) and loads the
 * unpacked build through the DevTools protocol, which works in branded Chrome
 * too (it ignores --load-extension). Where there is no display (a server, CI,
 * SSH without X), it runs headless instead, saves a screenshot of the page with
 * its highlights and says how to try the extension by hand.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { startServer } from '../tests/e2e/server.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const build = `${root}.output/chrome-mv3`;
const headed = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const executablePath = candidates.find((p): p is string => Boolean(p && existsSync(p)));

if (!existsSync(`${build}/manifest.json`)) {
  console.error('No build in .output/chrome-mv3: run `npm start` (it builds first) or `npm run build`.');
  process.exit(1);
}

const { url, server } = await startServer(`${root}tests/pages`);
const page = `${url}/news.html`;
const browser = await puppeteer.launch({
  ...(executablePath ? { executablePath } : { channel: 'chrome' as const }),
  headless: !headed,
  pipe: true,
  enableExtensions: [build],
  defaultViewport: headed ? null : { width: 1280, height: 900 },
  args: ['--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
});
const tab = await browser.newPage();
await tab.goto(page, { waitUntil: 'load' });

if (headed) {
  console.log(`Source Context is loaded on the demo page ${page}.\nHover a highlighted mention. Close the browser (or press Ctrl+C) to stop.`);
  browser.on('disconnected', () => server.close());
  process.on('SIGINT', () => void browser.close());
} else {
  await new Promise((resolve) => setTimeout(resolve, 1500));
  mkdirSync(`${root}tests/artifacts`, { recursive: true });
  const shot = `${root}tests/artifacts/demo.png`;
  await tab.screenshot({ path: shot });
  await browser.close();
  server.close();
  console.log(
    [
      'No display here, so the demo ran headless.',
      `A screenshot of the demo page with its highlights: ${shot}`,
      'To try it by hand on a machine with a browser, load the unpacked build:',
      `  Chrome/Chromium: chrome://extensions > Developer mode > Load unpacked > ${build}`,
      `  Firefox: about:debugging#/runtime/this-firefox > Load Temporary Add-on > ${root}.output/firefox-mv3/manifest.json`,
    ].join('\n'),
  );
}
