/**
 * Page scanning in headless Chromium: the content script's code against
 * mark.js and a bare reference, on the same pages in the same run, plus the
 * dynamic page and hover hit-testing. Node side only: it opens pages, injects
 * the bench bundle (page/entry.ts) and collects the numbers its runners
 * return. See README.md for what each number means.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'puppeteer-core';
import type { DynamicSample, HoverSample, ScanSample } from './page/entry.ts';
import { distribution, max, median, type Distribution } from './stats.ts';

export const METHODS = ['ours', 'mark', 'bare'] as const;
export type Method = (typeof METHODS)[number];

export interface PageRef {
  /** Short name for the report. */
  name: string;
  url: string;
  kind: 'generated' | 'real';
  description?: string;
  htmlBytes: number;
}

/** Medians over the repetitions of one method on one page. */
export interface MethodResult {
  mainMs: number;
  wallMs: number;
  maxSliceMs: number;
  tasks: number;
  frameAfterMs: number;
  mentions: number;
  /** Longest slice (own task) over all repetitions. */
  worstSliceMs: number;
  /** Longest 'longtask' entry over all repetitions (0: none over 50 ms). */
  worstLongTaskMs: number;
  /** Longest 'long-animation-frame' entry over all repetitions. */
  worstFrameMs: number;
  runs: number;
}

export interface PageResult {
  page: string;
  kind: 'generated' | 'real';
  description?: string;
  htmlBytes: number;
  textChars: number;
  textNodes: number;
  elements: number;
  methods: Record<Method, MethodResult>;
}

export interface BenchAssets {
  bundle: string;
  /** The built content script's CSS (the highlight styles), so highlights paint as they do with the extension. */
  contentCss: string;
}

const markJs = readFileSync(createRequire(import.meta.url).resolve('mark.js/dist/mark.min.js'), 'utf8');
/** Same look for the bare reference's highlight as for ours. */
const BARE_CSS = '::highlight(bench-bare){background-color:rgba(230,159,0,.28);text-decoration:underline solid rgb(230,159,0)}';

type Runner = 'ours' | 'mark' | 'bare' | 'dynamic' | 'hover' | 'describe' | 'reset';

/** Loads `url` in `page` (a fresh document), injects styles and the bench code, lets the page settle. */
async function prepare(page: Page, url: string, assets: BenchAssets, withMark: boolean): Promise<void> {
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  await page.addStyleTag({ content: assets.contentCss + BARE_CSS });
  await page.evaluate(assets.bundle);
  if (withMark) await page.evaluate(markJs);
  // Two frames: layout done, load-time tasks over.
  await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))));
}

function call<T>(page: Page, runner: Runner, ...args: unknown[]): Promise<T> {
  return page.evaluate(
    (runner: string, args: unknown[]) => (globalThis as unknown as Record<string, Record<string, (...a: unknown[]) => unknown>>).SCBench![runner]!(...args),
    runner,
    args,
  ) as Promise<T>;
}

function summarize(samples: ScanSample[]): MethodResult {
  const m = (f: (s: ScanSample) => number) => median(samples.map(f));
  return {
    mainMs: m((s) => s.mainMs),
    wallMs: m((s) => s.wallMs),
    maxSliceMs: m((s) => s.maxSliceMs),
    tasks: m((s) => s.tasks),
    frameAfterMs: m((s) => s.frameAfterMs),
    mentions: m((s) => s.mentions),
    worstSliceMs: max(samples.map((s) => s.maxSliceMs)),
    worstLongTaskMs: max(samples.map((s) => s.maxLongTaskMs)),
    worstFrameMs: max(samples.map((s) => s.maxFrameMs)),
    runs: samples.length,
  };
}

/**
 * The tab the page runs happen in, warmed up on `warmUrl` with all three
 * methods first, so every measured run is a "warm" one: a page of a site
 * whose renderer process has already compiled the term RegExp (V8 caches
 * compiled RegExps per process) and run the code. The first page of a fresh
 * process is measured apart, by `benchColdStart`.
 */
export async function warmTab(browser: Browser, warmUrl: string, assets: BenchAssets): Promise<Page> {
  const tab = await browser.newPage();
  tab.setDefaultTimeout(120_000);
  await prepare(tab, warmUrl, assets, true);
  for (const method of ['ours', 'bare', 'mark'] as const) {
    await call(tab, method);
    await call(tab, 'reset');
  }
  return tab;
}

/**
 * Each page `reps` times: one fresh document per repetition, in which the
 * three methods run one after the other, each undone before the next and a
 * frame apart. Ours and bare only add highlights, so they alternate in order
 * from one repetition to the next; mark.js changes the DOM, so it always runs
 * last. (A document per method would triple the page loads, which dominate
 * the benchmark's run time on real pages.)
 */
export async function benchPages(
  tab: Page,
  pages: readonly PageRef[],
  assets: BenchAssets,
  reps: number,
  log: (line: string) => void,
): Promise<PageResult[]> {
  const results: PageResult[] = [];
  const started = performance.now();
  for (const [i, ref] of pages.entries()) {
    const samples: Record<Method, ScanSample[]> = { ours: [], mark: [], bare: [] };
    let shape = { textNodes: 0, textChars: 0, elements: 0 };
    try {
      for (let rep = 0; rep < reps; rep++) {
        await prepare(tab, ref.url, assets, true);
        if (rep === 0) shape = await call(tab, 'describe');
        for (const method of rep % 2 ? (['bare', 'ours', 'mark'] as const) : (['ours', 'bare', 'mark'] as const)) {
          samples[method].push(await call<ScanSample>(tab, method));
          if (method !== 'mark') await call(tab, 'reset');
        }
      }
    } catch (error) {
      log(`  ${ref.name}: skipped (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
      continue;
    }
    const methods = { ours: summarize(samples.ours), mark: summarize(samples.mark), bare: summarize(samples.bare) };
    results.push({ page: ref.name, kind: ref.kind, description: ref.description, htmlBytes: ref.htmlBytes, ...shape, methods });
    if (ref.kind === 'generated' || methods.ours.mentions > 0) {
      log(
        `  ${ref.name}: ours ${methods.ours.mainMs.toFixed(1)} ms (${methods.ours.mentions}), mark.js ${methods.mark.mainMs.toFixed(1)} ms (${methods.mark.mentions}), bare ${methods.bare.mainMs.toFixed(1)} ms (${methods.bare.mentions})`,
      );
    }
    if ((i + 1) % 20 === 0) log(`  ... ${i + 1}/${pages.length} pages, ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  return results;
}

export interface ColdStartResult {
  page: string;
  runs: number;
  /** Median main-thread time of the first scan in a fresh renderer process, per method. */
  coldMs: Record<Method, number>;
}

/**
 * The first page of a fresh process (a new browser context per run): what a
 * reader's first page on a site costs, RegExp compilation and Unicode
 * property tables included. On one small page, so the fixed cost shows.
 */
export async function benchColdStart(browser: Browser, ref: PageRef, assets: BenchAssets, reps: number): Promise<ColdStartResult> {
  const samples: Record<Method, number[]> = { ours: [], mark: [], bare: [] };
  for (let rep = 0; rep < reps; rep++) {
    for (const method of METHODS) {
      const context = await browser.createBrowserContext();
      try {
        const tab = await context.newPage();
        await prepare(tab, ref.url, assets, method === 'mark');
        samples[method].push((await call<ScanSample>(tab, method)).mainMs);
      } finally {
        await context.close();
      }
    }
  }
  return { page: ref.name, runs: reps, coldMs: { ours: median(samples.ours), mark: median(samples.mark), bare: median(samples.bare) } };
}

export interface DynamicResult {
  batches: number;
  batchSize: number;
  gapMs: number;
  runs: number;
  /** Pooled over every batch of every run. */
  latencyMs: Distribution;
  busyMs: Distribution;
  appendMs: Distribution;
  mentionsPerBatch: number;
  worstLongTaskMs: number;
  maxSliceMs: number;
}

/** The dynamic page: the initial scan, then `batches.length` appended batches, `reps` times. */
export async function benchDynamic(tab: Page, url: string, batches: string[], batchSize: number, gapMs: number, assets: BenchAssets, reps: number): Promise<DynamicResult> {
  const all: DynamicSample[] = [];
  for (let rep = 0; rep < reps; rep++) {
    await prepare(tab, url, assets, false);
    await call(tab, 'ours');
    all.push(await call<DynamicSample>(tab, 'dynamic', batches, gapMs));
  }
  const pool = (f: (s: DynamicSample) => number[]) => all.flatMap(f);
  return {
    batches: batches.length,
    batchSize,
    gapMs,
    runs: reps,
    latencyMs: distribution(pool((s) => s.latencyMs)),
    busyMs: distribution(pool((s) => s.busyMs)),
    appendMs: distribution(pool((s) => s.appendMs)),
    mentionsPerBatch: median(pool((s) => s.mentions)),
    worstLongTaskMs: max(all.map((s) => s.maxLongTaskMs)),
    maxSliceMs: max(all.map((s) => s.maxSliceMs)),
  };
}

export interface HoverResult {
  mentions: number;
  runs: number;
  /** hitTest + setActive at mention centres. */
  onMention: Distribution;
  /** The same at random viewport points. */
  anywhere: Distribution;
  /** Reference: no per-node index, test every mention's rectangles. */
  naive: Distribution;
  /** Rendering of the frame after a move onto a mention (the active highlight changed). */
  frameAfterMove: Distribution;
  hitRate: number;
  crossOriginIsolated: boolean;
}

export async function benchHover(tab: Page, url: string, samples: number, assets: BenchAssets, reps: number): Promise<HoverResult> {
  const all: HoverSample[] = [];
  for (let rep = 0; rep < reps; rep++) {
    await prepare(tab, url, assets, false);
    await call(tab, 'ours');
    all.push(await call<HoverSample>(tab, 'hover', samples));
  }
  return {
    mentions: all[0]?.mentions ?? 0,
    runs: reps,
    onMention: distribution(all.flatMap((s) => s.onMs)),
    anywhere: distribution(all.flatMap((s) => s.offMs)),
    naive: distribution(all.flatMap((s) => s.naiveMs)),
    frameAfterMove: distribution(all.flatMap((s) => s.frameMs)),
    hitRate: median(all.map((s) => s.hitRate)),
    crossOriginIsolated: all.every((s) => s.crossOriginIsolated),
  };
}

/**
 * The built extension's own content script on the generated pages: how many
 * mentions it registers in CSS.highlights once they stop changing. The bench
 * bundle must find the same number, which shows it runs the same code.
 */
export async function extensionCounts(browser: Browser, pages: readonly PageRef[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const ref of pages) {
    const tab = await browser.newPage();
    await tab.goto(ref.url, { waitUntil: 'load', timeout: 60_000 });
    let last = -1;
    let stableSince = Date.now();
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const n = await tab.evaluate(() => {
        let count = 0;
        for (const [name, h] of CSS.highlights) if (name.startsWith('mark-') && name !== 'mark-x') count += h.size;
        return count;
      });
      if (n !== last) {
        last = n;
        stableSince = Date.now();
      } else if (n > 0 && Date.now() - stableSince > 1000) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    out[ref.name] = last;
    await tab.close();
  }
  return out;
}
