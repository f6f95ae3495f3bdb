import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writing `data/` all or nothing. Everything is written to a temporary
 * directory next to the target, then swapped in with renames; a failure
 * before the swap removes the temporary directory and leaves the target
 * exactly as it was. Files in the target that the build does not own (say,
 * another tool's output) are carried over into the new directory.
 */
export function writeDirAtomically(outDir: string, files: ReadonlyMap<string, string>): void {
  const parent = dirname(outDir);
  const name = basename(outDir);
  const stamp = `${process.pid}-${Date.now().toString(36)}`;
  const tmp = join(parent, `.${name}.tmp-${stamp}`);
  const old = join(parent, `.${name}.old-${stamp}`);
  mkdirSync(parent, { recursive: true });
  recoverInterrupted(parent, name);
  try {
    mkdirSync(tmp);
    for (const [file, content] of files) writeFileSync(join(tmp, file), content);
    if (existsSync(outDir)) {
      for (const entry of readdirSync(outDir)) {
        if (!files.has(entry)) cpSync(join(outDir, entry), join(tmp, entry), { recursive: true });
      }
    }
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  const hadOld = existsSync(outDir);
  if (hadOld) renameSync(outDir, old);
  try {
    renameSync(tmp, outDir);
  } catch (e) {
    if (hadOld) renameSync(old, outDir);
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  if (hadOld) rmSync(old, { recursive: true, force: true });
}

/**
 * Undoes what a run killed mid-way left behind. Killed between its two
 * renames, a run leaves the previous `data/` as `.data.old-*` and no
 * `data/`: that copy goes back in place. Temporary directories of killed
 * runs are removed.
 */
function recoverInterrupted(parent: string, name: string): void {
  const leftovers = readdirSync(parent).filter((e) => e.startsWith(`.${name}.tmp-`) || e.startsWith(`.${name}.old-`));
  const olds = leftovers.filter((e) => e.startsWith(`.${name}.old-`)).sort();
  const outDir = join(parent, name);
  if (!existsSync(outDir) && olds.length) renameSync(join(parent, olds.pop()!), outDir);
  for (const entry of leftovers) if (existsSync(join(parent, entry))) rmSync(join(parent, entry), { recursive: true, force: true });
}

/**
 * Which of `files` differ from what `outDir` holds (missing or different
 * bytes). Empty means `data/` is up to date.
 */
export function staleFiles(outDir: string, files: ReadonlyMap<string, string>): string[] {
  const stale: string[] = [];
  for (const [file, content] of files) {
    const path = join(outDir, file);
    if (!existsSync(path)) stale.push(`${file} (missing)`);
    else if (readFileSync(path, 'utf8') !== content) stale.push(`${file} (differs)`);
  }
  return stale;
}
