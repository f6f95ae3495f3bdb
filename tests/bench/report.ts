/**
 * The Markdown report (tests/bench/results/latest.md): targets first, then
 * one table per section. Every time is a median over the repetitions, or a
 * percentile of the pooled samples where it says p50/p95; see README.md.
 */
import type { BenchResults } from './main.ts';
import type { PageResult } from './scan.ts';
import { EXTENSIONS, type PageCostResult } from './page-cost.ts';
import { scanTotals } from './targets.ts';

const ms = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '–' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const kb = (bytes: number) => (bytes >= 1e6 ? `${(bytes / 2 ** 20).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`);
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}x` : '–');
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const table = (head: string[], rows: (string | number)[][]) => [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');

function pageRows(pages: readonly PageResult[]): (string | number)[][] {
  return pages.map((p) => {
    const { ours, mark, bare } = p.methods;
    return [
      p.page,
      kb(p.textChars),
      p.textNodes,
      ms(ours.mainMs),
      ms(ours.wallMs),
      ms(Math.max(ours.worstSliceMs, ours.worstLongTaskMs)),
      ours.tasks,
      ours.mentions,
      ms(mark.mainMs),
      mark.mentions,
      ms(bare.mainMs),
      bare.mentions,
      ratio(ours.mainMs, mark.mainMs),
      ratio(ours.mainMs, bare.mainMs),
    ];
  });
}

const PAGE_HEAD = ['page', 'text', 'text nodes', 'ours ms', 'ours wall ms', 'ours longest task ms', 'tasks', 'ours mentions', 'mark.js ms', 'mark.js marks', 'bare ms', 'bare ranges', 'ours / mark.js', 'ours / bare'];

export function renderMarkdown(r: BenchResults): string {
  const out: string[] = [];
  const m = r.meta;
  out.push('# Source Context benchmark results', '');
  const partial = m.only ? `**Only ${m.only.join(', ')} measured (\`--only\`).** ` : '';
  out.push(`${m.quick ? '**Quick (smoke) setting: not representative.** ' : ''}${partial}Run ${m.date.slice(0, 16).replace('T', ' ')} UTC, ${m.durationS} s; ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, load average ${m.loadAverage[0]} at start / ${m.loadAverage[1]} at end; Chromium ${m.chromium}; Node ${m.node}. Code: ${m.revision}. Real pages: ${m.pagesDir ?? 'none (no --pages)'}. Method and definitions: [README](../README.md).`, '');

  out.push('## Targets', '');
  out.push(table(['target', 'goal', 'measured', 'met', 'what was compared'], r.targets.map((t) => [t.name, t.goal, `${t.unit === 'x' ? t.measured.toFixed(2) : ms(t.measured)} ${t.unit}`, t.met ? 'met' : `**missed** (${(t.measured / t.limit).toFixed(1)}x the limit)`, t.note])), '');
  if (Object.keys(r.errors).length) out.push(`**Not measured:** ${Object.keys(r.errors).join(', ')} (see latest.json \`errors\`).`, '');

  if (r.cost) out.push(...costSection(r.cost));

  if (r.scan) {
    const totals = scanTotals(r.scan.pages);
    out.push('## Page scanning (headless Chromium)', '');
    out.push(`Main-thread time of the initial scan and highlight (ms, median of ${m.settings.scanReps}); "ours" is the content script's startScanning, mark.js wraps the same RegExp's matches in <mark>, "bare" is one TreeWalker + one RegExp + one Highlight. Warm process (see README).`, '');
    out.push(table(['set', 'pages', 'ours ms', 'mark.js ms', 'bare ms', 'ours / mark.js', 'ours / bare', 'mentions: ours / mark.js / bare'], [[totals.set, totals.pages, ms(totals.oursMs), ms(totals.markMs), ms(totals.bareMs), ratio(totals.oursMs, totals.markMs), ratio(totals.oursMs, totals.bareMs), `${totals.oursMentions} / ${totals.markMentions} / ${totals.bareMentions}`]]), '');
    out.push('### Generated pages', '');
    out.push(table(PAGE_HEAD, pageRows(r.scan.pages.filter((p) => p.kind === 'generated'))), '');
    const real = r.scan.pages.filter((p) => p.kind === 'real');
    if (real.length) {
      const slowest = [...real].sort((a, b) => b.methods.ours.mainMs - a.methods.ours.mainMs).slice(0, 10);
      out.push('### Real pages: the 10 slowest for ours', '');
      out.push(table(PAGE_HEAD, pageRows(slowest)), '');
      const withMentions = real.filter((p) => p.methods.ours.mentions > 0 || p.methods.mark.mentions > 0);
      out.push(`### Real pages with any match (${withMentions.length} of ${real.length})`, '');
      out.push(table(PAGE_HEAD, pageRows(withMentions)), '');
      out.push('<details><summary>All real pages</summary>', '', table(PAGE_HEAD, pageRows(real)), '', '</details>', '');
    }
    if (r.scan.coldStart) {
      const c = r.scan.coldStart;
      const warm = r.scan.pages.find((p) => p.page === c.page)?.methods;
      out.push('### First page in a fresh renderer process', '');
      out.push(`On ${c.page}, median of ${c.runs} fresh browser contexts; the warm figure is the same page above.`, '');
      out.push(table(['method', 'cold ms', 'warm ms', 'cold − warm'], (['ours', 'mark', 'bare'] as const).map((k) => [k === 'mark' ? 'mark.js' : k, ms(c.coldMs[k]), ms(warm?.[k].mainMs), ms(c.coldMs[k] - (warm?.[k].mainMs ?? 0))])), '');
    }
    if (r.scan.extensionCounts) {
      out.push('### Same code as the extension', '');
      out.push(table(['page', 'mentions, built extension', 'mentions, bench bundle'], Object.entries(r.scan.extensionCounts).map(([page, n]) => [page, n, r.scan!.pages.find((p) => p.page === page)?.methods.ours.mentions ?? '–'])), '');
    }
  }

  if (r.dynamic) {
    const d = r.dynamic;
    out.push('## Dynamic page', '');
    out.push(`${d.batches} batches of ${d.batchSize} paragraphs appended to a 20 KB article, ${d.gapMs} ms apart, ${d.runs} runs (samples pooled).`, '');
    out.push(table(['figure', 'p50', 'p95', 'max'], [
      ['append → mentions highlighted (ms)', ms(d.latencyMs.p50), ms(d.latencyMs.p95), ms(d.latencyMs.max)],
      ['rescan main-thread time (ms)', ms(d.busyMs.p50), ms(d.busyMs.p95), ms(d.busyMs.max)],
      ["page's own append (ms, for scale)", ms(d.appendMs.p50), ms(d.appendMs.p95), ms(d.appendMs.max)],
    ]), '');
    out.push(`Mentions per batch (median): ${d.mentionsPerBatch}. Longest slice: ${ms(d.maxSliceMs)} ms; longest long-task entry: ${ms(d.worstLongTaskMs)} ms (0 = none over 50 ms).`, '');
  }

  if (r.hover) {
    const h = r.hover;
    out.push('## Hover hit-testing', '');
    out.push(`${h.mentions} highlighted mentions; each move timed in its own animation frame (${h.onMention.n} moves onto mentions, ${h.anywhere.n} to random points); hit rate ${(h.hitRate * 100).toFixed(0)}%; timer ${h.crossOriginIsolated ? '5 µs (cross-origin isolated)' : '100 µs'}.`, '');
    out.push(table(['per pointer move (ms)', 'p50', 'p95', 'max'], [
      ['hitTest + setActive, onto a mention', ms(h.onMention.p50), ms(h.onMention.p95), ms(h.onMention.max)],
      ['hitTest + setActive, random point', ms(h.anywhere.p50), ms(h.anywhere.p95), ms(h.anywhere.max)],
      ['reference: every mention\'s rectangles, no index', ms(h.naive.p50), ms(h.naive.p95), ms(h.naive.max)],
      ['rendering of the frame after a move (style, paint)', ms(h.frameAfterMove.p50), ms(h.frameAfterMove.p95), ms(h.frameAfterMove.max)],
    ]), '');
  }

  if (r.lookups) {
    const l = r.lookups;
    out.push('## Card lookups through the background', '');
    out.push(table(['lookup (ms)', 'n', 'p50', 'p95', 'max'], [
      ['warm round trip on the card’s lookup port (extension page → service worker → reply)', l.warm.n, ms(l.warm.p50), ms(l.warm.p95), ms(l.warm.max)],
      ['reference: the same lookups by runtime.sendMessage', l.sendMessage.n, ms(l.sendMessage.p50), ms(l.sendMessage.p95), ms(l.sendMessage.max)],
      ['first lookup after the worker was stopped', l.cold.n, ms(l.cold.p50), ms(l.cold.p95), ms(l.cold.max)],
      ['reference: lookupCard alone (Node, same data, called as the background calls it)', l.direct.n, ms(l.direct.p50), ms(l.direct.p95), ms(l.direct.max)],
      ['reference: lookupCard alone, first lookup on a freshly loaded corpus (Node)', l.directFirst.n, ms(l.directFirst.p50), ms(l.directFirst.p95), ms(l.directFirst.max)],
    ]), '');
    out.push(`Warm round trip is ${l.messagingOverhead.toFixed(1)}x lookupCard alone (median). ${l.answered} of ${l.warm.n} lookups returned statements.`, '');
  }

  if (r.index) {
    out.push('## Index scale (Node, same lib/search and panel model code)', '');
    out.push('Card: `lookupCard`. Keystroke: what the side panel computes per keystroke, `searchCorpus` (search, filters, facet counts) and the first 30 results the list renders, on every prefix of the panel queries; filtered: the same with kinds primary + counterclaim and sources from 2019.', '');
    const head = ['scale', 'statements', 'terms', 'build ms', 'index raw', 'index gzip', 'statements raw', 'statements gzip', 'load ms', 'heap', 'card p50', 'card p95', 'keystroke p50', 'keystroke p95', 'filtered keystroke p50', 'filtered keystroke p95'];
    out.push(table(head, r.index.map((s) => [`${s.factor}x`, s.statements, s.terms, ms(s.buildMs), kb(s.indexBytes), kb(s.indexGzipBytes), kb(s.statementsBytes), kb(s.statementsGzipBytes), ms(s.loadMs), kb(s.heapBytes), ms(s.card.p50), ms(s.card.p95), ms(s.keystroke.p50), ms(s.keystroke.p95), ms(s.keystrokeFiltered.p50), ms(s.keystrokeFiltered.p95)])), '');
    const first = r.index[0];
    const last = r.index.at(-1);
    if (first && last && last !== first) {
      const g = (a: number, b: number) => `${(b / a).toFixed(0)}x`;
      out.push(`Growth ${first.factor}x → ${last.factor}x: build ${g(first.buildMs, last.buildMs)}, index size ${g(first.indexBytes, last.indexBytes)}, load ${g(first.loadMs, last.loadMs)}, heap ${g(first.heapBytes, last.heapBytes)}, card p95 ${g(first.card.p95, last.card.p95)}, keystroke p95 ${g(first.keystroke.p95, last.keystroke.p95)}, filtered keystroke p95 ${g(first.keystrokeFiltered.p95, last.keystrokeFiltered.p95)}. Query samples per scale: ${r.index.map((s) => `${s.factor}x ${s.card.n}/${s.keystroke.n}/${s.keystrokeFiltered.n}`).join(', ')} (card/keystroke/filtered keystroke; time-boxed).`, '');
    }
  }

  if (r.panel) {
    out.push('## Side panel UI (headless Chromium)', '');
    out.push(`The side panel's own components and CSS (PanelApp) on a page of the bench server, 400×900, over each scale's corpus; ${r.panel[0]?.keystroke.n ?? 0} keystrokes per scale, typed one at a time (each query cleared, then typed), each timed from the keydown to the end of the next frame, or of the later frame that first shows the result rows in view as they end up, if the panel drew some of them after the keystroke's frame (late). Parts: script = input handler + Preact render; style + layout (forced right after); paint = the frame's paint and commit. First key: the overview of the empty box gives way to results (part of the keystrokes). Clear: select all + Backspace, back to the overview (not part of them). Open: fetch + parse / loadCorpus / render to first paint.`, '');
    const d = (x: { p50: number; p95: number }) => `${ms(x.p50)} / ${ms(x.p95)}`;
    const head = ['scale', 'statements', 'open: fetch / load / first paint ms', 'keystroke p50 / p95', 'keystroke max', 'script p50 / p95', 'style + layout p50 / p95', 'paint p50 / p95', 'waits p95: input / frame', 'late', 'first key p50 / p95', 'clear p50 / max'];
    out.push(table(head, r.panel.map((p) => [`${p.factor}x`, p.statements, `${ms(p.open.fetchMs)} / ${ms(p.open.loadMs)} / ${ms(p.open.firstPaintMs)}`, d(p.keystroke), ms(p.keystroke.max), d(p.script), d(p.layout), d(p.paint), `${ms(p.inputDelay.p95)} / ${ms(p.frameWait.p95)}`, p.late, d(p.firstKey), `${ms(p.clear.p50)} / ${ms(p.clear.max)}`])), '');
    const last = r.panel.at(-1);
    if (last?.slowest.length) {
      out.push(`Slowest keystrokes at ${last.factor}x (box after the key: to paint = script + style/layout + paint + waits + late rows, ms): ${last.slowest.map((k) => `"${k.value}" ${ms(k.toPaintMs)} = ${ms(k.scriptMs)} + ${ms(k.layoutMs)} + ${ms(k.paintMs)} + ${ms(k.inputDelayMs + k.frameWaitMs)} + ${ms(k.settleMs)}`).join('; ')}.`, '');
    }
  }

  if (r.sizes) {
    const s = r.sizes;
    out.push('## Size (Chrome MV3 build)', '');
    out.push(table(['part', 'raw', 'gzip', 'files'], [
      ['content script', kb(s.content.bytes), kb(s.content.gzipBytes), s.content.files.join(', ')],
      ['background', kb(s.background.bytes), kb(s.background.gzipBytes), s.background.files.join(', ')],
      ['side panel', kb(s.panel.bytes), kb(s.panel.gzipBytes), s.panel.files.join(', ')],
      ['whole build', kb(s.total.bytes), kb(s.total.gzipBytes), `${s.total.files.length} files`],
      ['packaged zip', kb(s.zipBytes), '–', 'deflate -9, computed'],
    ]), '');
    out.push(`Content script JS: ${kb(s.contentJsBytes)}; the scan-and-highlight core alone: ${kb(s.scanCoreBytes)}. Where the bytes come from (each module minified on its own):`, '');
    out.push(table(['contributor', 'minified', 'share'], s.contentBreakdown.slice(0, 16).map((c) => [c.group, kb(c.minifiedBytes), `${(c.share * 100).toFixed(1)}%`])), '');
  }
  return `${out.join('\n')}\n`;
}

/**
 * What the no-op extension says about the 0.5x mark.js target: every
 * extension with a content script pays the floor, so ours can be at most
 * 0.5x mark.js only if the work above the floor fits in what is left.
 */
function floorNote(c: PageCostResult): string {
  const floor = c.added.noop;
  const budget = 0.5 * c.added.mark - floor;
  const above = (e: 'ours' | 'bare' | 'mark') => `${name(e)} ${ms(c.added[e] - floor)} ms`;
  const name = (e: 'ours' | 'bare' | 'mark') => ({ ours: 'ours', bare: 'bare', mark: 'mark.js' })[e];
  return (
    `The floor: an extension whose content script is empty adds ${ms(floor)} ms (${ms(floor / c.pages.length)} ms a page, ${ratio(floor, c.added.mark)} of mark.js). ` +
    `Above it: ${above('ours')}, ${above('bare')}, ${above('mark')}. ` +
    (budget > 0
      ? `0.5x mark.js (${ms(0.5 * c.added.mark)} ms) leaves ${ms(budget)} ms above the floor for all of our work on these pages.`
      : `0.5x mark.js (${ms(0.5 * c.added.mark)} ms) is below the floor itself: no content script can reach it on this measurement.`)
  );
}

/** How far the ratios move with the machine's noise (`CostSpread`), and how loaded the machine was. */
function spreadNote(c: PageCostResult): string {
  const x = (v: number) => v.toFixed(2);
  const s = c.spread;
  return (
    `Spread: ours vs mark.js ${x(s.low.mark)}–${x(s.high.mark)}x and vs bare ${x(s.low.bare)}–${x(s.high.bare)}x (90% bootstrap interval, each page's repetitions drawn again); ` +
    `each repetition alone, vs mark.js: ${s.perRep.map((r) => x(r.mark)).join(', ')}; vs bare: ${s.perRep.map((r) => x(r.bare)).join(', ')}. ` +
    `Load average during the section ${x(c.load.min)}–${x(c.load.max)} (median ${x(c.load.median)}).`
  );
}

/** The page-cost section: what a page load pays for each extension, measured from outside (page-cost.ts). */
function costSection(c: PageCostResult): string[] {
  const out: string[] = [];
  const name = { ours: 'Source Context', bare: 'bare reference', mark: 'mark.js extension', noop: 'no-op reference (empty script)' } as const;
  out.push('## Page cost: what a page load pays for the extension', '');
  out.push(
    `The ${c.pages.length} ${c.set === 'real' ? 'largest real pages' : 'generated pages (no real pages folder)'}, each loaded in a fresh tab of a browser with one extension and of one with none: the renderer's main-thread task time (CDP \`Performance.getMetrics\`, thread CPU time) from navigation to ${1.5} s after \`load\`, median of ${c.reps} load${c.reps > 1 ? 's' : ''} (the five browsers take each page in turn), summed over the pages, minus the no-extension browser's. The parts are the renderer's own counters (script, V8 compile, style recalculation, layout); "other" is the rest of the added task time (parsing, paint, task overhead, garbage collection, and JavaScript run in microtasks, which the script counter misses: ours' sliced scan resumes there, so most of ours' "other" is its scan). Content script: ${(c.contentScriptBytes / 1024).toFixed(1)} KiB.`,
    '',
  );
  const other = (e: (typeof EXTENSIONS)[number]) => c.added[e] - c.addedParts[e].scriptMs - c.addedParts[e].compileMs - c.addedParts[e].styleMs - c.addedParts[e].layoutMs;
  out.push(
    table(
      ['extension', 'added ms', 'per page', 'vs bare', 'vs mark.js', 'script', 'compile', 'style', 'layout', 'other'],
      EXTENSIONS.map((e) => [name[e], ms(c.added[e]), ms(c.added[e] / c.pages.length), ratio(c.added[e], c.added.bare), ratio(c.added[e], c.added.mark), ms(c.addedParts[e].scriptMs), ms(c.addedParts[e].compileMs), ms(c.addedParts[e].styleMs), ms(c.addedParts[e].layoutMs), ms(other(e))]),
    ),
    '',
  );
  out.push(spreadNote(c), '');
  out.push(floorNote(c), '');
  out.push(`Pages where Source Context found no mention: ${c.noMention.pages} of ${c.pages.length}, ${ms(c.noMention.addedMs)} ms added over them (${ms(c.noMention.pages ? c.noMention.addedMs / c.noMention.pages : Number.NaN)} ms a page).`, '');
  out.push('Per page: added ms per extension (median load minus the no-extension browser\'s median load; loads of a page vary by 10-40 ms, so negatives occur). Our tasks, from one more traced load with Source Context: the top-level tasks of the page\'s main thread that ran JavaScript and did not parse the page (the pages\' own scripts are blocked), each counted whole.', '');
  out.push(
    table(
      ['page', 'html', 'our mentions', 'no extension ms', 'ours +ms', 'bare +ms', 'mark.js +ms', 'our tasks', 'our tasks ms', 'our longest task ms'],
      c.pages.map((p) => [p.page, kb(p.htmlBytes), p.mentions, ms(p.loads.none.taskMs), ms(p.loads.ours.taskMs - p.loads.none.taskMs), ms(p.loads.bare.taskMs - p.loads.none.taskMs), ms(p.loads.mark.taskMs - p.loads.none.taskMs), p.trace?.oursTasks ?? '–', ms(p.trace?.oursTasksMs), ms(p.trace?.longestOursMs)]),
    ),
    '',
  );
  return out;
}
