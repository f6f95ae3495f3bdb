import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { afterEach } from 'vitest';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { type BuildResult, buildCorpus } from '../../../../lib/corpus/build.ts';
import { readSeeds } from '../../../../lib/corpus/seeds.ts';
import { normalizeForCompare } from '../../../../lib/corpus/text.ts';
import type { Statement } from '../../../../lib/data/types.ts';

/** Test helpers over the repository's own seeds/ (never ../shared). */

export const ROOT = resolve(import.meta.dirname, '../../../..');
export const SEEDS = join(ROOT, 'seeds');

let cached: BuildResult | undefined;

/** The corpus built from seeds/, once per test file. */
export function built(): BuildResult {
  if (!cached) {
    const { seeds, overrides, entities } = readSeeds(SEEDS);
    cached = buildCorpus(seeds, overrides, entities);
  }
  return cached;
}

export function source(file: string): string {
  return readFileSync(join(SEEDS, file), 'utf8');
}

/** The one statement whose text starts with `prefix` (quotes and case normalised). */
export function statement(prefix: string): Statement {
  const p = normalizeForCompare(prefix);
  const found = built().statements.filter((s) => normalizeForCompare(s.text).startsWith(p));
  if (found.length !== 1) throw new Error(`expected one statement starting "${prefix}", found ${found.length}`);
  return found[0]!;
}

/** The statement (if any) whose text contains `fragment`. */
export function statementContaining(fragment: string): Statement | undefined {
  const f = normalizeForCompare(fragment);
  return built().statements.find((s) => normalizeForCompare(s.text).includes(f));
}

/** A fresh temp dir holding a copy of seeds/ (writable). */
export function tempSeeds(): { dir: string; seeds: string; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'source-context-'));
  const seeds = join(dir, 'seeds');
  cpSync(SEEDS, seeds, { recursive: true });
  return { dir, seeds, out: join(dir, 'data') };
}

/**
 * `tempSeeds` for the tests of one file: returns the function that makes
 * one, and removes each after the test that made it.
 */
export function useTempSeeds(): () => ReturnType<typeof tempSeeds> {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return () => {
    const t = tempSeeds();
    dirs.push(t.dir);
    return t;
  };
}

/** Runs a project script with the Node running the tests (v24, type stripping). */
export function run(script: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', script), ...args], { encoding: 'utf8', cwd: ROOT });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every file under `dir` with its bytes, for "unchanged" comparisons. */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of readdirSync(dir).sort()) out.set(f, readFileSync(join(dir, f)).toString('base64'));
  return out;
}
