/**
 * The targets, checked against the results. Reported as met or
 * missed, never asserted: the benchmark fails only when it cannot measure.
 */
import type { BenchResults } from './main.ts';
import type { MethodResult, PageResult } from './scan.ts';
import { sum } from './stats.ts';

export interface Target {
  name: string;
  /** The target as a sentence fragment: "≤ 0.5x mark.js". */
  goal: string;
  measured: number;
  limit: number;
  unit: 'ms' | 'x' | 'KiB';
  met: boolean;
  /** What the figure is and what it is compared with. */
  note: string;
}

export interface ScanTotals {
  /** 'real' when --pages was given, else 'generated' (the target is about real pages). */
  set: 'real' | 'generated';
  pages: number;
  oursMs: number;
  markMs: number;
  bareMs: number;
  /** Mentions found, per method, summed over the pages. */
  oursMentions: number;
  markMentions: number;
  bareMentions: number;
}

export function scanTotals(pages: readonly PageResult[]): ScanTotals {
  const real = pages.filter((p) => p.kind === 'real');
  const set = real.length ? real : pages.filter((p) => p.kind === 'generated');
  const total = (f: (m: PageResult['methods']) => MethodResult, k: keyof MethodResult) => sum(set.map((p) => f(p.methods)[k] as number));
  return {
    set: real.length ? 'real' : 'generated',
    pages: set.length,
    oursMs: total((m) => m.ours, 'mainMs'),
    markMs: total((m) => m.mark, 'mainMs'),
    bareMs: total((m) => m.bare, 'mainMs'),
    oursMentions: total((m) => m.ours, 'mentions'),
    markMentions: total((m) => m.mark, 'mentions'),
    bareMentions: total((m) => m.bare, 'mentions'),
  };
}

/** Longest task of ours on any page: the longest slice or long-task entry over every repetition. */
export function worstTask(pages: readonly PageResult[]): { ms: number; page: string } {
  let worst = { ms: 0, page: '' };
  for (const p of pages) {
    const ms = Math.max(p.methods.ours.worstSliceMs, p.methods.ours.worstLongTaskMs);
    if (ms > worst.ms) worst = { ms, page: p.page };
  }
  return worst;
}

const KiB = 1024;

export function checkTargets(r: BenchResults): Target[] {
  const out: Target[] = [];
  const add = (t: Omit<Target, 'met'>) => out.push({ ...t, met: t.measured <= t.limit });
  if (r.cost) {
    const c = r.cost;
    const over = `main-thread time a load pays, summed over the ${c.pages.length} ${c.set === 'real' ? 'largest real' : 'generated'} pages`;
    const spread = (e: 'bare' | 'mark') => `90% interval ${c.spread.low[e].toFixed(2)}–${c.spread.high[e].toFixed(2)}x; load ${c.load.min.toFixed(1)}–${c.load.max.toFixed(1)}`;
    add({ name: 'page cost vs bare reference', goal: '≤ 1.5x bare', measured: c.added.ours / c.added.bare, limit: 1.5, unit: 'x', note: `${over}: ${c.added.ours.toFixed(0)} ms vs ${c.added.bare.toFixed(0)} ms (${spread('bare')})` });
    add({ name: 'page cost vs mark.js', goal: '≤ 0.5x mark.js', measured: c.added.ours / c.added.mark, limit: 0.5, unit: 'x', note: `${over}: ${c.added.ours.toFixed(0)} ms vs ${c.added.mark.toFixed(0)} ms (${spread('mark')})` });
    const worst = c.pages.reduce((a, p) => ((p.trace?.longestOursMs ?? 0) > (a.trace?.longestOursMs ?? 0) ? p : a));
    add({ name: 'longest task of ours, page load', goal: '≤ 50 ms', measured: worst.trace?.longestOursMs ?? 0, limit: 50, unit: 'ms', note: `traced load with the built extension, every page (${worst.page}); a task counts whole, with the style and layout it forced` });
  }
  if (r.scan) {
    const totals = scanTotals(r.scan.pages);
    const over = `total main-thread scan time over the ${totals.pages} ${totals.set} pages`;
    add({ name: 'scan vs mark.js', goal: '≤ 0.5x mark.js', measured: totals.oursMs / totals.markMs, limit: 0.5, unit: 'x', note: `${over}: ${totals.oursMs.toFixed(0)} ms vs ${totals.markMs.toFixed(0)} ms` });
    add({ name: 'scan vs bare reference', goal: '≤ 1.5x bare', measured: totals.oursMs / totals.bareMs, limit: 1.5, unit: 'x', note: `${over}: ${totals.oursMs.toFixed(0)} ms vs ${totals.bareMs.toFixed(0)} ms` });
    const worst = worstTask(r.scan.pages);
    add({ name: 'longest task, any page', goal: '≤ 50 ms', measured: worst.ms, limit: 50, unit: 'ms', note: `longest slice or long-task entry of ours, every page and repetition (${worst.page || 'none'})` });
  }
  if (r.dynamic) {
    add({ name: 'dynamic batch → highlighted, p95', goal: '< 100 ms', measured: r.dynamic.latencyMs.p95, limit: 100, unit: 'ms', note: `${r.dynamic.batches} batches of ${r.dynamic.batchSize} paragraphs × ${r.dynamic.runs} runs; includes the observer's 30 ms batching delay` });
    add({ name: 'dynamic page longest task', goal: '≤ 50 ms', measured: Math.max(r.dynamic.worstLongTaskMs, r.dynamic.maxSliceMs), limit: 50, unit: 'ms', note: 'longest slice or long-task entry while batches were appended' });
  }
  if (r.hover) {
    add({ name: 'hover hit test per move, p95', goal: '< 1 ms', measured: Math.max(r.hover.onMention.p95, r.hover.anywhere.p95), limit: 1, unit: 'ms', note: `${r.hover.mentions} mentions highlighted; worse of on-mention and anywhere; naive reference p95 ${r.hover.naive.p95.toFixed(2)} ms` });
  }
  if (r.lookups) {
    add({ name: 'card lookup warm, p95', goal: '< 5 ms', measured: r.lookups.warm.p95, limit: 5, unit: 'ms', note: `round trip on the card's lookup port from an extension page (by sendMessage: p95 ${r.lookups.sendMessage.p95.toFixed(2)} ms); lookupCard alone in Node p95 ${r.lookups.direct.p95.toFixed(2)} ms` });
    add({ name: 'card lookup after worker stop', goal: '< 150 ms', measured: r.lookups.cold.p50, limit: 150, unit: 'ms', note: `median of ${r.lookups.cold.n} stops; max ${r.lookups.cold.max.toFixed(0)} ms` });
  }
  // Load and card query targets are set at 100x; the quick setting stops at 10x and checks that instead.
  const at100 = r.index?.find((s) => s.factor === 100) ?? r.index?.at(-1);
  if (at100) {
    add({ name: `index ${at100.factor}x: load`, goal: '< 150 ms', measured: at100.loadMs, limit: 150, unit: 'ms', note: `${at100.statements} statements; JSON.parse + loadCorpus` });
    add({ name: `index ${at100.factor}x: card query p95`, goal: '< 5 ms', measured: at100.card.p95, limit: 5, unit: 'ms', note: `lookupCard, ${at100.card.n} samples` });
  }
  // Issue #5: one frame per keystroke on a corpus 1,000 times today's. At the
  // largest scale measured from 1,000x up; the quick setting checks its largest.
  const scales = [...(r.index ?? [])].sort((a, b) => a.factor - b.factor);
  const at1000 = scales.filter((s) => s.factor >= 1000).at(-1) ?? scales.at(-1);
  if (at1000) {
    const { keystroke: plain, keystrokeFiltered: filtered } = at1000;
    add({
      name: `index ${at1000.factor}x: panel keystroke p95`,
      goal: '< 16 ms',
      measured: Math.max(plain.p95, filtered.p95),
      limit: 16,
      unit: 'ms',
      note: `searchCorpus + first 30 results per prefix, worse of unfiltered (p95 ${plain.p95.toFixed(1)} ms, ${plain.n} samples) and filtered by kind and date (p95 ${filtered.p95.toFixed(1)} ms, ${filtered.n} samples)`,
    });
  }
  // Issue #16: the real side panel in Chromium, keystroke to paint (the
  // search and everything the browser does to show its answer): one frame
  // (16 ms) on today's corpus, two (33 ms) on one 1,000 times its size. Each
  // scale has its own row; the quick setting checks its largest against the
  // 1,000x goal.
  const panels = [...(r.panel ?? [])].sort((a, b) => a.factor - b.factor);
  const panelRows = [
    { at: panels.find((s) => s.factor === 1), limit: 16 },
    { at: panels.filter((s) => s.factor >= 1000).at(-1) ?? panels.filter((s) => s.factor > 1).at(-1), limit: 33 },
  ];
  for (const { at: p, limit } of panelRows) {
    if (!p) continue;
    add({
      name: `panel ${p.factor}x: keystroke to paint p95 (Chromium)`,
      goal: `≤ ${limit} ms`,
      measured: p.keystroke.p95,
      limit,
      unit: 'ms',
      note: `the side panel's UI typed into a key at a time, ${p.keystroke.n} keystrokes; p95 of the parts: script (handler + Preact render) ${p.script.p95.toFixed(1)} ms, style + layout ${p.layout.p95.toFixed(1)} ms, paint + commit ${p.paint.p95.toFixed(1)} ms; first key of a query p95 ${p.firstKey.p95.toFixed(0)} ms, clearing the box p50 ${p.clear.p50.toFixed(0)} ms`,
    });
  }
  if (r.sizes) {
    const js = r.sizes.content.files.filter((f) => f.endsWith('.js'));
    const bytes = r.sizes.contentJsBytes;
    add({ name: 'content script size', goal: '≤ 40 KiB minified', measured: bytes / KiB, limit: 40, unit: 'KiB', note: `${js.join(', ')}; of which scan-and-highlight core ${(r.sizes.scanCoreBytes / KiB).toFixed(1)} KiB` });
  }
  return out;
}
