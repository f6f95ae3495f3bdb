import { readdirSync } from 'node:fs';
import { join, posix } from 'node:path';

/** The repository's root, for tests that read the tree. */
export const ROOT = join(import.meta.dirname, '../..');

/**
 * Every file below `dir` (a repository path), recursively, as repository
 * paths with `/`, sorted: the one walk the tests of the whole tree (layout,
 * palette) read the tree with.
 */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string) => {
    for (const e of readdirSync(join(ROOT, at), { withFileTypes: true })) {
      const path = posix.join(at, e.name);
      if (e.isDirectory()) walk(path);
      else out.push(path);
    }
  };
  walk(dir);
  return out.sort();
}
