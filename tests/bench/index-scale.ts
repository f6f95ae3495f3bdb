/**
 * The bundled index at 1x, and at synthetic 100x and 1,000x the statements
 * it holds today: build time, serialized size, load time, memory, and the
 * latency of the two queries the extension asks: card lookups, and the side
 * panel's answer to a keystroke as the panel computes it (`searchCorpus`:
 * search, filters and facet counts, then the first 30 results the list
 * renders), without filters and with a researcher's filters. Runs in Node on
 * the very lib/search and panel model code the background and the side panel
 * run (Node 24's V8, like Chromium's).
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { searchCorpus } from '../../lib/search/search.ts';
import type { DocumentMeta, Statement } from '../../lib/data/types.ts';
import type { FacetFilters } from '../../lib/search/facets.ts';
import { buildIndex } from '../../lib/data/indexer.ts';
import { loadCorpus, type Corpus } from '../../lib/search/load.ts';
import { root } from './build.ts';
import { random } from './pages.ts';
import { answerLookup, type CardLookup } from './queries.ts';
import { distribution, median, type Distribution } from './stats.ts';

const read = <T>(f: string): T => JSON.parse(readFileSync(`${root}data/${f}`, 'utf8')) as T;

/**
 * Results the panel's list renders at first: LIST_STEP in
 * components/panel/ResultList.tsx, not imported because that module brings
 * Preact and JSX into Node.
 */
export const PANEL_SHOWN = 30;

/**
 * Filters a researcher sets in the panel: two kinds (claims and the
 * counterclaims that answer them) and sources from 2019 on. Every keystroke
 * then filters the hits and counts each facet's choices with these applied.
 */
export const PANEL_FILTERS: FacetFilters = { kinds: ['primary', 'counterclaim'], from: '2019' };

/** Pronounceable made-up words: the names, places and rare words a bigger corpus brings. */
function novelWord(i: number): string {
  const syllables = ['ka', 'lun', 'zhe', 'mor', 'ti', 'van', 'shu', 'ber', 'qin', 'dal', 'ro', 'fen', 'gu', 'sel', 'wan', 'pi'];
  let s = '';
  let n = i + 17;
  do {
    s += syllables[n % syllables.length];
    n = Math.floor(n / syllables.length);
  } while (n > 0);
  return s;
}

/**
 * `factor` times today's statements, synthesized so the index grows the way a
 * real corpus would:
 * - each synthetic statement copies a real one's speaker, kind and topics
 *   (statement i copies real statement i mod n), so the speaker, kind and
 *   topic distributions are today's;
 * - its text is a crossover of two real statements sharing a topic (first
 *   part of one, rest of the other), so words co-occur as they do in the
 *   corpus;
 * - 8% of its words are replaced by words from a pool of made-up words whose
 *   size follows Heaps' law (vocabulary ∝ √corpus size, i.e. today's
 *   vocabulary × √factor), drawn with a skew so a few are frequent and most
 *   are rare, as new names and places are;
 * - ten statements per synthetic document, each with its own date and
 *   publisher, and `answers` links kept within each replica.
 */
export function scaleCorpus(real: Statement[], sources: DocumentMeta[], factor: number): { statements: Statement[]; sources: DocumentMeta[] } {
  if (factor === 1) return { statements: real, sources };
  const rng = random(factor);
  const byTopic = new Map<string, Statement[]>();
  for (const s of real) for (const t of s.topics.length ? s.topics : ['none']) (byTopic.get(t) ?? byTopic.set(t, []).get(t)!).push(s);
  const vocabulary = new Set(real.flatMap((s) => s.text.toLowerCase().split(/[^\p{L}\p{N}]+/u))).size;
  const pool = Math.round(vocabulary * (Math.sqrt(factor) - 1));
  const statements: Statement[] = [];
  const metas: DocumentMeta[] = [];
  const publishers = [...new Set(sources.map((d) => d.publisher).filter((p): p is string => p !== null))];
  for (let i = 0; i < real.length * factor; i++) {
    const template = real[i % real.length]!;
    const replica = Math.floor(i / real.length);
    const peers = byTopic.get(template.topics[0] ?? 'none')!;
    const other = peers[Math.floor(rng() * peers.length)]!;
    const a = template.text.split(' ');
    const b = other.text.split(' ');
    const cut = Math.max(1, Math.floor(a.length * (0.3 + 0.4 * rng())));
    const words = [...a.slice(0, cut), ...b.slice(Math.floor(b.length * (cut / a.length)))];
    for (let w = 0; w < words.length; w++) if (rng() < 0.08) words[w] = novelWord(Math.floor(pool * rng() ** 3));
    const file = `syn-${Math.floor(i / 10)}.txt`;
    if (i % 10 === 0) {
      const year = 2012 + Math.floor(rng() * 14);
      metas.push({ file, title: `Synthetic document ${i / 10}`, publisher: publishers[Math.floor(rng() * publishers.length)] ?? null, url: null, date: `${year}-0${1 + Math.floor(rng() * 9)}`, author: null });
    }
    statements.push({
      ...template,
      id: `${template.id}~${replica}`,
      text: words.join(' '),
      file,
      answers: template.answers.map((id) => `${id}~${replica}`),
      duplicates: [],
    });
  }
  return { statements, sources: metas };
}

export interface ScaleResult {
  factor: number;
  statements: number;
  /** Distinct indexed terms. */
  terms: number;
  buildMs: number;
  /** data/index.json as the background bundles it. */
  indexBytes: number;
  indexGzipBytes: number;
  /** data/statements.json, bundled too (the card shows the statements). */
  statementsBytes: number;
  statementsGzipBytes: number;
  /** JSON.parse of index + statements + sources, then loadCorpus: what a cold worker does. */
  loadMs: number;
  /** Retained heap after loading (parsed statements + index), after GC. */
  heapBytes: number;
  /** lookupCard, as the background answers a card. */
  card: Distribution;
  /**
   * The panel's answer to a keystroke, on each prefix of the panel queries:
   * `searchCorpus(corpus, prefix, {})` (search, facet counts) and
   * `first(30)`, the results the list renders. No filters.
   */
  keystroke: Distribution;
  /** The same with PANEL_FILTERS set: filtering, and counting with choices made. */
  keystrokeFiltered: Distribution;
  /** Builds and loads measured (medians); queries: see the distributions' n. */
  runs: number;
}

function gc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/**
 * Times `fn` on each item, in a seeded shuffled order so a cut-off sample
 * still spans every query, repeating the list `reps` times, until
 * `budgetMs` is spent (at 1,000x one query takes a second: the sample
 * shrinks rather than the run taking an hour). A few items run first,
 * untimed, for the JIT.
 */
function timeEach<T>(items: readonly T[], fn: (item: T) => unknown, reps: number, budgetMs: number): number[] {
  const rng = random(items.length);
  const order = items.map((item) => ({ item, key: rng() })).sort((a, b) => a.key - b.key).map((x) => x.item);
  for (const item of order.slice(0, 3)) fn(item);
  const out: number[] = [];
  const end = performance.now() + budgetMs;
  for (let r = 0; r < reps; r++) {
    for (const item of order) {
      if (out.length > 0 && performance.now() > end) return out;
      const t = performance.now();
      fn(item);
      out.push(performance.now() - t);
    }
  }
  return out;
}

/** One scale: `reps` builds and loads (medians), then each query kind for at most `budgetMs`. */
export function benchScale(factor: number, reps: number, lookups: readonly CardLookup[], keys: readonly string[], budgetMs: number): ScaleResult {
  const collect = gc();
  const base = scaleCorpus(read<Statement[]>('statements.json'), read<DocumentMeta[]>('sources.json'), factor);
  const builds: number[] = [];
  let index: ReturnType<typeof buildIndex> | undefined;
  for (let r = 0; r < reps; r++) {
    const t = performance.now();
    index = buildIndex(base.statements);
    builds.push(performance.now() - t);
  }
  const indexJson = JSON.stringify(index!);
  const statementsJson = JSON.stringify(base.statements);
  const sourcesJson = JSON.stringify(base.sources);
  const load = () => loadCorpus({ index: JSON.parse(indexJson), statements: JSON.parse(statementsJson), sources: JSON.parse(sourcesJson) });
  const loads: number[] = [];
  const heaps: number[] = [];
  for (let r = 0; r < reps; r++) {
    collect();
    const before = process.memoryUsage().heapUsed;
    const t = performance.now();
    let corpus: Corpus | undefined = load();
    loads.push(performance.now() - t);
    collect();
    heaps.push(process.memoryUsage().heapUsed - before);
    if (corpus.statements.size !== base.statements.length) throw new Error('scaled corpus did not load whole');
    corpus = undefined;
  }
  const corpus = load();
  const card = timeEach(lookups, (q) => answerLookup(corpus, q), reps, budgetMs);
  const panel = (filters: FacetFilters) => (k: string) => searchCorpus(corpus, k, filters).first(PANEL_SHOWN);
  const keystroke = timeEach(keys, panel({}), reps, budgetMs);
  const keystrokeFiltered = timeEach(keys, panel(PANEL_FILTERS), reps, budgetMs);
  return {
    factor,
    statements: base.statements.length,
    terms: corpus.index.termCount,
    buildMs: median(builds),
    indexBytes: Buffer.byteLength(indexJson),
    indexGzipBytes: gzipSync(indexJson).length,
    statementsBytes: Buffer.byteLength(statementsJson),
    statementsGzipBytes: gzipSync(statementsJson).length,
    loadMs: median(loads),
    heapBytes: median(heaps),
    card: distribution(card),
    keystroke: distribution(keystroke),
    keystrokeFiltered: distribution(keystrokeFiltered),
    runs: reps,
  };
}
