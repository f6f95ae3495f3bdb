import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import bcd from '@mdn/browser-compat-data' with { type: 'json' };
import { API_FLOORS, type ApiFloor } from './api-floors.ts';
import { filesUnder } from './files.ts';

const root = new URL('../../', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, root), 'utf8');
const config = read('wxt.config.ts');

/** The version a manifest field in wxt.config.ts is set to, as a number ('140.0' -> 140); `after` picks the field that follows a key. */
function manifestField(name: string, after = ''): number {
  const found = new RegExp(`${after}[^]*?${name}: '(\\d+)(?:\\.\\d+)?'`).exec(config);
  if (!found) throw new Error(`wxt.config.ts: no ${name}${after ? ` after ${after}` : ''}`);
  return Number(found[1]);
}

type Column = 'chrome' | 'firefox' | 'android';
const highest = (column: Column) => Math.max(...API_FLOORS.map((row) => row[column] ?? 0));

interface Statement {
  version_added: string | false;
  version_removed?: string;
  partial_implementation?: boolean;
  flags?: unknown;
  prefix?: string;
  alternative_name?: string;
  notes?: string | string[];
}

/** browser-compat-data's statements for `key` in `browser` ('mirror' and absent: none). */
function statements(key: string, browser: 'chrome' | 'firefox' | 'firefox_android'): Statement[] {
  let node: unknown = bcd;
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  const support = (node as { __compat?: { support: Record<string, Statement | Statement[] | 'mirror'> } } | undefined)?.__compat?.support;
  if (!support) throw new Error(`browser-compat-data has no ${key}`);
  const entry = support[browser];
  if (!entry || entry === 'mirror') return [];
  return Array.isArray(entry) ? entry : [entry];
}

/** The first version with the feature under its own name, unflagged: in full, or (with `partial`) in part. */
function firstVersion(list: Statement[], partial: boolean): number | null {
  const versions = list
    .filter((s) => s.version_added && !s.flags && !s.prefix && !s.alternative_name && (partial || (!s.partial_implementation && !s.version_removed)))
    .map((s) => Number(String(s.version_added).replace('≤', '')));
  return versions.length ? Math.min(...versions) : null;
}

/**
 * Where the table's version of `row` in `browser` comes from the data: the
 * first version in full; or, for a row that names the data's note of a
 * partial implementation, that note's version, which must lie between the
 * first partial and the first full version.
 */
function expectedFloor(row: ApiFloor, column: Column): number | null {
  const browser = column === 'android' ? 'firefox_android' : column;
  const list = statements(row.bcd!, browser);
  const full = firstVersion(list, false);
  if (!row.partial || column === 'chrome') return full;
  const notes = list.flatMap((s) => (s.partial_implementation ? [s.notes ?? []].flat() : []));
  const product = column === 'android' ? 'Firefox for Android' : 'Firefox';
  const wanted = row.partial.replace('Firefox', product);
  const note = notes.find((n) => n.includes(wanted.replace(/\.$/, '')));
  if (!note) throw new Error(`${row.api}: no note "${wanted}" in browser-compat-data's ${row.bcd} (${browser})`);
  const version = Number(/Before [A-Za-z ]+ (\d+)/.exec(note)![1]);
  const first = firstVersion(list, true)!;
  return version >= first && (full === null || version <= full) ? version : null;
}

describe('the manifest asks for the oldest browsers that have every API we rely on', () => {
  it('minimum_chrome_version is the highest Chrome floor', () => {
    expect(manifestField('minimum_chrome_version')).toBe(highest('chrome'));
  });

  it('Firefox strict_min_version (desktop and Android) is the highest Firefox floor', () => {
    expect(manifestField('strict_min_version', 'gecko: \\{')).toBe(highest('firefox'));
    expect(manifestField('strict_min_version', 'gecko_android: \\{')).toBe(highest('android'));
  });

  it('every version in the table is browser-compat-data\'s (or, without an entry there, cites its source)', () => {
    const wrong: string[] = [];
    for (const row of API_FLOORS) {
      if (!row.bcd) {
        expect(row.source, `${row.api}: neither bcd nor source`).toMatch(/^https:\/\//);
        continue;
      }
      for (const column of ['chrome', 'firefox', 'android'] as const) {
        // A browser the API is not used in keeps null, whatever the data says.
        if (row[column] === null) continue;
        const expected = expectedFloor(row, column);
        if (row[column] !== expected) wrong.push(`${row.api} ${column}: table ${row[column]}, browser-compat-data ${expected}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('every API in the table is still used', () => {
    const source = ['entrypoints', 'lib', 'components']
      .flatMap((dir) => filesUnder(dir))
      .filter((path) => /\.(ts|tsx|css)$/.test(path) && !path.startsWith('lib/corpus/'))
      .map(read)
      .concat(config)
      .join('\n');
    expect(API_FLOORS.filter((row) => !source.includes(row.uses)).map((row) => row.api)).toEqual([]);
  });
});
