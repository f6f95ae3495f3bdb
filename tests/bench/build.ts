/**
 * The two builds the benchmark measures:
 *
 * 1. The extension itself (Chrome MV3), through WXT's own `build()` with the
 *    project's wxt.config.ts, into a private folder so a benchmark never
 *    overwrites the `.output/` other work and tests use. A small Vite plugin
 *    records, per output chunk, which modules it holds and how many bytes
 *    each renders to: that is the attribution of the content script's size.
 * 2. The bench bundle (page/entry.ts): the content script's scanning,
 *    highlighting and hover modules as one minified IIFE the benchmark
 *    injects into pages, with `./slices.ts` swapped for probe.ts where
 *    scanning.ts imports it (probe.ts calls the real one).
 * 3. The panel bundle (panel/entry.tsx): the side panel's PanelApp and its
 *    CSS, built with the Preact plugin the extension's build uses, as one
 *    minified IIFE and one stylesheet.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { build as viteBuild, minifySync, type Plugin, type Rollup } from 'vite';
import { prepare as wxtPrepare, build as wxtBuild } from 'wxt';

export const root = fileURLToPath(new URL('../..', import.meta.url));
/** Under node_modules so it is never committed and never collides with .output/. */
export const privateDir = resolve(root, 'node_modules/.cache/source-context-bench');

export interface ModuleBytes {
  /** Path relative to the project root, or `npm:<package>/<file>`. */
  id: string;
  /** The module's code as rendered into the chunk (after tree-shaking, before minification). */
  rendered: number;
  /** That code minified on its own (an estimate of its share of the minified chunk). */
  minified: number;
}

export interface ChunkModules {
  file: string;
  /** Size of the chunk as written (minified). */
  bytes: number;
  modules: ModuleBytes[];
}

function moduleId(id: string): string {
  const clean = id.replace(/\?.*$/, '').replace(/^\0/, '');
  const nm = clean.lastIndexOf('node_modules/');
  if (nm >= 0) return `npm:${clean.slice(nm + 'node_modules/'.length)}`;
  return clean.startsWith(root) ? clean.slice(root.length) : clean;
}

function minifiedLength(id: string, code: string): number {
  if (!code.trim()) return 0;
  try {
    return Buffer.byteLength(minifySync(`${id.replace(/[^\w.-]/g, '_')}.js`, code).code);
  } catch {
    return Buffer.byteLength(code);
  }
}

function attribution(into: ChunkModules[]): Plugin {
  return {
    name: 'source-context-bench:attribution',
    apply: 'build',
    generateBundle(_options, bundle: Rollup.OutputBundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const modules = Object.entries(chunk.modules).map(([id, m]) => ({
          id: moduleId(id),
          rendered: m.renderedLength,
          minified: minifiedLength(id, m.code ?? ''),
        }));
        into.push({ file: chunk.fileName, bytes: Buffer.byteLength(chunk.code), modules: modules.sort((a, b) => b.minified - a.minified) });
      }
    },
  };
}

const quiet = { debug() {}, log() {}, info() {}, warn() {}, success() {}, error: console.error, fatal: console.error, level: 1 };

/** Builds the Chrome extension into the private folder; returns its path and the per-chunk module attribution. */
export async function buildExtension(): Promise<{ dir: string; chunks: ChunkModules[] }> {
  const chunks: ChunkModules[] = [];
  await wxtBuild({
    root,
    browser: 'chrome',
    outDir: resolve(privateDir, 'output'),
    logger: quiet as never,
    vite: () => ({ plugins: [attribution(chunks)] }),
  });
  return { dir: resolve(privateDir, 'output/chrome-mv3'), chunks };
}

/** Builds the bench bundle (IIFE, global `SCBench`) and returns its source. */
export async function buildBenchBundle(): Promise<string> {
  const probe = fileURLToPath(new URL('./page/probe.ts', import.meta.url));
  const swapSlices: Plugin = {
    name: 'source-context-bench:probe',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === './slices.ts' && importer?.endsWith('entrypoints/content/scanning.ts')) return probe;
      return null;
    },
  };
  const out = await viteBuild({
    configFile: false,
    root,
    logLevel: 'silent',
    plugins: [swapSlices],
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      lib: { entry: fileURLToPath(new URL('./page/entry.ts', import.meta.url)), formats: ['iife'], name: 'SCBench', fileName: 'bench' },
    },
  });
  const outputs = (Array.isArray(out) ? out : [out]) as Rollup.RollupOutput[];
  const chunk = outputs[0]?.output.find((o): o is Rollup.OutputChunk => o.type === 'chunk');
  if (!chunk) throw new Error('bench bundle: no output chunk');
  if (!chunk.moduleIds.some((id) => id === probe)) throw new Error('bench bundle: the slices probe was not swapped in');
  return chunk.code;
}

/**
 * Builds the panel bundle (IIFE, global `SCPanel`) and returns its script and
 * the panel's stylesheet. `minify: false` keeps function names for profiles.
 */
export async function buildPanelBundle(minify = true): Promise<{ js: string; css: string }> {
  // Vite's TypeScript transform reads tsconfig.json, which extends WXT's
  // generated .wxt/tsconfig.json: absent from a `--ref` snapshot until a WXT
  // build or `wxt prepare` (npm's postinstall) has run there.
  if (!existsSync(resolve(root, '.wxt/tsconfig.json'))) await wxtPrepare({ root, logger: quiet as never });
  const out = await viteBuild({
    configFile: false,
    root,
    logLevel: 'silent',
    mode: 'production',
    plugins: [preact()],
    build: {
      write: false,
      minify,
      target: 'es2022',
      cssCodeSplit: false,
      lib: { entry: fileURLToPath(new URL('./panel/entry.tsx', import.meta.url)), formats: ['iife'], name: 'SCPanel', fileName: 'panel' },
    },
  });
  const outputs = (Array.isArray(out) ? out : [out]) as Rollup.RollupOutput[];
  const files = outputs.flatMap((o) => o.output);
  const chunk = files.find((o): o is Rollup.OutputChunk => o.type === 'chunk');
  const css = files.filter((o): o is Rollup.OutputAsset => o.type === 'asset' && o.fileName.endsWith('.css')).map((a) => String(a.source));
  if (!chunk) throw new Error('panel bundle: no output chunk');
  if (!css.length || !css.join('').includes('.sc-panel-search')) throw new Error('panel bundle: the panel CSS is missing');
  return { js: chunk.code, css: css.join('\n') };
}
