/**
 * The bench bundle: what the benchmark injects into each page (as one IIFE,
 * global `SCBench`, built by build.ts). It carries the content script's own
 * scanning, highlighting and hover modules (`startScanning`, `Highlighter`,
 * `trackHover`, with `slices.ts` watched by probe.ts) and the two references
 * the scan is compared with, so all three run in the page's main world where
 * the page's clock and PerformanceObserver can time them. The real content
 * script runs in an isolated world the page cannot time; this bundle is the
 * same code, minified the same way.
 *
 * Every runner returns plain numbers (milliseconds from performance.now(),
 * which resolves 5 µs on the cross-origin-isolated bench pages).
 */
import { startScanning } from '../../../entrypoints/content/scanning.ts';
import { trackHover } from '../../../entrypoints/content/hover.ts';
import type { Highlighter, PlacedMention } from '../../../entrypoints/content/highlighter.ts';
import { termsSource } from '../../../lib/detect/matcher.ts';
import { probe, type Run } from './probe.ts';
import { defaultSettings } from '../../../lib/settings/schema.ts';

/** The matcher's one RegExp source (lib/detect/matcher.ts), for the references. */
const TERMS_SOURCE = termsSource();

export interface ScanSample {
  /** Main-thread time attributable to the method: the sum of its tasks (ours: slices; references: one call). */
  mainMs: number;
  /** From the call to the last mention highlighted. */
  wallMs: number;
  /** Longest single task of the method's own (ours: longest slice incl. the synchronous start). */
  maxSliceMs: number;
  /** Number of tasks (slices) the work was split into. */
  tasks: number;
  /** PerformanceObserver('longtask') entries (> 50 ms) during the run and the next frame. */
  longTasks: number;
  /** Longest of them, 0 when none. */
  maxLongTaskMs: number;
  /** Longest 'long-animation-frame' entry (task + style/layout/paint delaying a frame > 50 ms), 0 when none. */
  maxFrameMs: number;
  /** Style, layout and paint of the first frame after the work: rAF to a message posted from it. */
  frameAfterMs: number;
  mentions: number;
}

interface LongTaskWatch {
  stop(): { longTasks: number; maxLongTaskMs: number; maxFrameMs: number };
}

function watchLongTasks(): LongTaskWatch {
  const tasks: number[] = [];
  const frames: number[] = [];
  const observers: [PerformanceObserver, number[]][] = [];
  for (const [type, into] of [['longtask', tasks], ['long-animation-frame', frames]] as const) {
    if (!PerformanceObserver.supportedEntryTypes.includes(type)) continue;
    const o = new PerformanceObserver((list) => into.push(...list.getEntries().map((e) => e.duration)));
    o.observe({ type, buffered: false });
    observers.push([o, into]);
  }
  return {
    stop() {
      for (const [o, into] of observers) {
        into.push(...o.takeRecords().map((e) => e.duration));
        o.disconnect();
      }
      return { longTasks: tasks.length, maxLongTaskMs: Math.max(0, ...tasks), maxFrameMs: Math.max(0, ...frames) };
    },
  };
}

/**
 * Called from a rAF callback: the time from now to a message task posted now,
 * i.e. the rest of this frame's rendering (style, layout, paint run after the
 * rAF callbacks, before the next task).
 */
function restOfFrame(): Promise<number> {
  return new Promise((resolve) => {
    const t = performance.now();
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(performance.now() - t);
    channel.port2.postMessage(0);
  });
}

/** Duration of the next rendering update: from its rAF callback to a message task posted there. */
function frameAfter(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(() => void restOfFrame().then(resolve)));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * After the work: time the next frame's rendering, then read the observers.
 * Entries are queued when their task (or frame) ends, before the frame after
 * it, so takeRecords() has them by then.
 */
async function settle(watch: LongTaskWatch) {
  const frameAfterMs = await frameAfter();
  await sleep(0);
  return { frameAfterMs, ...watch.stop() };
}

/**
 * Undo ours and bare (mark.js is not undone: it runs last on a page) and
 * let a frame render, so the next method starts on a quiet page.
 */
async function reset(): Promise<void> {
  live?.controller.abort();
  live = undefined;
  CSS.highlights.delete('bench-bare');
  await frameAfter();
}

let live: { highlighter: Highlighter; controller: AbortController } | undefined;

/**
 * startScanning's third argument, accepted in both of its shapes: a plain
 * `onFirstMention` callback and an `{ onFirstMention, onChange }` object (the
 * side-panel work changes it). The bench needs neither.
 */
const IGNORE_EVENTS = Object.assign(() => {}, { onFirstMention() {}, onChange() {} }) as unknown as Parameters<typeof startScanning>[2];

function nextRunEnd(index: number, timeoutMs = 20_000): Promise<Run> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`scan job ${index} did not finish in ${timeoutMs} ms`)), timeoutMs);
    const check = () => {
      const run = probe.runs[index];
      if (run && run.end > 0) {
        clearTimeout(timer);
        probe.onRunEnd = undefined;
        resolve(run);
        return true;
      }
      return false;
    };
    if (!check()) probe.onRunEnd = () => void check();
  });
}

/** The content script's startScanning on this document, timed to the end of its first (initial) job. */
async function ours(): Promise<ScanSample> {
  const watch = watchLongTasks();
  probe.runs.length = 0;
  const controller = new AbortController();
  const t0 = performance.now();
  const highlighter = startScanning(document, controller.signal, IGNORE_EVENTS);
  // What the content script does once the settings are read (defaults here): register the highlights.
  highlighter.applyView(defaultSettings().categories, defaultSettings().highlightStyle);
  // The synchronous part runs in the caller's task; the job (viewport probe,
  // createScan and the walk) in slices of its own from the next task on.
  const start = { start: t0, end: performance.now() };
  const run = await nextRunEnd(0);
  const slices = [start, ...run.slices];
  const durations = slices.map((s) => s.end - s.start);
  live = { highlighter, controller };
  const after = await settle(watch);
  return {
    mainMs: durations.reduce((a, b) => a + b, 0),
    wallMs: run.end - t0,
    maxSliceMs: Math.max(0, ...durations),
    tasks: slices.length,
    mentions: highlighter.count,
    ...after,
  };
}

/** mark.js wrapping every match of the same RegExp in <mark> (its default: per text node, synchronous). */
async function mark(): Promise<ScanSample> {
  const Mark = (window as unknown as { Mark: new (ctx: Element) => { markRegExp(re: RegExp, o: object): void } }).Mark;
  const watch = watchLongTasks();
  let mentions = 0;
  const t0 = performance.now();
  new Mark(document.body).markRegExp(new RegExp(TERMS_SOURCE, 'gu'), { done: (n: number) => (mentions = n) });
  const ms = performance.now() - t0;
  const after = await settle(watch);
  return { mainMs: ms, wallMs: ms, maxSliceMs: ms, tasks: 1, mentions, ...after };
}

/** The floor: one TreeWalker over text, one RegExp, one StaticRange per match, one Highlight. */
async function bare(): Promise<ScanSample> {
  const watch = watchLongTasks();
  const t0 = performance.now();
  const highlight = new Highlight();
  const re = new RegExp(TERMS_SOURCE, 'gu');
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node as Text).data;
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      highlight.add(new StaticRange({ startContainer: node, startOffset: m.index, endContainer: node, endOffset: m.index + m[0].length }));
    }
  }
  CSS.highlights.set('bench-bare', highlight);
  const ms = performance.now() - t0;
  const after = await settle(watch);
  return { mainMs: ms, wallMs: ms, maxSliceMs: ms, tasks: 1, mentions: highlight.size, ...after };
}

export interface DynamicSample {
  /** Per batch: from the append to the end of the rescan job that highlighted it. */
  latencyMs: number[];
  /** Per batch: main-thread time of that rescan (sum of its slices). */
  busyMs: number[];
  /** Per batch: the page's own append (insertAdjacentHTML), for scale. */
  appendMs: number[];
  /** Mentions added per batch. */
  mentions: number[];
  longTasks: number;
  maxLongTaskMs: number;
  maxSliceMs: number;
}

/**
 * After `ours()`: appends each batch (one insertAdjacentHTML of 50
 * paragraphs) to the article, waits for the rescan job it causes, then
 * pauses `gapMs` before the next, like an infinite scroll or a live blog.
 */
async function dynamic(batches: string[], gapMs: number): Promise<DynamicSample> {
  if (!live) throw new Error('run ours() first');
  const article = document.querySelector('article') ?? document.body;
  // The task that called us also deserialized the batches (1,000 paragraphs
  // of HTML from the driver: ~50 ms): watch from the next frame on, so that
  // the driver's work is not reported as a long task of the page.
  await frameAfter();
  const watch = watchLongTasks();
  const out: DynamicSample = { latencyMs: [], busyMs: [], appendMs: [], mentions: [], longTasks: 0, maxLongTaskMs: 0, maxSliceMs: 0 };
  for (const html of batches) {
    const index = probe.runs.length;
    const before = live.highlighter.count;
    const t = performance.now();
    article.insertAdjacentHTML('beforeend', html);
    out.appendMs.push(performance.now() - t);
    const run = await nextRunEnd(index);
    const durations = run.slices.map((s) => s.end - s.start);
    out.latencyMs.push(run.end - t);
    out.busyMs.push(durations.reduce((a, b) => a + b, 0));
    out.maxSliceMs = Math.max(out.maxSliceMs, ...durations);
    out.mentions.push(live.highlighter.count - before);
    await sleep(gapMs);
  }
  const lt = await settle(watch);
  return { ...out, longTasks: lt.longTasks, maxLongTaskMs: lt.maxLongTaskMs };
}

export interface HoverSample {
  mentions: number;
  /** hitTest + setActive at the centre of a highlighted mention (what one pointer move costs). */
  onMs: number[];
  /** The same at a random point of the viewport (mostly plain text or margin). */
  offMs: number[];
  /** Reference at the same points: test the point against every mention's rectangles, no index. */
  naiveMs: number[];
  /** Style, layout and paint of the frame after a move onto a mention (the active highlight changes). */
  frameMs: number[];
  /** Share of on-mention points where hitTest returned that mention. */
  hitRate: number;
  crossOriginIsolated: boolean;
}

function rangeOf(m: PlacedMention): Range {
  const r = document.createRange();
  r.setStart(m.range.startContainer, m.range.startOffset);
  r.setEnd(m.range.endContainer, m.range.endOffset);
  return r;
}

/** Runs `fn` in the next animation frame, where hover.ts runs its hit test. */
const inFrame = <T>(fn: () => T) => new Promise<T>((resolve) => requestAnimationFrame(() => resolve(fn())));

/**
 * After `ours()`: times the hover module's hit test at `samples` mention
 * centres (spread over the page, scrolling to each) and as many random
 * viewport points. Each test runs in its own animation frame, after the
 * previous frame rendered, as hover.ts's rAF-throttled update does; the
 * naive reference runs in the same frame just before, on the same point.
 */
async function hover(samples: number): Promise<HoverSample> {
  if (!live) throw new Error('run ours() first');
  const { highlighter, controller } = live;
  const tracker = trackHover(document, highlighter, { onArrive() {}, onIntent() {}, onLeave() {} }, controller.signal);
  const all = [...highlighter.mentions()];
  const ranges = all.map(rangeOf);
  const naive = (x: number, y: number) => {
    for (let i = 0; i < ranges.length; i++) {
      for (const rect of ranges[i]!.getClientRects()) {
        if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return all[i];
      }
    }
    return undefined;
  };
  let seed = 7;
  const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const out: HoverSample = { mentions: all.length, onMs: [], offMs: [], naiveMs: [], frameMs: [], hitRate: 0, crossOriginIsolated };
  let hits = 0;
  const step = Math.max(1, Math.floor(all.length / samples));
  for (let i = 0; i < all.length && out.onMs.length < samples; i += step) {
    const rect = ranges[i]!.getClientRects()[0];
    if (!rect) continue;
    if (rect.top < 0 || rect.bottom > innerHeight) {
      window.scrollTo(0, scrollY + rect.top - innerHeight / 2);
      await inFrame(() => {});
    }
    const [hit, frame] = await inFrame(() => {
      const r = ranges[i]!.getClientRects()[0]!;
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      let t = performance.now();
      naive(x, y);
      out.naiveMs.push(performance.now() - t);
      t = performance.now();
      const found = tracker.hitTest(x, y);
      highlighter.setActive(found);
      out.onMs.push(performance.now() - t);
      return [found, restOfFrame()] as const;
    });
    out.frameMs.push(await frame);
    if (hit === all[i]) hits++;
    await inFrame(() => {
      const t = performance.now();
      highlighter.setActive(tracker.hitTest(rnd() * innerWidth, rnd() * innerHeight));
      out.offMs.push(performance.now() - t);
    });
  }
  out.hitRate = out.onMs.length ? hits / out.onMs.length : 0;
  return out;
}

/** Text nodes under body and text length, to describe a page. */
function describe(): { textNodes: number; textChars: number; elements: number } {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let textNodes = 0;
  let textChars = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    textNodes++;
    textChars += (n as Text).data.length;
  }
  return { textNodes, textChars, elements: document.body.getElementsByTagName('*').length };
}

export { ours, mark, bare, dynamic, hover, describe, reset };
