/**
 * The side panel's real UI in headless Chromium, typed into one key at a
 * time, at the index scales (1x, 100x, 1,000x): keystroke to the next paint,
 * with Preact re-rendering the result list and the facet filters, then
 * style, layout and paint. Node side: builds and serves each scale's corpus,
 * opens the panel bench page (panel/entry.tsx), types, and collects the
 * samples the page's recorder takes. See README.md (Index scale).
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'puppeteer-core';
import type { DocumentMeta, Statement } from '../../lib/data/types.ts';
import { buildIndex } from '../../lib/data/indexer.ts';
import { root } from './build.ts';
import { scaleCorpus } from './index-scale.ts';
import type { KeySample, OpenSample } from './panel/entry.tsx';
import { distribution, type Distribution } from './stats.ts';

/** The panel's page, as entrypoints/sidepanel/index.html has it, without the script (injected instead). */
export const PANEL_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="color-scheme" content="light dark" />
    <title>Source Context</title>
  </head>
  <body>
    <div id="app"></div>
  </body>
</html>
`;

/** Chrome's side panel is narrow; the end-to-end panel tests use the same size. */
export const PANEL_VIEWPORT = { width: 400, height: 900 };

/**
 * Pause after each keystroke's paint before the next key: a fast typist's
 * pace (~10 keys a second, counting the round trips), so the previous
 * frame's raster and the panel's after-paint effects are not measured as
 * part of the next keystroke, as they would not be while someone types.
 */
export const TYPING_GAP_MS = 50;

/** Typed once before the measured queries, untimed: JIT, the facet table's first build, first result rendering. */
export const WARM_UP_QUERY = 'huawei 5g';

export interface PanelBundle {
  js: string;
  css: string;
}

export interface PanelScaleResult {
  factor: number;
  statements: number;
  /** Opening the panel page on this corpus (one run). */
  open: OpenSample;
  /** Every typed character of the queries: keydown to the end of the next frame (see KeySample). */
  keystroke: Distribution;
  /** The same keystrokes, part by part (see KeySample): input handler + Preact render, */
  script: Distribution;
  /** style and layout, */
  layout: Distribution;
  /** the frame's paint and commit, */
  paint: Distribution;
  /** and the waits: before the input handler, and for the frame. */
  inputDelay: Distribution;
  frameWait: Distribution;
  /** Keystrokes whose own frame did not yet show the final rows in view (timed to the frame that did: see KeySample). */
  late: number;
  /** The first character of each query (the overview of the empty box gives way to results): part of `keystroke`. */
  firstKey: Distribution;
  /** Select all + Backspace before each query (results give way to the overview): not part of `keystroke`. */
  clear: Distribution;
  /** The slowest keystrokes, for the analysis. */
  slowest: KeySample[];
}

const read = <T>(f: string): T => JSON.parse(readFileSync(`${root}data/${f}`, 'utf8')) as T;

/** The three data files the panel loads, at `factor` times today's corpus (index-scale.ts's synthesis), as JSON. */
export function panelCorpus(factor: number): Map<string, string> {
  const { statements, sources } = scaleCorpus(read<Statement[]>('statements.json'), read<DocumentMeta[]>('sources.json'), factor);
  return new Map([
    ['index.json', JSON.stringify(buildIndex(statements))],
    ['statements.json', JSON.stringify(statements)],
    ['sources.json', JSON.stringify(sources)],
  ]);
}

type PanelGlobal = { SCPanel: { open(base: string): Promise<OpenSample>; nextSample(): Promise<KeySample>; pendingSamples(): number } };

const next = (page: Page) => page.evaluate(() => (globalThis as unknown as PanelGlobal).SCPanel.nextSample());

/** Types `text` into the focused search box one key at a time, taking each key's sample before the next key. */
export async function typeQuery(page: Page, text: string): Promise<KeySample[]> {
  const out: KeySample[] = [];
  for (const ch of text) {
    await page.keyboard.type(ch);
    out.push(await next(page));
    await page.evaluate((ms: number) => new Promise<void>((r) => setTimeout(r, ms)), TYPING_GAP_MS);
  }
  return out;
}

/** Select all, Backspace: one input event, back to the empty search. Nothing (no sample) when the box is empty. */
export async function clearBox(page: Page): Promise<KeySample | undefined> {
  if (!(await page.$eval('#sc-panel-query', (el) => (el as HTMLInputElement).value))) return undefined;
  await page.keyboard.down('Control');
  await page.keyboard.press('KeyA');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
  const sample = await next(page);
  await page.evaluate((ms: number) => new Promise<void>((r) => setTimeout(r, ms)), TYPING_GAP_MS);
  return sample;
}

/** A fresh tab on the panel page, the panel rendered over the corpus at `dataUrl` (`<server>/data`), the search box focused. */
export async function openPanel(browser: Browser, pageUrl: string, dataUrl: string, bundle: PanelBundle): Promise<{ page: Page; open: OpenSample }> {
  const page = await browser.newPage();
  await page.setViewport(PANEL_VIEWPORT);
  await page.goto(pageUrl, { waitUntil: 'load' });
  await page.addStyleTag({ content: bundle.css });
  await page.evaluate(bundle.js);
  const open = await page.evaluate((base: string) => (globalThis as unknown as PanelGlobal).SCPanel.open(base), dataUrl);
  await page.waitForSelector('#sc-panel-query', { timeout: 5_000 });
  await page.focus('#sc-panel-query');
  if (!(await page.evaluate(() => crossOriginIsolated))) throw new Error('panel page is not cross-origin isolated (coarse clock)');
  return { page, open };
}

/** One scale: the panel opened, the warm-up query typed, then each query cleared and typed, a key at a time. */
export async function benchPanel(browser: Browser, pageUrl: string, dataUrl: string, bundle: PanelBundle, factor: number, queries: readonly string[]): Promise<PanelScaleResult> {
  const { page, open } = await openPanel(browser, pageUrl, dataUrl, bundle);
  try {
    await typeQuery(page, WARM_UP_QUERY);
    const typed: KeySample[] = [];
    const clears: KeySample[] = [];
    for (const query of queries) {
      const cleared = await clearBox(page);
      if (cleared) clears.push(cleared);
      const samples = await typeQuery(page, query);
      const last = samples.at(-1);
      if (last?.value !== query) throw new Error(`typed "${query}", the box holds "${last?.value}"`);
      typed.push(...samples);
    }
    if (await page.evaluate(() => (globalThis as unknown as PanelGlobal).SCPanel.pendingSamples())) throw new Error('more input events than keystrokes');
    const pick = (f: (s: KeySample) => number, from = typed) => distribution(from.map(f));
    return {
      factor,
      statements: open.statements,
      open,
      keystroke: pick((s) => s.toPaintMs),
      script: pick((s) => s.scriptMs),
      layout: pick((s) => s.layoutMs),
      paint: pick((s) => s.paintMs),
      inputDelay: pick((s) => s.inputDelayMs),
      frameWait: pick((s) => s.frameWaitMs),
      late: typed.filter((s) => s.settleMs > 0).length,
      firstKey: pick((s) => s.toPaintMs, typed.filter((s) => s.value.length === 1)),
      clear: pick((s) => s.toPaintMs, clears),
      slowest: [...typed].sort((a, b) => b.toPaintMs - a.toPaintMs).slice(0, 5),
    };
  } finally {
    await page.close();
  }
}
