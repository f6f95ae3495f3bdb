import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { API_FLOORS } from './api-floors.ts';
import { filesUnder } from './files.ts';

const root = new URL('../../', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, root), 'utf8');

/** The version a manifest field in wxt.config.ts is set to, as a number ('140.0' -> 140). */
function manifestField(name: string): number {
  const found = new RegExp(`${name}: '(\\d+)(?:\\.\\d+)?'`).exec(read('wxt.config.ts'));
  if (!found) throw new Error(`wxt.config.ts: no ${name}`);
  return Number(found[1]);
}

const highest = (browser: 'chrome' | 'firefox') => Math.max(...API_FLOORS.map((row) => row[browser] ?? 0));

describe('the manifest asks for the oldest browsers that have every API we rely on', () => {
  it('minimum_chrome_version is the highest Chrome floor', () => {
    expect(manifestField('minimum_chrome_version')).toBe(highest('chrome'));
  });

  it('Firefox strict_min_version is the highest Firefox floor', () => {
    expect(manifestField('strict_min_version')).toBe(highest('firefox'));
  });

  it('every API in the table is still used', () => {
    const source = ['entrypoints', 'lib', 'components']
      .flatMap((dir) => filesUnder(dir))
      .filter((path) => /\.(ts|tsx)$/.test(path))
      .map(read)
      .concat(read('wxt.config.ts'))
      .join('\n');
    expect(API_FLOORS.filter((row) => !source.includes(row.uses)).map((row) => row.api)).toEqual([]);
  });
});
