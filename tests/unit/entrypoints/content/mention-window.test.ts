// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MentionWindow } from '../../../../entrypoints/content/mention-window.ts';
import type { PlacedMention } from '../../../../entrypoints/content/highlighter.ts';

/**
 * The window's choice, driven by hand: a stand-in IntersectionObserver whose
 * reports the test writes (which elements are within the margin, and where),
 * a scroll position, and animation frames the test runs.
 */
function harness(limit: number) {
  let report: (entries: IntersectionObserverEntry[]) => void = () => {};
  const observed = new Set<Element>();
  const frames: (() => void)[] = [];
  const timers: (() => void)[] = [];
  /** The records the observer holds but has not reported yet (`takeRecords`). */
  const held: IntersectionObserverEntry[] = [];
  const events = new EventTarget();
  const view = {
    scrollY: 0,
    innerHeight: 1000,
    document: events,
    addEventListener: events.addEventListener.bind(events),
    setTimeout: (fn: () => void) => timers.push(fn),
    clearTimeout: () => {},
    IntersectionObserver: class {
      constructor(callback: (entries: IntersectionObserverEntry[]) => void) {
        report = callback;
      }
      observe(el: Element) {
        observed.add(el);
      }
      unobserve(el: Element) {
        observed.delete(el);
      }
      disconnect() {
        observed.clear();
      }
      takeRecords() {
        return held.splice(0);
      }
    },
    requestAnimationFrame: (fn: () => void) => frames.push(fn),
    cancelAnimationFrame: () => {},
  };
  const shown = new Set<PlacedMention>();
  const window = new MentionWindow(view as unknown as Window & typeof globalThis, (m, on) => {
    if (on) shown.add(m);
    else shown.delete(m);
  }, limit);
  /** Reports `el` near (its top at `top` in viewport coordinates) or far. */
  const entry = (el: Element, near: boolean, top = 0) =>
    ({ target: el, isIntersecting: near, boundingClientRect: { top, height: 10 } }) as unknown as IntersectionObserverEntry;
  return {
    view,
    window,
    shown,
    observed,
    report: (...entries: IntersectionObserverEntry[]) => report(entries),
    entry,
    runFrames: () => {
      for (const frame of frames.splice(0)) frame();
    },
    held,
    /** Runs the timers due now (the window's rest timer), `ms` after the last wake. */
    runTimers: (ms: number) => {
      vi.advanceTimersByTime(ms);
      for (const timer of timers.splice(0)) timer();
    },
    /** A scroll of the page or of an element in it (caught in the capture phase): the browser's, or `synthetic` (a page script's). */
    scroll: (synthetic = false) => {
      const event = new Event('scroll');
      Object.defineProperty(event, 'isTrusted', { value: !synthetic });
      events.dispatchEvent(event);
    },
  };
}

/** A paragraph holding `n` mentions, each over its own text node. */
function paragraph(n: number): { el: HTMLElement; mentions: PlacedMention[] } {
  const el = document.createElement('p');
  const mentions: PlacedMention[] = [];
  for (let i = 0; i < n; i++) {
    const text = document.createTextNode('Huawei ');
    el.append(text);
    mentions.push({ category: 'huawei', text: 'Huawei', term: 'Huawei', block: '', at: 0, range: {} as StaticRange, nodes: [text] });
  }
  document.body.append(el);
  return { el, mentions };
}

describe('MentionWindow', () => {
  // The window reads the time (Date.now) to know how long the page has been still.
  beforeEach(() => vi.useFakeTimers({ toFake: ['Date'] }));
  afterEach(() => vi.useRealTimers());

  it('registers the mentions whose elements are near, and only while they are', () => {
    const h = harness(10);
    const a = paragraph(2);
    const b = paragraph(1);
    for (const m of [...a.mentions, ...b.mentions]) h.window.watch(m);
    expect(h.observed).toEqual(new Set([a.el, b.el]));
    expect(h.shown.size).toBe(0);
    h.report(h.entry(a.el, true), h.entry(b.el, false));
    expect([...h.shown]).toEqual(a.mentions);
    expect(h.window.shows(a.mentions[0]!)).toBe(true);
    expect(h.window.shows(b.mentions[0]!)).toBe(false);
    h.report(h.entry(a.el, false), h.entry(b.el, true));
    expect([...h.shown]).toEqual(b.mentions);
    expect(h.shown.size).toBe(1);
  });

  it('keeps already registered ranges until the first report, then only the near ones', () => {
    const h = harness(10);
    const a = paragraph(1);
    const b = paragraph(1);
    for (const m of [...a.mentions, ...b.mentions]) h.shown.add(m);
    for (const m of [...a.mentions, ...b.mentions]) h.window.watch(m, true);
    expect(h.shown.size).toBe(2);
    h.report(h.entry(a.el, true), h.entry(b.el, false));
    expect([...h.shown]).toEqual(a.mentions);
  });

  it('holds to the limit when more are near, choosing those nearest the middle of the viewport, and again at each report as the page scrolls', () => {
    const h = harness(4);
    // Ten paragraphs of one mention, 100 px apart from y = 10; the viewport is 1,000 px tall, its middle at 500.
    const ps = Array.from({ length: 10 }, () => paragraph(1));
    for (const p of ps) h.window.watch(p.mentions[0]!);
    h.report(...ps.map((p, i) => h.entry(p.el, true, i * 100 + 10)));
    expect(h.shown.size).toBe(4);
    // Tops at 10, 110, …: nearest to 500 are 510, 410, 610, 310.
    expect(ps.filter((p) => h.window.shows(p.mentions[0]!)).map((p) => ps.indexOf(p))).toEqual([3, 4, 5, 6]);
    // Scrolled 400 px down: the middle is at 900 in page coordinates (nearest: 910, 810, 710, 610). The
    // first paragraph leaves the margin; its report makes the choice again.
    h.view.scrollY = 400;
    h.report(h.entry(ps[0]!.el, false, -390));
    expect(ps.filter((p) => h.window.shows(p.mentions[0]!)).map((p) => ps.indexOf(p))).toEqual([6, 7, 8, 9]);
    expect(h.shown.size).toBe(4);
  });

  it('registers a mention added to an element already near, in the next frame, and forgets dropped ones', () => {
    const h = harness(10);
    const p = paragraph(1);
    h.window.watch(p.mentions[0]!);
    h.report(h.entry(p.el, true));
    const text = document.createTextNode('Huawei');
    p.el.append(text);
    const later: PlacedMention = { ...p.mentions[0]!, nodes: [text] };
    h.window.watch(later);
    expect(h.window.shows(later)).toBe(false);
    h.runFrames();
    expect(h.window.shows(later)).toBe(true);
    h.window.unwatch(p.mentions[0]!);
    h.window.unwatch(later);
    expect(h.window.shows(p.mentions[0]!) || h.window.shows(later)).toBe(false);
    expect(h.observed.size).toBe(0);
  });

  it('watches the shadow host for text straight under a shadow root', () => {
    const h = harness(10);
    const host = document.createElement('div');
    document.body.append(host);
    const text = document.createTextNode('Huawei');
    host.attachShadow({ mode: 'open' }).append(text);
    const m: PlacedMention = { category: 'huawei', text: 'Huawei', term: 'Huawei', block: '', at: 0, range: {} as StaticRange, nodes: [text] };
    h.window.watch(m);
    expect(h.observed).toEqual(new Set([host]));
    h.report(h.entry(host, true));
    expect(h.window.shows(m)).toBe(true);
  });

  it('stops observing a second after the page last moved and the observer reported, and observes every element again when it scrolls', () => {
    const h = harness(10);
    const a = paragraph(1);
    const b = paragraph(1);
    for (const m of [...a.mentions, ...b.mentions]) h.window.watch(m);
    h.runTimers(500);
    expect(h.observed.size).toBe(2);
    // A second still, but no report yet (a hidden tab renders no frame): it keeps observing.
    h.runTimers(1000);
    expect(h.observed.size).toBe(2);
    h.report(h.entry(a.el, true), h.entry(b.el, false));
    // What the observer held but had not reported is taken before it stops.
    h.held.push(h.entry(b.el, true, 200));
    h.runTimers(100);
    expect(h.observed.size).toBe(0);
    expect([...h.shown]).toEqual([...a.mentions, ...b.mentions]);
    // A page script's scroll event moves nothing: still at rest.
    h.scroll(true);
    expect(h.observed.size).toBe(0);
    // A scroll: every element observed again, the choice made again at the report that follows.
    h.scroll();
    expect(h.observed).toEqual(new Set([a.el, b.el]));
    h.report(h.entry(a.el, false), h.entry(b.el, true, 200));
    expect([...h.shown]).toEqual(b.mentions);
    // A new mention wakes it too, and is observed with the rest.
    h.runTimers(1100);
    expect(h.observed.size).toBe(0);
    const c = paragraph(1);
    h.window.watch(c.mentions[0]!);
    expect(h.observed).toEqual(new Set([a.el, b.el, c.el]));
  });
});
