/**
 * What a page pays for the extension, measured whole and from outside: the
 * renderer's main-thread task time of a page load in a browser with one
 * extension installed, minus the same in a browser with none. Everything the
 * extension makes the page do counts — compiling and running the content
 * script, its scan and highlights, the style, layout and paint they cause —
 * and nothing is left to the extension to report about itself.
 *
 * Five browsers, side by side: no extension, ours (the built
 * `.output`-style Chrome build), a bare reference extension, a mark.js
 * extension and a no-op extension (the floor any content script pays), all
 * three built here (see `referenceExtensions`). See
 * README.md ("Page cost") for the method.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { Browser, CDPSession, Page } from 'puppeteer-core';
import { termsSource } from '../../lib/detect/matcher.ts';
import { ALL_HIGHLIGHT_NAMES } from '../../entrypoints/content/highlight-names.ts';
import { plain, withExtension } from './browser.ts';
import { privateDir } from './build.ts';
import { random } from './pages.ts';
import type { PageRef } from './scan.ts';
import { median, percentile, sum } from './stats.ts';

export const COST_CONFIGS = ['none', 'ours', 'bare', 'mark', 'noop'] as const;
export type CostConfig = (typeof COST_CONFIGS)[number];
export const EXTENSIONS = ['ours', 'bare', 'mark', 'noop'] as const;
export type Extension = (typeof EXTENSIONS)[number];

/** How long after `load` a load is counted: the extension's deferred and sliced work happens then. */
export const AFTER_LOAD_MS = 1500;

/** The renderer's own split of a load's main-thread time (CDP `Performance.getMetrics`), ms. */
export interface LoadMetrics {
  /** `TaskDuration`: every task of the renderer's main thread. */
  taskMs: number;
  /** `ScriptDuration`: JavaScript run (ours or a reference's: the pages' own scripts are blocked). */
  scriptMs: number;
  /** `V8CompileDuration`: compiling it. */
  compileMs: number;
  /** `RecalcStyleDuration`. */
  styleMs: number;
  /** `LayoutDuration`. */
  layoutMs: number;
}

export interface CostPage {
  page: string;
  htmlBytes: number;
  /** Per browser: the median load of the repetitions (by task time; see `middleLoad`). */
  loads: Record<CostConfig, LoadMetrics>;
  /** Every repetition's task time, per browser, in order: the five browsers' r-th loads of the page ran together. */
  samples: Record<CostConfig, number[]>;
  /** Mentions the built extension highlighted (ranges in its highlights), from the traced load. */
  mentions: number;
  /** From the trace of one more load with our extension: see `TraceFigures`. */
  trace: TraceFigures | null;
}

/** What a trace of a load with our extension says (main thread of the page's renderer, navigation to load + 1.5 s); see `readTrace`. */
export interface TraceFigures {
  /** Longest task of ours, whole (its thread time where the trace has it, else wall time). */
  longestOursMs: number;
  /** How many tasks of ours: the content script's start, its scan slices, its timers. */
  oursTasks: number;
  /** Their total duration. */
  oursTasksMs: number;
}

export interface PageCostResult {
  pages: CostPage[];
  /** Where the pages came from: real pages (the N largest) or the generated ones. */
  set: 'real' | 'generated';
  reps: number;
  /** Per extension: summed added task time (lower of the loads, minus no extension), ms. */
  added: Record<Extension, number>;
  /** The same split by the renderer's metrics. */
  addedParts: Record<Extension, Omit<LoadMetrics, 'taskMs'>>;
  /** Pages where our extension found no mention, and what it added there. */
  noMention: { pages: number; addedMs: number };
  contentScriptBytes: number;
  /** How much the figure moves between repetitions: see `CostSpread`. */
  spread: CostSpread;
  /** The machine's 1-minute load average, read before each page's loads: lowest, median, highest. */
  load: { min: number; median: number; max: number };
}

/** Ours' added time over bare's and over mark.js's. */
export interface CostRatios {
  bare: number;
  mark: number;
}

/**
 * The noise around the figure. A page's added time moves by 10-40 ms from
 * one load to the next (parsing, garbage collection and frames fall
 * differently), about as much as ours adds to a page without a mention, so
 * a figure from one run is read with its spread.
 */
export interface CostSpread {
  /** Each repetition alone: its loads only (the five browsers' loads of a page made together), summed over the pages. */
  perRep: CostRatios[];
  /** 90% bootstrap interval of the figure's ratios: each page's repetitions drawn again with replacement, the five browsers' loads of a repetition kept together. */
  low: CostRatios;
  high: CostRatios;
}

/** The matcher's one RegExp source (lib/detect/matcher.ts): the references search with the same RegExp. */
export const TERMS_SOURCE = termsSource();

/**
 * The three reference extensions, a few lines each, written into the bench's
 * private folder: same manifest shape as ours (content script on every page
 * and frame at `document_idle`, highlight CSS from the manifest).
 * - **bare**: one TreeWalker over the body's text, the same RegExp, one
 *   StaticRange per match, one Highlight registered under one name.
 * - **mark**: mark.js 8 `markRegExp` with the same RegExp, wrapping each
 *   match in `<mark>` (its defaults).
 * - **noop**: an empty script and an empty stylesheet: what any content
 *   script costs a page before it does anything (the isolated world, the
 *   injection), the floor under the other three.
 */
export function referenceExtensions(): Record<'bare' | 'mark' | 'noop', string> {
  const re = `new RegExp(${JSON.stringify(TERMS_SOURCE)}, 'gu')`;
  const manifest = (name: string, css: boolean) =>
    JSON.stringify({
      manifest_version: 3,
      name,
      version: '1.0',
      content_scripts: [{ matches: ['<all_urls>'], js: ['content.js'], ...(css ? { css: ['content.css'] } : {}), run_at: 'document_idle', all_frames: true }],
    });
  const bare = `(() => {
  const re = ${re};
  const highlight = new Highlight();
  const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.data;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      highlight.add(new StaticRange({ startContainer: node, startOffset: m.index, endContainer: node, endOffset: m.index + m[0].length }));
    }
  }
  CSS.highlights.set('bench-bare', highlight);
})();\n`;
  const markJs = readFileSync(createRequire(import.meta.url).resolve('mark.js/dist/mark.min.js'), 'utf8');
  const mark = `${markJs}\n;new Mark(document.body ?? document.documentElement).markRegExp(${re});\n`;
  const out: Record<'bare' | 'mark' | 'noop', string> = { bare: join(privateDir, 'ref-bare'), mark: join(privateDir, 'ref-mark'), noop: join(privateDir, 'ref-noop') };
  const css = { bare: '::highlight(bench-bare) { background-color: rgba(230, 159, 0, 0.28); }\n', noop: '', mark: undefined };
  for (const [name, js] of [['bare', bare], ['mark', mark], ['noop', '']] as const) {
    mkdirSync(out[name], { recursive: true });
    writeFileSync(join(out[name], 'manifest.json'), manifest(`bench reference: ${name}`, css[name] !== undefined));
    writeFileSync(join(out[name], 'content.js'), js);
    if (css[name] !== undefined) writeFileSync(join(out[name], 'content.css'), css[name]);
  }
  return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function metrics(session: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = (await session.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

/**
 * One load in a fresh tab: the renderer's task-time counters from before
 * navigation to 1.5 s after `load` (the tab's first process is swapped for
 * the page's site at navigation, and the counters are read as differences
 * either way). `loaded` is called at `load`.
 */
async function measureLoad(browser: Browser, url: string, loaded: () => void = () => {}): Promise<LoadMetrics> {
  const page = await browser.newPage();
  try {
    const session = await page.createCDPSession();
    await session.send('Performance.enable', { timeDomain: 'threadTicks' });
    const before = await metrics(session);
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    loaded();
    await sleep(AFTER_LOAD_MS);
    const after = await metrics(session);
    const d = (k: string) => Math.max(0, ((after[k] ?? 0) - (before[k] ?? 0)) * 1000);
    return { taskMs: d('TaskDuration'), scriptMs: d('ScriptDuration'), compileMs: d('V8CompileDuration'), styleMs: d('RecalcStyleDuration'), layoutMs: d('LayoutDuration') };
  } finally {
    await page.close();
  }
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) duration, where the trace records thread time: the main thread's own, whatever else runs on the machine. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; beginData?: { url?: string } };
}

/** Trace events that mean JavaScript ran in a task (garbage collection is left out: any task may collect). */
const JS_EVENTS = new Set(['v8.compile', 'v8.compileModule', 'EvaluateScript', 'FunctionCall', 'v8.callFunction', 'RunMicrotasks', 'v8.runMicrotasks', 'TimerFire', 'FireAnimationFrame', 'FireIdleCallback']);

/**
 * Our tasks in a trace of a load with our extension: the top-level tasks of
 * the page's main thread that ran JavaScript and did not parse the page.
 * The pages' own scripts are blocked, so the JavaScript is ours (the
 * content script, its slices, its timers) or the test driver's, which runs
 * only tiny tasks; a parsing task is the page's own even when it runs a
 * stray script event. Each task counts whole: what our code caused in it
 * (a forced layout, the style of new highlights) is ours too.
 */
export function readTrace(events: readonly TraceEvent[], pageUrl: string): TraceFigures {
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const parse = events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === pageUrl && mains.has(`${e.pid}:${e.tid}`));
  const thread = parse ? `${parse.pid}:${parse.tid}` : '';
  const complete = events.filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === thread && typeof e.dur === 'number').sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  let longestOursMs = 0;
  let oursTasks = 0;
  let oursTasksMs = 0;
  let task: { end: number; dur: number; js: boolean; parse: boolean } | undefined;
  const endTask = () => {
    if (task?.js && !task.parse) {
      oursTasks++;
      oursTasksMs += task.dur / 1000;
      longestOursMs = Math.max(longestOursMs, task.dur / 1000);
    }
    task = undefined;
  };
  for (const e of complete) {
    if (task && e.ts >= task.end) endTask();
    if (!task) {
      if (e.name === 'RunTask') task = { end: e.ts + e.dur!, dur: e.tdur ?? e.dur!, js: false, parse: false };
      continue;
    }
    if (JS_EVENTS.has(e.name)) task.js = true;
    if (e.name === 'ParseHTML') task.parse = true;
  }
  endTask();
  return { longestOursMs, oursTasks, oursTasksMs };
}

const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'blink', 'toplevel', '__metadata'];

/** One more load, traced, with our extension: its tasks, and how many mentions it highlighted. */
async function traceLoad(browser: Browser, url: string): Promise<{ figures: TraceFigures; mentions: number }> {
  const page: Page = await browser.newPage();
  try {
    await page.tracing.start({ categories: TRACE_CATEGORIES });
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await sleep(AFTER_LOAD_MS);
    const buffer = await page.tracing.stop();
    const { traceEvents } = JSON.parse(Buffer.from(buffer!).toString('utf8')) as { traceEvents: TraceEvent[] };
    const mentions = await page.evaluate((names: readonly string[]) => {
      // Our highlights' names (the active one is empty here).
      let n = 0;
      CSS.highlights.forEach((h, name) => {
        if (names.includes(String(name))) n += h.size;
      });
      return n;
    }, ALL_HIGHLIGHT_NAMES);
    return { figures: readTrace(traceEvents, url), mentions };
  } finally {
    await page.close();
  }
}

/**
 * The median load of a page's repetitions in one browser (the middle by task
 * time; of an even count, the lower middle): a real load, so its parts add
 * up to its task time. The median rather than the lowest, which follows a
 * load made cheap by chance in one browser (a garbage collection that fell
 * after the 1.5 s); over 5 repetitions of the 20 real pages (2026-12-02,
 * load 4.5-15) the two gave ratios 0.01 apart.
 */
export function middleLoad(list: readonly LoadMetrics[]): LoadMetrics {
  const sorted = [...list].sort((a, b) => a.taskMs - b.taskMs);
  return sorted[(sorted.length - 1) >> 1]!;
}

/** Ours' added task time over bare's and mark.js's, from each page's loads at the repetitions `pick(page)` chooses. */
function ratios(pages: readonly Record<CostConfig, LoadMetrics[]>[], pick: (page: number) => readonly number[]): CostRatios {
  const added = { ours: 0, bare: 0, mark: 0 };
  for (const [i, loads] of pages.entries()) {
    const reps = pick(i);
    const none = middleLoad(reps.map((r) => loads.none[r]!)).taskMs;
    for (const e of ['ours', 'bare', 'mark'] as const) added[e] += middleLoad(reps.map((r) => loads[e][r]!)).taskMs - none;
  }
  return { bare: added.ours / added.bare, mark: added.ours / added.mark };
}

/** How many bootstrap draws make `CostSpread`'s interval. */
const DRAWS = 2000;

/** See `CostSpread`: the ratios of each repetition alone, and a bootstrap interval over repetitions. */
export function costSpread(pages: readonly Record<CostConfig, LoadMetrics[]>[], reps: number): CostSpread {
  const perRep = Array.from({ length: reps }, (_, r) => ratios(pages, () => [r]));
  const rng = random(16);
  const draws = Array.from({ length: DRAWS }, () => ratios(pages, () => Array.from({ length: reps }, () => Math.floor(rng() * reps))));
  const at = (p: number): CostRatios => ({ bare: percentile(draws.map((d) => d.bare), p), mark: percentile(draws.map((d) => d.mark), p) });
  return { perRep, low: at(5), high: at(95) };
}

/**
 * How long after one browser's `load` the next browser's load starts: by
 * then the content scripts have run at `document_idle` (ours' first slices
 * too), so the next page's parsing meets little of them.
 */
const STAGGER_MS = 250;

/**
 * Measures the page cost on `pages` (the N largest real pages, or the
 * generated ones): every page loaded `reps` times in each of the five
 * browsers, plus one traced load with ours. The five take each page in
 * turn, one page after another, a repetition after another: a browser
 * starts its load once the browser before it has loaded its page
 * (`STAGGER_MS` later), so no two pages are parsed at once, while the 1.5 s
 * after each `load` overlap the next loads (one load at a time would make
 * the section three times as long). The order of the five turns from one
 * page to the next. So a burst of load from elsewhere on the machine falls
 * on the five alike, where five browsers each going through the pages at
 * its own pace, side by side, met it on different pages and loaded each
 * other besides (load averages of 20-34 on 2 cores).
 */
export async function benchPageCost(
  ourDir: string,
  contentScriptBytes: number,
  pages: readonly PageRef[],
  set: 'real' | 'generated',
  reps: number,
  log: (line: string) => void,
): Promise<PageCostResult> {
  const refs = referenceExtensions();
  const launchers: Record<CostConfig, () => Promise<Browser>> = {
    none: plain,
    ours: () => withExtension(ourDir),
    bare: () => withExtension(refs.bare, false),
    mark: () => withExtension(refs.mark, false),
    noop: () => withExtension(refs.noop, false),
  };
  const loads = pages.map((): Record<CostConfig, LoadMetrics[]> => ({ none: [], ours: [], bare: [], mark: [], noop: [] }));
  const loadAverages: number[] = [];
  const traces = new Map<string, { figures: TraceFigures; mentions: number }>();
  const browsers = new Map<CostConfig, Browser>();
  try {
    await Promise.all(COST_CONFIGS.map(async (config) => browsers.set(config, await launchers[config]())));
    // A first load warms each browser (the binary's pages, the compositor) and is not counted.
    await Promise.all(COST_CONFIGS.map((config) => measureLoad(browsers.get(config)!, pages[0]!.url)));
    // Each browser's loads one after another; across browsers, a load starts once the one before it has loaded.
    const previous = new Map<CostConfig, Promise<void>>();
    const pending: Promise<void>[] = [];
    for (let rep = 0; rep < reps; rep++) {
      for (const [i, page] of pages.entries()) {
        loadAverages.push(loadavg()[0]!);
        const turn = (rep + i) % COST_CONFIGS.length;
        for (const config of [...COST_CONFIGS.slice(turn), ...COST_CONFIGS.slice(0, turn)]) {
          await previous.get(config);
          const { promise: atLoad, resolve } = Promise.withResolvers<void>();
          const load = measureLoad(browsers.get(config)!, page.url, resolve).then((metrics) => {
            loads[i]![config][rep] = metrics;
          });
          previous.set(config, load);
          pending.push(load);
          await Promise.race([atLoad, load]);
          await sleep(STAGGER_MS);
        }
      }
      log(`  repetition ${rep + 1} of ${reps} started its last page (load ${loadavg()[0]!.toFixed(1)})`);
    }
    await Promise.all(pending);
    for (const config of COST_CONFIGS) {
      if (config === 'ours') continue;
      await browsers.get(config)!.close();
      browsers.delete(config);
    }
    // Traced alone, after the others have closed.
    for (const page of pages) traces.set(page.name, await traceLoad(browsers.get('ours')!, page.url));
  } finally {
    await Promise.all([...browsers.values()].map((b) => b.close()));
  }

  const out: CostPage[] = pages.map((p, i) => {
    const l = loads[i]!;
    const t = traces.get(p.name);
    return {
      page: p.name,
      htmlBytes: p.htmlBytes,
      loads: Object.fromEntries(COST_CONFIGS.map((c) => [c, middleLoad(l[c])])) as Record<CostConfig, LoadMetrics>,
      samples: Object.fromEntries(COST_CONFIGS.map((c) => [c, l[c].map((m) => m.taskMs)])) as Record<CostConfig, number[]>,
      mentions: t?.mentions ?? 0,
      trace: t?.figures ?? null,
    };
  });
  const added = (e: Extension, k: keyof LoadMetrics, list = out) => sum(list.map((p) => p.loads[e][k] - p.loads.none[k]));
  const parts = (e: Extension) => ({ scriptMs: added(e, 'scriptMs'), compileMs: added(e, 'compileMs'), styleMs: added(e, 'styleMs'), layoutMs: added(e, 'layoutMs') });
  const quiet = out.filter((p) => p.mentions === 0);
  return {
    pages: out,
    set,
    reps,
    added: Object.fromEntries(EXTENSIONS.map((e) => [e, added(e, 'taskMs')])) as Record<Extension, number>,
    addedParts: Object.fromEntries(EXTENSIONS.map((e) => [e, parts(e)])) as Record<Extension, Omit<LoadMetrics, 'taskMs'>>,
    noMention: { pages: quiet.length, addedMs: added('ours', 'taskMs', quiet) },
    contentScriptBytes,
    spread: costSpread(loads, reps),
    load: { min: Math.min(...loadAverages), median: median(loadAverages), max: Math.max(...loadAverages) },
  };
}
