/**
 * Makes sure the real browsers the end-to-end tests drive are here, so that
 * `npm test` does all the set-up on a fresh Debian machine. The tests never
 * download a browser of their own: they use Debian's `chromium` and
 * `firefox-esr` (or CHROMIUM_PATH / FIREFOX_PATH). Where a browser is missing
 * and apt-get is usable (root, or passwordless sudo), it is installed;
 * otherwise this says exactly what to run and exits non-zero.
 */
import { existsSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';

const wanted = [
  { pkg: 'chromium', path: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', env: 'CHROMIUM_PATH' },
  { pkg: 'firefox-esr', path: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', env: 'FIREFOX_PATH' },
];

const missing = wanted.filter((b) => !existsSync(b.path));
if (missing.length === 0) process.exit(0);

const pkgs = missing.map((b) => b.pkg);
const hasApt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
const isRoot = process.getuid?.() === 0;
const sudo = !isRoot && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;

if (hasApt && (isRoot || sudo)) {
  const run = (args: string[]) => execFileSync(isRoot ? args[0]! : 'sudo', isRoot ? args.slice(1) : args, { stdio: 'inherit' });
  console.error(`Installing ${pkgs.join(', ')} from Debian's packages for the end-to-end tests...`);
  run(['apt-get', 'update', '-qq']);
  run(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...pkgs]);
  const still = missing.filter((b) => !existsSync(b.path));
  if (still.length === 0) process.exit(0);
}

console.error(
  [
    `The end-to-end tests need real browsers that are not installed: ${missing.map((b) => `${b.pkg} (${b.path})`).join(', ')}.`,
    hasApt ? `Install them with: sudo apt-get install ${pkgs.join(' ')}` : 'Install Chromium and Firefox ESR (or Firefox 140+).',
    `Or point the tests at your own builds: ${missing.map((b) => `${b.env}=/path/to/${b.pkg}`).join(' ')} npm test`,
    'To run only the unit tests: npm run test:unit',
  ].join('\n'),
);
process.exit(1);
