/**
 * The panel bench page: the side panel's own UI (`PanelApp` and panel.css,
 * as entrypoints/sidepanel/main.tsx mounts them) on a plain page, over a
 * corpus fetched from the bench server, with a recorder of what each
 * keystroke costs until the next paint. Built by build.ts into one IIFE
 * (global `SCPanel`) plus the panel's CSS, both injected by panel-ui.ts.
 *
 * What differs from the extension's page: no extension APIs, so the
 * services are inert (the session save keeps its 300 ms debounce but
 * writes nothing; clipboard, downloads, the active tab and incoming targets
 * do nothing), the reader documents are empty (the reader is not opened),
 * and the corpus arrives by fetch instead of being bundled. The search,
 * filters, result list and overview are the same code.
 */
import '../../../components/panel/panel.css';
import { render } from 'preact';
import { PanelApp } from '../../../components/panel/PanelApp.tsx';
import type { PanelServices } from '../../../components/panel/types.ts';
import { jsonMessageSource, setMessageSource } from '../../../lib/i18n.ts';
import { loadCorpus } from '../../../lib/search/load.ts';
import en from '../../../public/_locales/en/messages.json';

setMessageSource(jsonMessageSource(en));

/**
 * One input event's costs, in ms (performance.now() resolves 5 µs on the
 * cross-origin-isolated bench server). The six parts add up to `toPaintMs`.
 */
export interface KeySample {
  /** The search box's value after the event. */
  value: string;
  /**
   * From the keystroke (the keydown's `timeStamp`: when the browser received
   * the key) to the end of the first frame rendered after the input event
   * that shows the result rows in view as they end up (see `settledAt`):
   * a task posted from that frame's requestAnimationFrame callback runs
   * once its style, layout, paint and commit are done.
   */
  toPaintMs: number;
  /** From the keydown's timestamp to the first `input` listener: input routing, keydown and the text edit. */
  inputDelayMs: number;
  /** The input handler and Preact's render and DOM updates (a microtask queued by the last `input` listener). */
  scriptMs: number;
  /**
   * Style and layout of the updated document, forced at the end of that
   * microtask (the browser's editing code forces the same right after the
   * input event anyway, before the frame; forcing it here only times it).
   */
  layoutMs: number;
  /** From there to the frame's requestAnimationFrame callback: waiting for the frame (and any other task in between). */
  frameWaitMs: number;
  /** From the requestAnimationFrame callback to the task posted there: the frame's paint and commit (and what style and layout were left). */
  paintMs: number;
  /**
   * From the end of that first frame to the end of the frame showing the
   * final rows in view: 0 unless the first frame showed rows in view that
   * the rest of the answer, drawn later, changed or filled in.
   */
  settleMs: number;
}

export interface OpenSample {
  statements: number;
  /** fetch + JSON.parse of the three files. */
  fetchMs: number;
  /** loadCorpus. */
  loadMs: number;
  /** render() of the panel (the overview of an empty search) until the next frame is painted. */
  firstPaintMs: number;
}

const samples: KeySample[] = [];
const waiting: ((s: KeySample) => void)[] = [];
let keydownAt: number | undefined;

function afterFrame(): Promise<{ rafAt: number; paintedAt: number }> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const rafAt = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve({ rafAt, paintedAt: performance.now() });
      channel.port2.postMessage(null);
    }),
  );
}

/** The result rows that meet the viewport, as drawn (markup, in order): what a reader sees of the answer. */
function rowsInView(): string {
  const rows: string[] = [];
  for (const row of document.querySelectorAll('.sc-panel-list > li')) {
    const box = row.getBoundingClientRect();
    if (box.bottom > 0 && box.top < innerHeight) rows.push(row.innerHTML);
  }
  return rows.join('\n');
}

/**
 * The end of the first frame, from the keystroke's (ended at `first`) on,
 * that shows the rows in view as they are once no list is `aria-busy` any
 * more (the panel draws part of a new answer when idle). The panel may put
 * off what is out of view, never what is in it: without this check,
 * drawing fewer rows in the keystroke's frame would look faster however
 * many of the rows in view it left for later.
 */
async function settledAt(first: number): Promise<number> {
  const frames = [{ paintedAt: first, rows: rowsInView() }];
  while (document.querySelector('[aria-busy="true"]')) {
    const { paintedAt } = await afterFrame();
    frames.push({ paintedAt, rows: rowsInView() });
  }
  const final = frames.at(-1)!.rows;
  return frames.find((f) => f.rows === final)!.paintedAt;
}

function record(sample: KeySample): void {
  const next = waiting.shift();
  if (next) next(sample);
  else samples.push(sample);
}

/**
 * Capture listeners on window run before the panel's own handlers (Preact
 * attaches them to the input element); the bubbling `input` listener runs
 * after them, and after Preact's render (queued as a microtask by the
 * handler's setState, and run when the handler returns).
 */
function installRecorder(): void {
  let current: { scriptEnd: number; layoutEnd: number } | undefined;
  addEventListener('keydown', (e) => (keydownAt = e.timeStamp), true);
  addEventListener(
    'input',
    (e) => {
      const start = performance.now();
      const down = keydownAt ?? e.timeStamp;
      keydownAt = undefined;
      const value = (e.target as HTMLInputElement).value;
      const event = (current = { scriptEnd: start, layoutEnd: start });
      void afterFrame().then(async ({ rafAt, paintedAt }) => {
        const settled = await settledAt(paintedAt);
        record({
          value,
          toPaintMs: settled - down,
          inputDelayMs: start - down,
          scriptMs: event.scriptEnd - start,
          layoutMs: event.layoutEnd - event.scriptEnd,
          frameWaitMs: rafAt - event.layoutEnd,
          paintMs: paintedAt - rafAt,
          settleMs: settled - paintedAt,
        });
      });
    },
    true,
  );
  addEventListener('input', () => {
    const event = current;
    queueMicrotask(() => {
      if (!event) return;
      event.scriptEnd = performance.now();
      void document.documentElement.getBoundingClientRect(); // style and layout, now
      event.layoutEnd = performance.now();
    });
  });
}

/** The next input event's sample (they are taken in order; the benchmark waits for each before the next key). */
export function nextSample(timeoutMs = 30_000): Promise<KeySample> {
  const ready = samples.shift();
  if (ready) return Promise.resolve(ready);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no input event was recorded')), timeoutMs);
    waiting.push((s) => {
      clearTimeout(timer);
      resolve(s);
    });
  });
}

/** Samples recorded but not yet taken (0 when every keystroke was waited for). */
export function pendingSamples(): number {
  return samples.length;
}

function inertServices(): PanelServices {
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  return {
    saveSearch() {
      clearTimeout(saveTimer);
      saveTimer = setTimeout(() => {}, 300);
    },
    copy: async () => {},
    download() {},
    watchPage: () => () => {},
    revealMention: async () => false,
    watchTargets: () => () => {},
  };
}

/** Fetches `<base>/index.json`, `statements.json` and `sources.json`, loads them and renders the panel into #app. */
export async function open(base: string): Promise<OpenSample> {
  const t0 = performance.now();
  const get = (name: string) => fetch(`${base}/${name}`).then((r) => (r.ok ? r.json() : Promise.reject(new Error(`${name}: HTTP ${r.status}`))));
  const [index, statements, sources] = await Promise.all([get('index.json'), get('statements.json'), get('sources.json')]);
  const t1 = performance.now();
  const corpus = loadCorpus({ index, statements, sources });
  const t2 = performance.now();
  render(<PanelApp corpus={corpus} documents={new Map()} services={inertServices()} />, document.getElementById('app')!);
  const { paintedAt } = await afterFrame();
  installRecorder();
  return { statements: corpus.statements.size, fetchMs: t1 - t0, loadMs: t2 - t1, firstPaintMs: paintedAt - t2 };
}
