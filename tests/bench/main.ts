/**
 * `npm run bench`: builds, measures every section, writes
 * `<out>/latest.json` and `<out>/latest.md` and prints the table. Each section
 * is measured independently: one that cannot be measured is recorded with
 * its error, the others still run, and the exit code is then 1. Targets met
 * or missed never change the exit code. See README.md for the method.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgsOrFail } from '../../scripts/cli.ts';
import type { Browser } from 'puppeteer-core';
import { buildBenchBundle, buildExtension, buildPanelBundle, root } from './build.ts';
import { plain, withExtension } from './browser.ts';
import { benchScale, type ScaleResult } from './index-scale.ts';
import { benchLookups, type LookupResult } from './lookups.ts';
import { benchPageCost, type PageCostResult } from './page-cost.ts';
import { batchHtml, dynamicBasePage, hoverPage, scanPages, type GeneratedPage } from './pages.ts';
import { benchPanel, panelCorpus, PANEL_HTML, type PanelScaleResult } from './panel-ui.ts';
import { cardLookups, keystrokes, PANEL_QUERIES } from './queries.ts';
import { renderMarkdown } from './report.ts';
import {
  benchColdStart,
  benchDynamic,
  benchHover,
  benchPages,
  extensionCounts,
  warmTab,
  type ColdStartResult,
  type DynamicResult,
  type HoverResult,
  type PageRef,
  type PageResult,
} from './scan.ts';
import { startBenchServer } from './server.ts';
import { measureSizes, type SizeResult } from './sizes.ts';
import { checkTargets, type Target } from './targets.ts';

/** The parts `--only` can choose; each is measured and reported on its own. */
export const SECTIONS = ['cost', 'scan', 'lookups', 'index', 'panel', 'sizes'] as const;
export type Section = (typeof SECTIONS)[number];

export interface BenchOptions {
  /** Folder of saved .html pages to scan as well (optional). */
  pages?: string;
  /** Tiny setting for CI: few pages, one repetition, small scale factors. */
  quick: boolean;
  /** Only these sections (default: all). `scan` includes the cold start, the dynamic page and hover; `lookups` the extension counts. */
  only?: readonly Section[];
  /** Where latest.json and latest.md go. */
  out: string;
  /** What was measured: a commit, or "<commit> + uncommitted changes". */
  revision: string;
  log: (line: string) => void;
}

/** How much of everything to do; the quick setting is a smoke run. */
export interface Settings {
  scanReps: number;
  realPageLimit: number;
  coldReps: number;
  dynamicBatches: number;
  dynamicReps: number;
  hoverSamples: number;
  hoverReps: number;
  warmLookups: number;
  coldLookups: number;
  scales: number[];
  scaleReps: number;
  queryBudgetMs: number;
  /** How many of PANEL_QUERIES the side panel UI section types at each of `scales`. */
  panelQueries: number;
  /** Page cost: how many of the largest real pages, and loads per page and browser (the median counts). */
  costPages: number;
  costReps: number;
}

export const FULL: Settings = {
  scanReps: 3,
  realPageLimit: Infinity,
  coldReps: 5,
  dynamicBatches: 20,
  dynamicReps: 3,
  hoverSamples: 300,
  hoverReps: 2,
  warmLookups: 300,
  coldLookups: 10,
  scales: [1, 100, 1000],
  scaleReps: 3,
  queryBudgetMs: 8000,
  panelQueries: PANEL_QUERIES.length,
  costPages: 20,
  costReps: 3,
};

export const QUICK: Settings = {
  scanReps: 1,
  realPageLimit: 3,
  coldReps: 1,
  dynamicBatches: 4,
  dynamicReps: 1,
  hoverSamples: 40,
  hoverReps: 1,
  warmLookups: 40,
  coldLookups: 2,
  scales: [1, 10],
  scaleReps: 1,
  queryBudgetMs: 500,
  panelQueries: 2,
  costPages: 3,
  costReps: 1,
};

export interface BenchResults {
  meta: {
    date: string;
    quick: boolean;
    /** The sections measured when `--only` chose some; null: all of SECTIONS. */
    only: Section[] | null;
    pagesDir: string | null;
    revision: string;
    settings: Settings;
    chromium: string;
    node: string;
    cpu: string;
    cores: number;
    memoryGb: number;
    /** 1-minute load average at the start and the end: other work on the machine skews timings. */
    loadAverage: [number, number];
    durationS: number;
  };
  /** What a page load pays for each extension, measured whole (page-cost.ts). */
  cost: PageCostResult | null;
  scan: { pages: PageResult[]; coldStart: ColdStartResult | null; extensionCounts: Record<string, number> | null } | null;
  dynamic: DynamicResult | null;
  hover: HoverResult | null;
  lookups: LookupResult | null;
  index: ScaleResult[] | null;
  /** The side panel's UI in Chromium, typed into at each of `scales`. */
  panel: PanelScaleResult[] | null;
  sizes: SizeResult | null;
  targets: Target[];
  /** Sections that could not be measured, with why. */
  errors: Record<string, string>;
}

const BATCH_SIZE = 50;
const BATCH_GAP_MS = 100;

/** The real pages the page cost uses when no --pages is given (outside the repository: tests never read it). */
const SHARED_PAGES = resolve(root, '../shared/real-pages');

/** The `n` largest pages by HTML size, largest first. */
function largest(pages: PageRef[], n: number): PageRef[] {
  return [...pages].sort((a, b) => b.htmlBytes - a.htmlBytes).slice(0, n);
}

function realPages(dir: string, base: string, limit: number): PageRef[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .slice(0, limit)
    .map((f) => ({ name: f.replace(/\.html$/, ''), url: `${base}/real/${encodeURIComponent(f)}`, kind: 'real' as const, htmlBytes: statSync(join(dir, f)).size }));
}

/**
 * The side panel UI section: its own server (the panel page, and each
 * scale's corpus under /data/, built in turn so only one is held) and its
 * own browser, so no tab of the scan benchmark shares the renderer.
 */
async function measurePanel(bundle: { js: string; css: string }, settings: Settings, log: (line: string) => void, version: (v: string) => void): Promise<PanelScaleResult[]> {
  const data = new Map<string, string>();
  const { url, server } = await startBenchServer(new Map([['panel.html', PANEL_HTML]]), undefined, data);
  let browser: Browser | undefined;
  try {
    browser = await plain();
    version(await browser.version());
    const queries = PANEL_QUERIES.slice(0, settings.panelQueries);
    log(`panel: the side panel UI in Chromium, ${queries.length} queries typed at scales ${settings.scales.join(', ')}`);
    const out: PanelScaleResult[] = [];
    for (const factor of settings.scales) {
      data.clear();
      for (const [name, json] of panelCorpus(factor)) data.set(name, json);
      out.push(await benchPanel(browser, `${url}/gen/panel.html`, `${url}/data`, bundle, factor, queries));
      log(`  ${factor}x done`);
    }
    return out;
  } finally {
    await browser?.close();
    server.close();
  }
}

/** HEAD's commit, marked when the tree has uncommitted changes (the usual case while others work). */
function workingTree(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${sha} + uncommitted changes` : sha;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

export async function runBench(options: BenchOptions): Promise<{ results: BenchResults; markdown: string; ok: boolean }> {
  const started = performance.now();
  const loadAtStart = loadavg()[0]!;
  const settings = options.quick ? QUICK : FULL;
  const log = options.log;
  const errors: Record<string, string> = {};
  const attempt = async <T>(section: string, fn: () => Promise<T>): Promise<T | null> => {
    try {
      return await fn();
    } catch (error) {
      errors[section] = error instanceof Error ? (error.stack ?? error.message) : String(error);
      log(`! ${section}: could not measure: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  };

  const sections = new Set<Section>(options.only?.length ? options.only : SECTIONS);
  const want = (section: Section) => sections.has(section);

  const needsExtension = want('cost') || want('scan') || want('lookups') || want('sizes');
  log(`build: ${[needsExtension && 'extension (Chrome MV3)', want('scan') && 'bench bundle', want('panel') && 'panel bundle'].filter(Boolean).join(', ')}`);
  const ext = needsExtension ? await attempt('build', buildExtension) : null;
  const bundle = want('scan') ? await attempt('bench bundle', buildBenchBundle) : null;
  const panelBundle = want('panel') ? await attempt('panel bundle', () => buildPanelBundle()) : null;
  // Our highlight styles, which the background inserts on a page's first mention (components/ui/highlight-css.ts).
  const contentCss = ['highlights.css', 'highlight-styles.css'].map((file) => readFileSync(join(root, 'components/ui', file), 'utf8')).join('\n');
  const assets = bundle ? { bundle, contentCss } : null;

  const generated: GeneratedPage[] = scanPages(options.quick);
  const hoverGen = hoverPage(1000);
  const dynamicGen = dynamicBasePage();
  const served = new Map([...generated, hoverGen, dynamicGen].map((g) => [g.name, g.html]));
  const { url, server } = await startBenchServer(served, options.pages);
  const genRefs: PageRef[] = generated.map((g) => ({ name: g.name.replace(/\.html$/, ''), url: `${url}/gen/${g.name}`, kind: 'generated', description: g.description, htmlBytes: Buffer.byteLength(g.html) }));
  const realRefs = options.pages ? realPages(options.pages, url, settings.realPageLimit) : [];

  let scan: BenchResults['scan'] = null;
  let dynamic: DynamicResult | null = null;
  let hover: HoverResult | null = null;
  let chromium = '';
  let browser: Browser | undefined;
  try {
    if (assets) {
      browser = await plain();
      chromium = await browser.version();
      const tab = await warmTab(browser, genRefs[0]!.url, assets);
      log(`scan: ${genRefs.length} generated + ${realRefs.length} real pages × 3 methods × ${settings.scanReps}`);
      const pages = await attempt('scan', () => benchPages(tab, [...genRefs, ...realRefs], assets, settings.scanReps, log));
      const coldStart = await attempt('cold start', () => benchColdStart(browser!, genRefs[0]!, assets, settings.coldReps));
      if (pages) scan = { pages, coldStart, extensionCounts: null };
      log(`dynamic: ${settings.dynamicBatches} batches of ${BATCH_SIZE} paragraphs × ${settings.dynamicReps}`);
      const batches = Array.from({ length: settings.dynamicBatches }, (_, i) => batchHtml(i, BATCH_SIZE));
      dynamic = await attempt('dynamic', () => benchDynamic(tab, `${url}/gen/${dynamicGen.name}`, batches, BATCH_SIZE, BATCH_GAP_MS, assets, settings.dynamicReps));
      log(`hover: ${settings.hoverSamples} moves × ${settings.hoverReps}`);
      hover = await attempt('hover', () => benchHover(tab, `${url}/gen/${hoverGen.name}`, settings.hoverSamples, assets, settings.hoverReps));
    }
  } catch (error) {
    errors.browser = error instanceof Error ? (error.stack ?? error.message) : String(error);
    log(`! browser: ${errors.browser}`);
  } finally {
    await browser?.close();
  }

  let lookups: LookupResult | null = null;
  if (ext && want('lookups')) {
    let extBrowser: Browser | undefined;
    try {
      extBrowser = await withExtension(ext.dir);
      chromium ||= await extBrowser.version();
      log('lookups: through the service worker, warm and after stops');
      lookups = await attempt('lookups', () => benchLookups(extBrowser!, cardLookups(), settings.warmLookups, settings.coldLookups));
      const small = genRefs.filter((g) => g.htmlBytes < 2_000_000);
      const counts = await attempt('extension counts', () => extensionCounts(extBrowser!, small));
      if (scan && counts) scan.extensionCounts = counts;
    } catch (error) {
      errors.extension = error instanceof Error ? (error.stack ?? error.message) : String(error);
      log(`! extension: ${errors.extension}`);
    } finally {
      await extBrowser?.close();
    }
  }

  let cost: PageCostResult | null = null;
  if (ext && want('cost')) {
    // The N largest real pages (the set): --pages, else ../shared/real-pages when present (not in
    // the quick setting, which must behave the same with or without it), else the generated pages.
    const dir = options.pages ?? (!options.quick && existsSync(SHARED_PAGES) ? SHARED_PAGES : undefined);
    const costServer = dir && dir !== options.pages ? await startBenchServer(new Map(), dir) : undefined;
    const costRefs = dir
      ? largest(realPages(dir, costServer?.url ?? url, Infinity), settings.costPages)
      : genRefs.filter((g) => g.htmlBytes < 2_000_000).slice(0, settings.costPages);
    log(`cost: ${costRefs.length} ${dir ? 'real' : 'generated'} pages × ${settings.costReps} loads in 5 browsers, each page in turn (+ 1 traced with ours)`);
    const contentBytes = readdirSync(join(ext.dir, 'content-scripts')).filter((f) => f.endsWith('.js')).reduce((n, f) => n + statSync(join(ext.dir, 'content-scripts', f)).size, 0);
    cost = await attempt('cost', () => benchPageCost(ext.dir, contentBytes, costRefs, dir ? 'real' : 'generated', settings.costReps, log));
    costServer?.server.close();
  }
  server.close();

  let index: ScaleResult[] | null = null;
  if (want('index')) {
    log(`index: scales ${settings.scales.join(', ')}`);
    index = await attempt('index', async () => {
      const out: ScaleResult[] = [];
      for (const factor of settings.scales) {
        out.push(benchScale(factor, settings.scaleReps, cardLookups(), keystrokes(), settings.queryBudgetMs));
        log(`  ${factor}x done`);
      }
      return out;
    });
  }
  const panel = panelBundle ? await attempt('panel', () => measurePanel(panelBundle, settings, log, (v) => (chromium ||= v))) : null;
  const sizes = ext && want('sizes') ? await attempt('sizes', async () => measureSizes(ext.dir, ext.chunks)) : null;

  const results: BenchResults = {
    meta: {
      date: new Date().toISOString(),
      quick: options.quick,
      only: options.only?.length ? SECTIONS.filter(want) : null,
      pagesDir: options.pages ?? null,
      revision: options.revision,
      settings: { ...settings, realPageLimit: Number.isFinite(settings.realPageLimit) ? settings.realPageLimit : -1 },
      chromium,
      node: process.version,
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryGb: Math.round(totalmem() / 2 ** 30),
      loadAverage: [Math.round(loadAtStart * 100) / 100, Math.round(loadavg()[0]! * 100) / 100],
      durationS: 0,
    },
    cost,
    scan,
    dynamic,
    hover,
    lookups,
    index,
    panel,
    sizes,
    targets: [],
    errors,
  };
  results.targets = checkTargets(results);
  results.meta.durationS = Math.round((performance.now() - started) / 1000);
  const markdown = renderMarkdown(results);
  mkdirSync(options.out, { recursive: true });
  writeFileSync(join(options.out, 'latest.json'), `${JSON.stringify(results, null, 1)}\n`);
  writeFileSync(join(options.out, 'latest.md'), markdown);
  const measured: Record<Section, boolean> = {
    cost: cost !== null,
    scan: scan !== null && dynamic !== null && hover !== null,
    lookups: lookups !== null,
    index: index !== null,
    panel: panel !== null,
    sizes: sizes !== null,
  };
  const ok = Object.keys(errors).length === 0 && SECTIONS.every((section) => !want(section) || measured[section]);
  return { results, markdown, ok };
}

/**
 * `--ref REV`: measure a committed revision instead of the working tree.
 * Others edit the tree while a 10-minute benchmark runs, and a half-saved
 * file would fail the build or skew a figure; a snapshot (`git archive`,
 * node_modules linked in) is one consistent state, named in the results. The
 * snapshot's own scripts/bench.ts runs, so the Node sections (index, direct
 * lookups) use that revision's lib/ and data/ too.
 */
function runAtRef(ref: string, argv: string[], out: string): number {
  const sha = execFileSync('git', ['rev-parse', '--verify', `${ref}^{commit}`], { cwd: root, encoding: 'utf8' }).trim();
  // Outside node_modules: Node refuses to strip types from files under it.
  const dir = join(tmpdir(), `source-context-bench-${sha.slice(0, 12)}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('sh', ['-c', `git archive --format=tar ${sha} | tar -x -C "${dir}"`], { cwd: root });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  console.error(`measuring ${ref} = ${sha} (snapshot in ${dir})`);
  const rest = argv.filter((a, i) => a !== '--ref' && argv[i - 1] !== '--ref' && !a.startsWith('--ref=') && a !== '--out' && argv[i - 1] !== '--out' && !a.startsWith('--out='));
  const child = spawnSync(process.execPath, [join(dir, 'scripts/bench.ts'), ...rest, '--out', out, '--revision', sha], { stdio: 'inherit', env: process.env });
  return child.status ?? 1;
}

/** Command line: `--pages DIR`, `--quick`, `--out DIR`, `--ref REV`, `--only SECTION[,SECTION…]`. */
export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgsOrFail(
    'bench',
    {
      args: argv,
      options: {
        pages: { type: 'string' },
        quick: { type: 'boolean', default: false },
        out: { type: 'string' },
        ref: { type: 'string' },
        revision: { type: 'string' },
        only: { type: 'string' },
      },
    },
    `usage: npm run bench -- [--quick] [--pages DIR] [--out DIR] [--ref REV] [--only ${SECTIONS.join(',')}]`,
  );
  const only = (values.only ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = only.filter((s) => !(SECTIONS as readonly string[]).includes(s));
  if (unknown.length) {
    console.error(`--only: unknown section ${unknown.join(', ')} (one or more of ${SECTIONS.join(', ')}, comma-separated)`);
    return 2;
  }
  const out = resolve(values.out ?? join(root, 'tests/bench/results'));
  if (values.ref) return runAtRef(values.ref, argv, out);
  const revision = values.revision ?? workingTree();
  const { markdown, ok } = await runBench({ pages: values.pages ? resolve(values.pages) : undefined, quick: values.quick ?? false, only: only as Section[], out, revision, log: (l) => console.error(l) });
  console.log(markdown);
  console.error(`written: ${join(out, 'latest.json')}, ${join(out, 'latest.md')}`);
  return ok ? 0 : 1;
}
