import type { PlacedMention } from './highlighter.ts';

/**
 * The most mention ranges we keep in the page's highlight registry at once.
 * In Chromium every frame after *any* change to the document (our card
 * opening or closing, the page's own animations, a highlight changing)
 * re-validates and repaints every range of every registered highlight, at
 * tens of µs a range: 3,000 ranges made opening the card a 120-260 ms
 * frame, 1,000 a 50 ms one on the 5 MB page. Below this many mentions a
 * page registers them all (no observer, nothing to wait for); above it,
 * only this many near the viewport, which is more than a screen of even the
 * densest prose holds.
 */
export const MAX_REGISTERED = 150;

/**
 * How far above and below the viewport a mention counts as near: its range
 * is registered before it scrolls into view, so the reader does not see it
 * appear a frame late.
 */
const NEAR_MARGIN = '50% 0px';

/** How long the observer keeps running after the last scroll, resize, load or new mention. */
const REST_MS = 1000;

/**
 * Decides which mentions have their range registered once a page holds more
 * than `MAX_REGISTERED`: at most that many, those nearest the viewport.
 *
 * An IntersectionObserver on each mention's element (its text's parent, or
 * the shadow host for text straight under a shadow root) reports elements
 * entering and leaving the viewport and its margin. The browser computes
 * this in its rendering step: we force no layout and measure no range. When
 * more mentions are near than the cap allows (a page built of thousands of
 * tiny mentions), those whose elements were reported nearest the middle of
 * the viewport win. Each report's position is kept in page coordinates, so
 * the choice is made again at each report (at most one per frame: while the
 * reader scrolls such a page, elements keep crossing the margin) without
 * measuring anything. A mention in a nested scroller keeps the page position
 * of its last report until it crosses the margin again: good enough to
 * rank, never to hide what the observer says is near when there is room.
 *
 * The observer runs only while the page moves. Chromium recomputes every
 * observation in each frame after any layout change, ours included: with
 * 5,500 mentions observed that was 10-13 ms of every frame, a card opening
 * or closing among them. Elements move against the viewport when the page
 * scrolls (scroll anchoring scrolls too when content grows above the
 * viewport), resizes, loads an image or a frame, or gains mentions, so
 * each of these wakes the observer, and `REST_MS` after the last of them,
 * once it has reported, it is disconnected; the near elements it last
 * reported stay as they were. Waking observes every element again, and
 * the browser reports each in the next frame: one frame of that cost at
 * the start of a scroll, none while the reader reads or opens a card.
 */
export class MentionWindow {
  readonly #view: Window & typeof globalThis;
  readonly #show: (mention: PlacedMention, shown: boolean) => void;
  readonly #limit: number;
  readonly #observer: IntersectionObserver;
  readonly #byElement = new Map<Element, Set<PlacedMention>>();
  /** Each mention's element as it was when watched: by the time it is dropped its node may have left it. */
  readonly #elementOf = new Map<PlacedMention, Element>();
  /** Elements within the margin, each with its top in page coordinates at its last report. */
  readonly #near = new Map<Element, number>();
  /** The mentions whose range is registered now. */
  readonly #shown = new Set<PlacedMention>();
  #frame = 0;
  /** Whether the observer observes every element now (see the class comment); it starts so. */
  #observing = true;
  /** Set when elements were (re)observed, cleared by the report that follows: no rest before it. */
  #awaitingReport = false;
  #lastWake = 0;
  #restTimer: number | undefined;
  readonly #listening = new AbortController();

  constructor(view: Window & typeof globalThis, show: (mention: PlacedMention, shown: boolean) => void, limit = MAX_REGISTERED) {
    this.#view = view;
    this.#show = show;
    this.#limit = limit;
    this.#observer = new view.IntersectionObserver((entries) => this.#report(entries), { rootMargin: NEAR_MARGIN });
    // A page's own synthetic events move nothing: only the browser's wake it.
    const wake = (event: Event) => event.isTrusted && this.#wake();
    const options = { capture: true, passive: true, signal: this.#listening.signal };
    // Scrolls of the page and of any element in the document; loads of its images and frames.
    view.document.addEventListener('scroll', wake, options);
    view.document.addEventListener('load', wake, options);
    view.addEventListener('resize', wake, options);
  }

  /** Whether `mention`'s range is registered now: what the reader sees marked. */
  shows(mention: PlacedMention): boolean {
    return this.#shown.has(mention);
  }

  /**
   * Starts deciding for `mention`. `registered`: its range is in its
   * Highlight already (the mentions found before the page crossed the cap);
   * it stays there until the observer's first report says otherwise.
   */
  watch(mention: PlacedMention, registered = false): void {
    const element = elementOf(mention);
    if (!element) {
      if (registered) this.#show(mention, false);
      return;
    }
    if (registered) this.#shown.add(mention);
    this.#elementOf.set(mention, element);
    const mentions = this.#byElement.get(element);
    if (!mentions) {
      this.#byElement.set(element, new Set([mention]));
      if (this.#observing) {
        this.#observer.observe(element);
        this.#awaitingReport = true;
      }
      this.#wake();
      return;
    }
    mentions.add(mention);
    if (this.#near.has(element)) this.#schedule();
  }

  /** Forgets `mention` (its range is taken out of its Highlight by the caller). */
  unwatch(mention: PlacedMention): void {
    this.#shown.delete(mention);
    const element = this.#elementOf.get(mention);
    if (!element) return;
    this.#elementOf.delete(mention);
    const mentions = this.#byElement.get(element);
    if (!mentions?.delete(mention) || mentions.size) return;
    this.#byElement.delete(element);
    this.#near.delete(element);
    this.#observer.unobserve(element);
  }

  /** For good: the highlighter drops its window with its highlights. */
  stop(): void {
    this.#observer.disconnect();
    this.#listening.abort();
    this.#view.clearTimeout(this.#restTimer);
    this.#view.cancelAnimationFrame(this.#frame);
  }

  /** Something may have moved: observe every element (again), until `REST_MS` after the last wake. */
  #wake(): void {
    this.#lastWake = Date.now();
    if (!this.#observing) {
      this.#observing = true;
      this.#awaitingReport = true;
      for (const element of this.#byElement.keys()) this.#observer.observe(element);
    }
    this.#restTimer ??= this.#view.setTimeout(() => this.#rest(), REST_MS);
  }

  /**
   * Disconnects the observer once nothing has woken it for `REST_MS` and it
   * has reported what it was asked (a hidden tab renders no frame, so it
   * reports nothing until shown).
   */
  #rest(): void {
    const idle = Date.now() - this.#lastWake;
    if (idle < REST_MS || this.#awaitingReport) {
      this.#restTimer = this.#view.setTimeout(() => this.#rest(), Math.max(REST_MS - idle, 100));
      return;
    }
    this.#restTimer = undefined;
    const pending = this.#observer.takeRecords();
    if (pending.length) this.#report(pending);
    this.#observer.disconnect();
    this.#observing = false;
  }

  #report(entries: IntersectionObserverEntry[]): void {
    this.#awaitingReport = false;
    // Read once per report, after the rendering step that produced it.
    const scrollY = this.#view.scrollY;
    for (const entry of entries) {
      if (!this.#byElement.has(entry.target)) continue;
      if (entry.isIntersecting) this.#near.set(entry.target, entry.boundingClientRect.top + scrollY);
      else this.#near.delete(entry.target);
    }
    this.#settle();
  }

  #schedule(): void {
    if (this.#frame) return;
    this.#frame = this.#view.requestAnimationFrame(() => {
      this.#frame = 0;
      this.#settle();
    });
  }

  /**
   * Registers the mentions of the near elements, nearest the middle of the
   * viewport first, up to `limit`, and unregisters the rest. The sort is of
   * the near elements only: a few dozen on a page of prose.
   */
  #settle(): void {
    const middle = this.#view.scrollY + this.#view.innerHeight / 2;
    const nearest = [...this.#near].sort((a, b) => Math.abs(a[1] - middle) - Math.abs(b[1] - middle));
    const wanted = new Set<PlacedMention>();
    fill: for (const [element] of nearest) {
      for (const mention of this.#byElement.get(element)!) {
        if (wanted.size >= this.#limit) break fill;
        wanted.add(mention);
      }
    }
    for (const mention of this.#shown) {
      if (wanted.has(mention)) continue;
      this.#shown.delete(mention);
      this.#show(mention, false);
    }
    for (const mention of wanted) {
      if (this.#shown.has(mention)) continue;
      this.#shown.add(mention);
      this.#show(mention, true);
    }
  }
}

/** The element whose box stands for `mention`: its text's parent, or the host of the shadow root the text sits straight under. */
function elementOf(mention: PlacedMention): Element | undefined {
  const node = mention.nodes[0];
  return node && (node.parentElement ?? (node.getRootNode() as Partial<ShadowRoot>).host);
}
