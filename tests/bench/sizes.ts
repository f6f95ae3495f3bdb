/**
 * What the extension weighs: each part of the Chrome build raw and gzipped,
 * the packaged zip, and where the content script's bytes come from.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { deflateRawSync, gzipSync } from 'node:zlib';
import type { ChunkModules } from './build.ts';

export interface Part {
  files: string[];
  bytes: number;
  gzipBytes: number;
}

export interface Contributor {
  /** A package (`preact`, `@floating-ui/dom`) or a project folder / file group. */
  group: string;
  /** Sum of its modules' code, each minified on its own. */
  minifiedBytes: number;
  /** Share of the chunk's minified size. */
  share: number;
}

export interface SizeResult {
  content: Part;
  /** The content script's JavaScript alone (what the 40 KiB target is about). */
  contentJsBytes: number;
  background: Part;
  panel: Part;
  /** Everything in the build folder. */
  total: Part;
  /** The folder as a store zip (deflate level 9 per file, zip headers counted). */
  zipBytes: number;
  /** The content script's JS by contributor, biggest first. */
  contentBreakdown: Contributor[];
  /** Minified bytes of the scan-and-highlight core alone (lib/detect, scanning, highlighter, slices, mutations, hover, caret). */
  scanCoreBytes: number;
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
}

function part(dir: string, list: string[]): Part {
  let bytes = 0;
  let gzipBytes = 0;
  for (const f of list) {
    const data = readFileSync(join(dir, f));
    bytes += data.length;
    gzipBytes += gzipSync(data, { level: 9 }).length;
  }
  return { files: list, bytes, gzipBytes };
}

/**
 * Size of a zip of `dir` without writing one: local header (30 bytes + name),
 * central directory entry (46 + name) and the deflated data per file, plus
 * the end record (22). Matches `zip -9` within a few bytes per file.
 */
function zipSize(dir: string, list: string[]): number {
  let size = 22;
  for (const f of list) {
    const name = Buffer.byteLength(relative(dir, join(dir, f)));
    const data = readFileSync(join(dir, f));
    size += 30 + 46 + 2 * name + Math.min(data.length, deflateRawSync(data, { level: 9 }).length);
  }
  return size;
}

/** The contributor a module counts under: the npm package, or a folder of ours (card UI files apart). */
export function groupOf(id: string): string {
  if (id.startsWith('npm:')) {
    const [first, second] = id.slice(4).split('/');
    return first!.startsWith('@') ? `${first}/${second}` : first!;
  }
  if (id.startsWith('components/card/') && id.includes('.css')) return 'components/card (CSS)';
  if (id.startsWith('components/')) return id.split('/').slice(0, 2).join('/');
  if (id.startsWith('entrypoints/content/')) {
    const file = id.slice('entrypoints/content/'.length);
    return /^card\./.test(file) ? 'entrypoints/content (card)' : /^(scanning|highlighter|slices|mutations|hover)\./.test(file) ? 'entrypoints/content (scan, highlight, hover)' : 'entrypoints/content (other)';
  }
  if (id.startsWith('lib/')) return id.split('/').slice(0, 2).join('/').replace(/\.ts$/, '');
  return id;
}

const SCAN_CORE = /^(lib\/detect\/|lib\/platform\/caret|entrypoints\/content\/(scanning|highlighter|slices|mutations|hover)\.)/;

export function measureSizes(dir: string, chunks: readonly ChunkModules[]): SizeResult {
  const all = files(dir);
  const content = all.filter((f) => f.startsWith('content-scripts/'));
  const background = all.filter((f) => f.startsWith('background'));
  const panel = all.filter((f) => f.includes('sidepanel'));
  const chunk = chunks.find((c) => c.file.startsWith('content-scripts/') && c.file.endsWith('.js'));
  const groups = new Map<string, number>();
  let scanCoreBytes = 0;
  for (const m of chunk?.modules ?? []) {
    const g = groupOf(m.id);
    groups.set(g, (groups.get(g) ?? 0) + m.minified);
    if (SCAN_CORE.test(m.id)) scanCoreBytes += m.minified;
  }
  const contentBreakdown = [...groups]
    .map(([group, minifiedBytes]) => ({ group, minifiedBytes, share: chunk ? minifiedBytes / chunk.bytes : 0 }))
    .sort((a, b) => b.minifiedBytes - a.minifiedBytes);
  return {
    content: part(dir, content),
    contentJsBytes: part(dir, content.filter((f) => f.endsWith('.js'))).bytes,
    background: part(dir, background),
    panel: part(dir, panel),
    total: part(dir, all),
    zipBytes: zipSize(dir, all),
    contentBreakdown,
    scanCoreBytes,
  };
}
