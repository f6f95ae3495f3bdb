import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { browser } from 'wxt/browser';
import { fixture, launch, useSession } from './browsers.ts';
import { cardHostPresent, pointOf, waitForHighlights } from './page-helpers.ts';
import { mainThreadTasks, ourTasks } from './our-tasks.ts';
import { extensionPage, listedTotal, registeredCount } from './registered.ts';
import { browserMemory } from './process-memory.ts';
import { MAX_REGISTERED } from '../../entrypoints/content/mention-window.ts';

/**
 * Pages built to exhaust the extension (issue #17), in Chromium, which can
 * attribute main-thread tasks to our code (a trace with V8's sampler, see
 * our-tasks.ts) and report heap figures; Firefox has neither over BiDi
 * (the same pages measured from outside are in the Firefox half below, its
 * responsiveness under the huge page and the storm in huge/storm.test.ts).
 * The target: no task of ours over 50 ms (thread time, so a loaded runner
 * does not stretch it), heap growth bounded, no message over 1 MB. Figures
 * are printed for the record. Before the fixes: one 5.1 s task and 529 MB
 * kept for a 50 MB text node; a 61 MB "On this page" reply.
 */

const MB = 1024 * 1024;
/** The longest a task of ours may take, in ms of thread time. */
const TASK_BOUND = 50;

/** The renderer's JS heap (every world and same-origin frame: one isolate) after a GC, and its event listeners. */
async function pageCost(page: Page): Promise<{ heap: number; listeners: number }> {
  const cdp = await page.createCDPSession();
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  const metric = (name: string) => metrics.find((m) => m.name === name)!.value;
  return { heap: metric('JSHeapUsedSize'), listeners: metric('JSEventListeners') };
}
const heapAfterGc = async (page: Page) => (await pageCost(page)).heap;

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** 200 points over the grid of the shadow-root page, the same for every browser and page. */
const POINTS = Array.from({ length: 200 }, (_, i) => ({ x: 5 + ((i * 397) % 1250), y: 5 + ((i * 211) % 890) }));

/** Moves the pointer over 50 of `POINTS` from `from`, and returns how long that took. */
async function moves(p: Page, from: number): Promise<number> {
  const started = Date.now();
  for (const { x, y } of POINTS.slice(from, from + 50)) await p.mouse.move(x, y);
  // Off the grid (its right margin holds no text) before the other page's turn:
  // this measures hit-testing, not a card opening while the pointer rests.
  await p.mouse.move(1275, 450);
  // The hit test runs in the next animation frame.
  await p.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
  return Date.now() - started;
}

/** All of `POINTS` on the page alone and on ours, taking turns 50 moves at a time, so a change in the machine's load hits both. */
async function takeTurns(alone: Page, ours: Page): Promise<{ aloneMs: number; oursMs: number }> {
  let aloneMs = 0;
  let oursMs = 0;
  for (let from = 0; from < POINTS.length; from += 50) {
    aloneMs += await moves(alone, from);
    oursMs += await moves(ours, from);
  }
  return { aloneMs, oursMs };
}
const fmt = (tasks: number[]) => tasks.slice(0, 5).map((t) => t.toFixed(1)).join(', ');

describe('pages that try to exhaust it, in chromium', () => {
  const current = useSession('chromium');

  /**
   * How many mentions the content script of the tab at `urlPart` has found,
   * from its "On this page" listing: past MAX_REGISTERED mentions only those
   * near the viewport are registered, so the registry cannot say when all are found.
   */
  async function foundOn(urlPart: string): Promise<number> {
    const target = await current().browser.waitForTarget((t) => t.type() === 'service_worker', { timeout: 10_000 });
    const sw = (await target.worker())!;
    return sw.evaluate(async (part: string) => {
      const tabs = (globalThis as unknown as { chrome: typeof browser }).chrome.tabs;
      const tab = (await tabs.query({})).find((t) => t.url?.includes(part));
      const answer = (await tabs.sendMessage(tab!.id!, { method: 'listMentions', params: {} }, { frameId: 0 }).catch(() => undefined)) as { result?: { total: number } } | undefined;
      return answer?.result?.total ?? 0;
    }, urlPart);
  }

  /** Opens `path` in a new tab while tracing, and returns our tasks from navigation to `settleMs` after load. */
  async function openTraced(path: string, settleMs: number, until?: (page: Page) => Promise<unknown>) {
    const page = await current().browser.newPage();
    const tasks = await ourTasks(page, current().origin, async () => {
      await page.goto(fixture(path), { waitUntil: 'load' });
      await until?.(page);
      await settle(settleMs);
    });
    return { page, tasks };
  }

  it('a 50 MB text node: no task of ours over 50 ms, and the text is not kept', async () => {
    const small = await current().open(fixture('hostile-exhaust.html?mb=0'));
    await waitForHighlights(small, 1);
    await settle(1000);
    const baseHeap = await heapAfterGc(small);
    await small.close();

    const { page, tasks } = await openTraced('hostile-exhaust.html?mb=50', 1500, (p) => waitForHighlights(p, 1, 30_000));
    const heap = await heapAfterGc(page);
    console.log(`50 MB text node: ${tasks.durations.length} tasks of ours, longest ${fmt(tasks.durations)} ms; heap ${((heap - baseHeap) / MB).toFixed(1)} MiB over the page without the node`);
    expect(tasks.durations.length).toBeGreaterThan(0);
    expect(tasks.durations[0]).toBeLessThanOrEqual(TASK_BOUND);
    // The page's own string is 50 MB; nothing of ours holds a copy.
    expect(heap - baseHeap).toBeLessThan(80 * MB);
    await page.close();
  }, 120_000);

  it('the "On this page" reply for 2,100 mentions in long paragraphs stays under 1 MB', async () => {
    const page = await current().open(fixture('hostile-exhaust.html?mentions=2100'));
    await waitForHighlights(page, 1, 60_000);
    const target = await current().browser.waitForTarget((t) => t.type() === 'service_worker', { timeout: 10_000 });
    const sw = (await target.worker())!;
    // Past MAX_REGISTERED mentions only those near the viewport are registered:
    // the listing, not the registry, says when all 4,200 are found.
    const ask = () => sw.evaluate(async () => {
      const tabs = (globalThis as unknown as { chrome: typeof browser }).chrome.tabs;
      const [tab] = await tabs.query({ active: true, lastFocusedWindow: true });
      // The whole reply is what crosses the channel; its result is the listing.
      const answer = (await tabs.sendMessage(tab!.id!, { method: 'listMentions', params: {} })) as { result: { mentions: unknown[]; total: number } };
      const listing = answer.result;
      return { bytes: JSON.stringify(answer).length, listed: listing.mentions.length, total: listing.total };
    });
    await expect.poll(async () => (await ask()).total, { timeout: 60_000, interval: 500 }).toBeGreaterThanOrEqual(4200);
    const reply = await ask();
    console.log(`On this page: ${reply.total} mentions, ${reply.listed} listed in ${reply.bytes} bytes`);
    expect(reply.total).toBeGreaterThanOrEqual(4200);
    expect(reply.listed).toBe(2000);
    expect(reply.bytes).toBeLessThan(1_000_000);
    await page.close();
  }, 120_000);

  it('lookups and the "On this page" listing stay under 1 MB on a page built to inflate them', async () => {
    const target = await current().browser.waitForTarget((t) => t.type() === 'service_worker', { timeout: 10_000 });
    const sw = (await target.worker())!;
    // The background's receiving side, from the test: a second listener in
    // the service worker records every message as it arrived (it answers
    // nothing, so the background's own listener still does).
    await sw.evaluate(() => {
      const g = globalThis as unknown as { received: { method: string; bytes: number; message: unknown }[]; chrome: typeof browser };
      g.received = [];
      const record = (message: unknown) => {
        const json = JSON.stringify(message);
        g.received.push({ method: String((message as { method?: unknown }).method), bytes: json.length, message: json.length < 2_000_000 ? message : undefined });
      };
      g.chrome.runtime.onMessage.addListener((message: unknown) => {
        record(message);
        return undefined;
      });
      // The card's lookups come on a port, each as {id, message}.
      g.chrome.runtime.onConnect.addListener((port) => port.onMessage.addListener((envelope: unknown) => record((envelope as { message?: unknown }).message)));
    });
    const page = await current().open(fixture('hostile-exhaust.html?inflate=2000'));
    await waitForHighlights(page, 1, 60_000);
    await expect.poll(() => foundOn('inflate='), { timeout: 60_000, interval: 500 }).toBeGreaterThanOrEqual(4000);
    // Two cards: a mention stretched over 2,000 spaces, and one in a paragraph of 87,000 characters.
    for (const [selector, text] of [
      ['#stretched', 'Entity'],
      ['#long', 'no-spy agreement'],
    ] as const) {
      await page.evaluate((s: string) => document.querySelector(s)!.scrollIntoView({ block: 'center' }), selector);
      const at = await pointOf(page, selector, text);
      await page.mouse.move(at.x, at.y);
      await page.waitForSelector('::-p-aria([role="dialog"])', { timeout: 10_000 });
      await page.mouse.move(1, 1);
      await page.keyboard.press('Escape');
      await settle(500);
    }
    const received = await sw.evaluate(() => (globalThis as unknown as { received: { method: string; bytes: number; message: unknown }[] }).received);
    const lookups = received.filter((r) => r.method === 'lookup');
    // The replies, to the same requests sent again from an extension page (the background answers only the extension's own contexts).
    const panel = await current().open(`${current().origin}/popup.html`);
    const replies = await panel.evaluate(async (requests: unknown[]) => {
      const runtime = (globalThis as unknown as { chrome: typeof browser }).chrome.runtime;
      const sizes: number[] = [];
      for (const request of requests) sizes.push(JSON.stringify(await runtime.sendMessage(request)).length);
      return sizes;
    }, lookups.map((l) => l.message));
    await panel.close();
    const listing = await sw.evaluate(async () => {
      const tabs = (globalThis as unknown as { chrome: typeof browser }).chrome.tabs;
      const [tab] = (await tabs.query({})).filter((t) => t.url?.includes('inflate='));
      const answer = (await tabs.sendMessage(tab!.id!, { method: 'listMentions', params: {} }, { frameId: 0 })) as { result: { mentions: { text: string }[]; title: string; total: number } };
      return { bytes: JSON.stringify(answer).length, listed: answer.result.mentions.length, total: answer.result.total, title: answer.result.title.length, longest: Math.max(...answer.result.mentions.map((m) => m.text.length)) };
    });
    const largest = Math.max(...received.map((r) => r.bytes));
    console.log(
      `inflated page (1 MB title, 2,000 mentions over 2,000 spaces each, an 87,000-character paragraph): ${received.length} messages to the background, largest ${largest} bytes; ` +
        `lookups ${lookups.map((l) => l.bytes).join(', ')} bytes, their replies ${replies.join(', ')} bytes; listing ${listing.bytes} bytes (${listing.listed} of ${listing.total} mentions, title ${listing.title} chars, longest mention ${listing.longest} chars)`,
    );
    expect(lookups.length).toBe(2);
    expect(largest).toBeLessThan(1_000_000);
    for (const bytes of replies) expect(bytes).toBeLessThan(1_000_000);
    expect(Math.min(...replies)).toBeGreaterThan(100);
    expect(listing.total).toBeGreaterThanOrEqual(4000);
    expect(listing.bytes).toBeLessThan(1_000_000);
    await page.close();
  }, 180_000);

  /**
   * Loads a page of `frames` frames without text in a browser without the
   * extension and in ours, and returns what ours added: our tasks during the
   * load, heap and event listeners after a GC.
   */
  async function framesCost(frames: number) {
    const path = `hostile-frames.html?n=${frames}`;
    const load = async (page: Page) => {
      const started = Date.now();
      await page.goto(fixture(path), { waitUntil: 'load', timeout: 120_000 });
      await page.evaluate(() => (window as unknown as { framesLoaded: Promise<number> }).framesLoaded);
      return Date.now() - started;
    };
    const bare = await launch('chromium', { bare: true });
    const alone = await bare.browser.newPage();
    const aloneMs = await load(alone);
    await settle(1000);
    const aloneCost = await pageCost(alone);
    await bare.close();

    const page = await current().browser.newPage();
    let loadMs = 0;
    const tasks = await ourTasks(page, current().origin, async () => {
      loadMs = await load(page);
      await settle(1000);
    });
    const cost = await pageCost(page);
    await page.close();
    const ms = tasks.durations.reduce((sum, d) => sum + d, 0);
    const heap = cost.heap - aloneCost.heap;
    const listeners = cost.listeners - aloneCost.listeners;
    console.log(
      `${frames} frames: load ${loadMs} ms (${aloneMs} ms without us); ${tasks.durations.length} tasks of ours, ${ms.toFixed(0)} ms in all (${(ms / frames).toFixed(2)} ms a frame), longest ${fmt(tasks.durations)} ms; ` +
        `heap +${(heap / MB).toFixed(1)} MiB (${(heap / frames / 1024).toFixed(1)} KiB a frame), listeners +${listeners} (${(listeners / frames).toFixed(2)} a frame)`,
    );
    return { tasks: tasks.durations, ms, heap, listeners };
  }

  it('200 frames of a page without text: next to nothing of ours per frame', async () => {
    const frames = 200;
    const cost = await framesCost(frames);
    expect(cost.tasks[0] ?? 0).toBeLessThanOrEqual(TASK_BOUND);
    // A frame without text only evaluates the script and finds no text: no scan, no message, one observer.
    expect(cost.ms / frames).toBeLessThan(10);
    expect(cost.listeners / frames).toBeLessThanOrEqual(1.5);
    // What is left is the script's world and its evaluated code (about 260 KiB a frame in Chromium 156).
    expect(cost.heap / frames).toBeLessThan(400 * 1024);
  }, 300_000);

  it('5,500 shadow roots: hover hit-testing costs about what the page alone does', async () => {
    const roots = 5500;
    const path = `hostile-shadow.html?n=${roots}`;
    const bare = await launch('chromium', { bare: true });
    const alone = await bare.open(fixture(path));
    const page = await current().open(fixture(path));
    await waitForHighlights(page, 1, 60_000);
    await expect.poll(() => foundOn('hostile-shadow.html'), { timeout: 60_000, interval: 500 }).toBeGreaterThanOrEqual(roots);
    await settle(1000);
    let aloneMs = 0;
    let oursMs = 0;
    const tasks = await ourTasks(page, current().origin, async () => {
      ({ aloneMs, oursMs } = await takeTurns(alone, page));
    });
    const aloneCost = await pageCost(alone);
    const cost = await pageCost(page);
    await bare.close();
    console.log(
      `${roots} shadow roots: 200 moves ${oursMs} ms (${aloneMs} ms without us); ${tasks.durations.length} tasks of ours, longest ${fmt(tasks.durations)} ms; heap +${((cost.heap - aloneCost.heap) / MB).toFixed(1)} MiB`,
    );
    expect(oursMs).toBeLessThan(2 * aloneMs);
    expect(cost.heap - aloneCost.heap).toBeLessThan(32 * MB);
    await page.close();
  }, 300_000);
  /**
   * Where the registered ranges of the shadow-root page are: at most
   * MAX_REGISTERED, all in the viewport (it shows about 1,500 mentions at
   * once, more than the cap).
   */
  async function registeredInView(page: Page): Promise<{ count: number; outside: number }> {
    const count = await registeredCount(page);
    const outside = await page.evaluate(() => {
      let n = 0;
      for (const [name, h] of CSS.highlights) {
        if (!name.startsWith('mark-') || name === 'mark-x') continue;
        for (const r of h) {
          const host = (r.startContainer.getRootNode() as ShadowRoot).host ?? r.startContainer.parentElement!;
          const box = host.getBoundingClientRect();
          if (box.bottom <= 0 || box.top >= innerHeight) n++;
        }
      }
      return n;
    });
    return { count, outside };
  }

  /**
   * Three cards opened and closed on the shadow-root page, against the same
   * page without the extension, the pointer moved the same way, adding and
   * removing a `div` on `<html>` as often (what our card host does to the
   * page's DOM). Every frame after a
   * DOM change re-validates every registered highlight range in Chromium,
   * so what our cards cost the page's frames is bounded by what we register.
   */
  it('5,500 shadow roots: at most MAX_REGISTERED ranges, in view, and a card opens and closes in frames near the page’s own', async () => {
    const path = `hostile-shadow.html?n=5500`;
    const bare = await launch('chromium', { bare: true });
    const alone = await bare.open(fixture(path));
    const page = await current().open(fixture(path));
    await expect.poll(() => foundOn('hostile-shadow.html'), { timeout: 60_000, interval: 500 }).toBeGreaterThanOrEqual(5500);
    await expect.poll(() => registeredInView(page), { timeout: 10_000 }).toEqual({ count: MAX_REGISTERED, outside: 0 });
    // Scrolled a screen and a half down, the window follows.
    await page.evaluate(() => scrollBy(0, innerHeight * 1.5));
    await expect.poll(() => registeredInView(page), { timeout: 10_000 }).toEqual({ count: MAX_REGISTERED, outside: 0 });
    await page.evaluate(() => scrollTo(0, 0));
    await expect.poll(() => registeredInView(page), { timeout: 10_000 }).toEqual({ count: MAX_REGISTERED, outside: 0 });
    await settle(1000);

    // The centre of a registered mention, in view.
    const at = await page.evaluate(() => {
      for (const [name, h] of CSS.highlights) {
        if (name !== 'mark-a') continue;
        for (const r of h) {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          const box = range.getBoundingClientRect();
          if (box.top > 0 && box.bottom < innerHeight) return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
        }
      }
      return undefined;
    });
    expect(at).toBeDefined();
    // The page alone, as the reader moves over it: the pointer to the same
    // point and away (the browser hit-tests the page for each move), a `div`
    // added and removed on <html> as our card host is.
    const pageAlone = await mainThreadTasks(alone, async () => {
      for (let i = 0; i < 3; i++) {
        await alone.mouse.move(at!.x, at!.y);
        await alone.evaluate(() => {
          const div = document.createElement('div');
          div.id = 'card';
          div.style.cssText = 'position:fixed;top:40px;left:40px;width:360px;height:240px;background:#fff';
          div.textContent = 'A card';
          document.documentElement.append(div);
        });
        await settle(500);
        await alone.mouse.move(1275, 450);
        await alone.evaluate(() => document.getElementById('card')!.remove());
        await settle(500);
      }
    });
    let opened = 0;
    const ours = await mainThreadTasks(page, async () => {
      for (let i = 0; i < 3; i++) {
        await page.mouse.move(at!.x, at!.y);
        await expect.poll(() => cardHostPresent(page), { timeout: 10_000, interval: 100 }).toBe(true);
        opened++;
        await settle(500);
        await page.mouse.move(1275, 450);
        await page.keyboard.press('Escape');
        await expect.poll(() => cardHostPresent(page), { timeout: 10_000, interval: 100 }).toBe(false);
        await settle(500);
      }
    });
    // A mention in view that is not registered (the page shows ten times the
    // cap) is plain text to the pointer too: no card (the card's code is loaded by now,
    // so one would have opened within the wait).
    const plain = await page.evaluate(() => {
      const registered = new Set<Node>();
      for (const [name, h] of CSS.highlights) if (name.startsWith('mark-')) for (const r of h) registered.add(r.startContainer);
      for (const host of document.querySelectorAll('#grid > div')) {
        const text = host.shadowRoot!.firstChild!.firstChild!;
        const box = host.getBoundingClientRect();
        if (registered.has(text) || box.top < 0 || box.bottom > innerHeight) continue;
        const range = document.createRange();
        range.setStart(text, 0);
        range.setEnd(text, 6);
        const word = range.getBoundingClientRect();
        return { x: word.left + word.width / 2, y: word.top + word.height / 2 };
      }
      return undefined;
    });
    expect(plain).toBeDefined();
    await page.mouse.move(plain!.x, plain!.y);
    await settle(1500);
    expect(await cardHostPresent(page)).toBe(false);
    await bare.close();
    // The six longest tasks: the frames after three openings and three closings.
    const mean6 = (tasks: number[]) => tasks.slice(0, 6).reduce((sum, t) => sum + t, 0) / 6;
    const observing = ours.timeOf('IntersectionObserverController::computeIntersections');
    console.log(
      `5500 shadow roots, 3 cards opened and closed: longest main-thread tasks ${fmt(ours.durations)} ms, mean of six ${mean6(ours.durations).toFixed(1)} ms ` +
        `(the page alone adding and removing a div: ${fmt(pageAlone.durations)} ms, mean of six ${mean6(pageAlone.durations).toFixed(1)} ms); ${MAX_REGISTERED} ranges registered; ` +
        `intersection observers ${observing.toFixed(1)} ms in all`,
    );
    expect(opened).toBe(3);
    // The window's observer rests while the page does not move: it computed
    // 10-13 ms of each of these frames when it observed the 5,500 elements throughout.
    expect(observing).toBeLessThan(10);
    // Thread time, so a loaded machine does not stretch either side. With
    // every range near the viewport registered (2,226 here) the longest was
    // 137 ms against the page's 24; capped, mean of six 51.8 ms against 27.9
    // with the observer running, 40-44 ms against 24-30 at rest: what is
    // left is the 150 ranges (paint and pre-paint) and the card's own render.
    // The page's own frames vary by up to 2x from run to run, hence the margin.
    expect(mean6(ours.durations)).toBeLessThan(3 * mean6(pageAlone.durations));
    await page.close();
  }, 300_000);
});

/**
 * The exhaustion pages in Firefox, where WebDriver BiDi offers no trace, no
 * sampler and no heap figure. What can be measured is measured against the
 * same page in a Firefox without the extension, each browser launched fresh
 * for the page: load time, pointer moves, the longest gap a probe in the
 * page (a paced message loop) saw in its main thread after the page's
 * parsing, ours and the page's work together (so an upper bound on our
 * longest task), and the memory of
 * all the browser's processes (process-memory.ts: proportional set size,
 * no forced collection, so an upper bound on what we keep). The gap is
 * printed for the record, not held to a bound: a wall-clock gap on a
 * shared runner is the machine's as much as ours.
 */
describe('pages that try to exhaust it, in firefox', () => {
  /** Installs the gap probe in every document of `page` before its scripts run. */
  async function probe(page: Page): Promise<void> {
    await page.evaluateOnNewDocument(() => {
      const w = window as unknown as { longestGap: number; resetGap(): void };
      w.longestGap = 0;
      let last = performance.now();
      w.resetGap = () => {
        w.longestGap = 0;
        last = performance.now();
      };
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        const now = performance.now();
        w.longestGap = Math.max(w.longestGap, now - last);
        last = now;
        // Paced so the probe itself does not keep the thread busy.
        setTimeout(() => channel.port2.postMessage(0), 4);
      };
      channel.port2.postMessage(0);
      // What the page's own parsing scripts cost (building a 50 MB string) is not measured.
      document.addEventListener('DOMContentLoaded', () => w.resetGap());
    });
  }
  const gapOf = (page: Page) => page.evaluate(() => (window as unknown as { longestGap: number }).longestGap);

  interface Run {
    /** From navigation to `load` (and `until`). */
    ms: number;
    /** The longest gap the page's probe saw from DOMContentLoaded to 3 s after `until`. */
    gap: number;
    /** What the browser's memory grew by from a blank tab to the page, settled. */
    grew: number;
  }

  /**
   * Opens `path` in a fresh Firefox, with the extension or `bare`, after a
   * blank tab has settled, and measures it (see `Run`); `until` waits for
   * what the page or we still do after its load event.
   */
  async function measure(path: string, bare: boolean, until?: (page: Page) => Promise<unknown>): Promise<Run> {
    const session = await launch('firefox', { bare });
    try {
      const page = await session.browser.newPage();
      await probe(page);
      await settle(3000);
      const before = browserMemory(session.browser);
      const started = Date.now();
      await page.goto(fixture(path), { waitUntil: 'load', timeout: 120_000 });
      await until?.(page);
      const ms = Date.now() - started;
      await settle(3000);
      const gap = await gapOf(page);
      return { ms, gap, grew: browserMemory(session.browser) - before };
    } finally {
      await session.close();
    }
  }
  const mib = (bytes: number) => (bytes / MB).toFixed(1);

  it('a 50 MB text node: the memory it adds is the page\'s own string, not a copy of ours', async () => {
    const alone = await measure('hostile-exhaust.html?mb=50', true);
    const ours = await measure('hostile-exhaust.html?mb=50', false, (p) => waitForHighlights(p, 1, 60_000));
    // The same page without the node: what our start-up and scan cost on it anyway.
    const small = await measure('hostile-exhaust.html?mb=0', false, (p) => waitForHighlights(p, 1, 60_000));
    console.log(
      `firefox, 50 MB text node: load ${ours.ms} ms (${alone.ms} ms without us); longest gap the page saw ${ours.gap.toFixed(0)} ms (${alone.gap.toFixed(0)} ms without us, ${small.gap.toFixed(0)} ms with us and no node); ` +
        `memory +${mib(ours.grew)} MiB (+${mib(alone.grew)} MiB without us): ours +${mib(ours.grew - alone.grew)} MiB`,
    );
    // The page's own string is 50 MB; a copy of it kept by us would add as much again.
    expect(ours.grew - alone.grew).toBeLessThan(50 * MB);
  }, 300_000);

  it('the "On this page" listing of a page built to inflate it stays under 1 MB', async () => {
    const session = await launch('firefox');
    try {
      const extension = await extensionPage(session);
      await session.open(fixture('hostile-exhaust.html?inflate=2000'));
      await expect.poll(() => listedTotal(extension, 'inflate='), { timeout: 60_000, interval: 500 }).toBeGreaterThanOrEqual(4000);
      const listing = await extension.evaluate(async () => {
        const tabs = (globalThis as unknown as { browser: typeof browser }).browser.tabs;
        const [tab] = (await tabs.query({})).filter((t) => t.url?.includes('inflate='));
        const answer = (await tabs.sendMessage(tab!.id!, { method: 'listMentions', params: {} }, { frameId: 0 })) as { result: { mentions: { text: string }[]; title: string; total: number } };
        return { bytes: JSON.stringify(answer).length, listed: answer.result.mentions.length, total: answer.result.total, title: answer.result.title.length };
      });
      console.log(`firefox, inflated page: listing ${listing.bytes} bytes (${listing.listed} of ${listing.total} mentions, title ${listing.title} chars)`);
      expect(listing.listed).toBe(2000);
      expect(listing.bytes).toBeLessThan(1_000_000);
    } finally {
      await session.close();
    }
  }, 180_000);

  it('200 frames of a page without text: the page loads in less than twice its time without us', async () => {
    const path = 'hostile-frames.html?n=200';
    const framesLoaded = (p: Page) => p.evaluate(() => (window as unknown as { framesLoaded: Promise<number> }).framesLoaded);
    // Two loads each, taking turns, the faster of each counts: a machine
    // whose load changes between the two browsers' loads then moves both.
    const aloneRuns: Run[] = [];
    const ourRuns: Run[] = [];
    for (let i = 0; i < 2; i++) {
      aloneRuns.push(await measure(path, true, framesLoaded));
      ourRuns.push(await measure(path, false, framesLoaded));
    }
    const faster = (runs: Run[]) => runs.reduce((a, b) => (b.ms < a.ms ? b : a));
    const [alone, ours] = [faster(aloneRuns), faster(ourRuns)];
    console.log(
      `firefox, 200 frames: load ${ours.ms} ms (${alone.ms} ms without us); longest gap the page saw ${ours.gap.toFixed(0)} ms (${alone.gap.toFixed(0)} ms without us); ` +
        `memory +${mib(ours.grew)} MiB (+${mib(alone.grew)} MiB without us): ours +${mib(ours.grew - alone.grew)} MiB, ${((ours.grew - alone.grew) / 200 / 1024).toFixed(0)} KiB a frame`,
    );
    // Firefox sets up our content script in every frame as it loads, text or not (11 ms a frame in one run).
    expect(ours.ms).toBeLessThan(2 * alone.ms + 2000);
  }, 400_000);

  it('5,500 shadow roots: pointer moves cost about what the page alone does', async () => {
    const path = fixture('hostile-shadow.html?n=5500');
    const bare = await launch('firefox', { bare: true });
    const current = await launch('firefox');
    try {
      const [alone, page] = [await bare.browser.newPage(), await current.browser.newPage()];
      for (const p of [alone, page]) await probe(p);
      await settle(3000);
      const blank = [browserMemory(bare.browser), browserMemory(current.browser)];
      await alone.goto(path, { waitUntil: 'load' });
      await page.goto(path, { waitUntil: 'load' });
      await waitForHighlights(page, 1, 60_000);
      await settle(3000);
      for (const p of [alone, page]) await p.evaluate(() => (window as unknown as { resetGap(): void }).resetGap());
      const { aloneMs, oursMs } = await takeTurns(alone, page);
      const aloneGap = await gapOf(alone);
      const gap = await gapOf(page);
      const aloneGrew = browserMemory(bare.browser) - blank[0]!;
      const grew = browserMemory(current.browser) - blank[1]!;
      console.log(
        `firefox, 5500 shadow roots: 200 moves ${oursMs} ms (${aloneMs} ms without us); longest gap the page saw during the moves ${gap.toFixed(0)} ms (${aloneGap.toFixed(0)} ms without us); ` +
          `memory +${mib(grew)} MiB (+${mib(aloneGrew)} MiB without us): ours +${mib(grew - aloneGrew)} MiB`,
      );
      expect(oursMs).toBeLessThan(2 * aloneMs);
    } finally {
      await bare.close();
      await current.close();
    }
  }, 300_000);
});
