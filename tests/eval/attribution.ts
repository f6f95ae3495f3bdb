import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BuildResult, buildCorpus, type Seed } from '../../lib/corpus/build.ts';
import { parseJsonFile, topLevelElementOffsets } from '../../lib/corpus/json-file.ts';
import { decodeSeed, METADATA_FILE, readSeeds, validateMetaEntry } from '../../lib/corpus/seeds.ts';
import { lineColumn, type Span } from '../../lib/corpus/text.ts';
import { InputError } from '../../lib/data/input-error.ts';
import type { DocumentMeta, Kind, Statement } from '../../lib/data/types.ts';

/**
 * The attribution eval: hand labels of who said what (`tests/fixtures/attribution/`)
 * against what the real pipeline (`buildCorpus`, the function `npm run index`
 * runs) keeps. The matching rules are the ones agreed in the fixture format:
 * a label is *found* when one kept statement of its file overlaps at least
 * half of the label's span; *speaker right* and *kind right* are judged on the
 * statement that overlaps it most. Pure logic plus file loading; printing is
 * `scripts/eval-attribution.ts`, floors are `tests/unit/tests/eval/attribution.test.ts`.
 */

export const KINDS: readonly Kind[] = ['primary', 'counterclaim', 'context'];

/** Speaker value of a label whose party the text does not identify ("officials said"). */
export const UNNAMED = '(unnamed)';

/**
 * Speaker value of a label on the writer's own words that read like a
 * party's ("The Trump administration believe that ..."): right when no party
 * is given them (left to the press, or not kept). Scored apart from the
 * party labels, as `narration` / `narrationHeld`.
 */
export const WRITER = '(writer)';

export interface Label {
  file: string;
  /** Verbatim substring of the file (whitespace and quote style normalised when located). */
  text: string;
  speaker: string;
  speakerAlso?: string[];
  kind: Kind;
  note?: string;
  /** 1-based line of the entry in the labels file, for messages. */
  line: number;
}

export type EvalSet = 'dev' | 'seeds';

// ---------------------------------------------------------------------------
// Text location and comparison

/**
 * The comparison form of a text with, for each of its characters, the offset
 * in the original it came from: curly quotes made straight, whitespace runs
 * made one space. Labels are copied by hand from articles whose quote marks
 * and line breaks vary; the map lets a normalised hit be turned back into a
 * span of the original, which is what statements' spans point into.
 */
export function normalizeWithMap(text: string): { norm: string; map: number[] } {
  let norm = '';
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (/[\s\u00a0\u200b\ufeff]/.test(ch)) {
      if (norm.length > 0 && norm[norm.length - 1] !== ' ') {
        norm += ' ';
        map.push(i);
      }
      continue;
    }
    norm += /[\u2018\u2019\u201a\u201b\u2032]/.test(ch) ? "'" : /[\u201c\u201d\u201e\u201f\u2033]/.test(ch) ? '"' : ch;
    map.push(i);
  }
  if (norm.endsWith(' ')) {
    norm = norm.slice(0, -1);
    map.pop();
  }
  return { norm, map };
}

/** Span in `source` of the first occurrence of `needle` (normalised), or null. */
export function locate(source: string, needle: string): Span | null {
  const hay = normalizeWithMap(source);
  const n = normalizeWithMap(needle).norm;
  if (n === '') return null;
  const at = hay.norm.indexOf(n);
  if (at < 0) return null;
  return [hay.map[at]!, hay.map[at + n.length - 1]! + 1];
}

/** Characters two half-open spans share. */
export function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));
}

/**
 * A name as compared: case, diacritics, punctuation and the article "the"
 * do not count ("The U.S. Commerce Department" = "US Commerce Department").
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter((w) => w !== '' && w !== 'the')
    .join(' ');
}

/**
 * Whether the pipeline's speaker is the label's party (name or accepted
 * variant). An `(unnamed)` label accepts any speaker the pipeline marks
 * unnamed, plus its listed variants ("U.S. officials" may be the U.S.
 * government).
 */
export function speakerMatches(label: Pick<Label, 'speaker' | 'speakerAlso'>, got: Statement['speaker']): boolean {
  if (label.speaker === UNNAMED && got.side === 'unnamed') return true;
  const key = nameKey(got.name);
  return [label.speaker, ...(label.speakerAlso ?? [])].some((n) => n !== UNNAMED && nameKey(n) === key);
}

// ---------------------------------------------------------------------------
// Fixtures

function readJsonEntries(path: string, problems: string[]): { value: unknown; line: number }[] {
  if (!existsSync(path)) {
    problems.push(`${path}: missing`);
    return [];
  }
  const raw = readFileSync(path, 'utf8');
  const parsed = parseJsonFile(path, raw);
  if ('problem' in parsed) {
    problems.push(parsed.problem);
    return [];
  }
  if (!Array.isArray(parsed.value)) {
    problems.push(`${path}:1:1: expected a JSON array`);
    return [];
  }
  const offsets = topLevelElementOffsets(raw);
  return parsed.value.map((value, i) => ({ value, line: lineColumn(raw, offsets[i] ?? 0).line }));
}

const LABEL_FIELDS = new Set(['file', 'text', 'speaker', 'speakerAlso', 'kind', 'note']);

/**
 * Reads a labels file. Each entry is checked for shape and against the text
 * of its document (`texts`: file name -> contents): a label whose words are
 * not in its file is stale and reported, never silently skipped.
 */
export function readLabels(path: string, texts: ReadonlyMap<string, string>): Label[] {
  const problems: string[] = [];
  const labels: Label[] = [];
  for (const { value, line } of readJsonEntries(path, problems)) {
    const at = `${path}:${line}`;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push(`${at}: label is not an object`);
      continue;
    }
    const o = value as Record<string, unknown>;
    const bad: string[] = [];
    for (const k of Object.keys(o)) if (!LABEL_FIELDS.has(k)) bad.push(`unknown field "${k}"`);
    for (const k of ['file', 'text', 'speaker'] as const) {
      if (typeof o[k] !== 'string' || (o[k] as string).trim() === '') bad.push(`"${k}" must be a non-empty string`);
    }
    if (!KINDS.includes(o.kind as Kind)) bad.push(`"kind" must be one of ${KINDS.join(', ')}, got ${JSON.stringify(o.kind)}`);
    if (o.speakerAlso !== undefined && (!Array.isArray(o.speakerAlso) || o.speakerAlso.some((s) => typeof s !== 'string'))) {
      bad.push('"speakerAlso" must be an array of strings');
    }
    if (o.note !== undefined && typeof o.note !== 'string') bad.push('"note" must be a string');
    if (o.speaker === WRITER && (o.kind !== 'context' || o.speakerAlso !== undefined)) bad.push(`a "${WRITER}" label is the writer's narration: kind "context", no "speakerAlso"`);
    if (bad.length === 0) {
      const text = texts.get(o.file as string);
      if (text === undefined) bad.push(`no document ${o.file as string}`);
      else if (locate(text, o.text as string) === null) bad.push(`text not found in ${o.file as string}: "${(o.text as string).slice(0, 60)}"`);
    }
    if (bad.length > 0) {
      for (const b of bad) problems.push(`${at}: ${b}`);
      continue;
    }
    labels.push({ ...(o as unknown as Omit<Label, 'line'>), line });
  }
  if (problems.length > 0) throw new InputError(problems);
  return labels;
}

/** Reads the development set's articles (`articles/*.txt` + `provenance.json`) as seeds. */
export function readArticles(dir: string): Seed[] {
  const problems: string[] = [];
  const articles = join(dir, 'articles');
  const files = existsSync(articles) ? readdirSync(articles).filter((f) => f.endsWith('.txt')).sort() : [];
  if (files.length === 0) problems.push(`${articles}: no .txt articles`);
  const metaPath = join(dir, METADATA_FILE);
  const metas = new Map<string, DocumentMeta>();
  for (const { value, line } of readJsonEntries(metaPath, problems)) {
    const p = validateMetaEntry(value);
    if (p.length > 0) {
      for (const x of p) problems.push(`${metaPath}:${line}: ${x}`);
      continue;
    }
    const o = value as DocumentMeta;
    if (metas.has(o.file)) problems.push(`${metaPath}:${line}: duplicate entry for ${o.file}`);
    else if (!files.includes(o.file)) problems.push(`${metaPath}:${line}: entry for ${o.file}, but ${join(articles, o.file)} does not exist`);
    metas.set(o.file, { file: o.file, title: o.title, publisher: o.publisher, url: o.url, date: o.date, author: o.author });
  }
  const seeds: Seed[] = [];
  for (const f of files) {
    const decoded = decodeSeed(join(articles, f), new Uint8Array(readFileSync(join(articles, f))));
    const meta = metas.get(f);
    if ('problem' in decoded) problems.push(decoded.problem);
    else if (!meta) problems.push(`${join(articles, f)}: no entry in ${metaPath}`);
    else seeds.push({ meta, text: decoded.text });
  }
  if (problems.length > 0) throw new InputError(problems);
  return seeds;
}

// ---------------------------------------------------------------------------
// Scoring

/** One place a kept statement's words sit in a file (the record or one of its duplicates). */
export interface Occurrence {
  file: string;
  span: Span;
  statement: Statement;
}

/** Every occurrence of every kept statement, by file: duplicates count where they stand. */
export function occurrences(statements: readonly Statement[]): Map<string, Occurrence[]> {
  const out = new Map<string, Occurrence[]>();
  const add = (o: Occurrence) => {
    const list = out.get(o.file) ?? [];
    list.push(o);
    out.set(o.file, list);
  };
  for (const s of statements) {
    add({ file: s.file, span: s.span, statement: s });
    for (const d of s.duplicates) add({ file: d.file, span: d.span, statement: s });
  }
  return out;
}

export interface Got {
  speaker: string;
  side: string;
  kind: Kind;
  via: string;
  text: string;
  line: number;
}

export type Verdict =
  | { label: Label; labelLine: number; found: false; partial: Got | null }
  | { label: Label; labelLine: number; found: true; speakerRight: boolean; kindRight: boolean; got: Got };

function got(o: Occurrence, source: string): Got {
  const s = o.statement;
  return { speaker: s.speaker.name, side: s.speaker.side, kind: s.kind, via: s.via, text: source.slice(o.span[0], o.span[1]), line: lineColumn(source, o.span[0]).line };
}

/** Judges one label against the kept statements of its file. */
export function judge(label: Label, source: string, inFile: readonly Occurrence[]): Verdict {
  const span = locate(source, label.text)!;
  const labelLine = lineColumn(source, span[0]).line;
  let best: Occurrence | null = null;
  let bestShared = 0;
  for (const o of inFile) {
    const shared = overlap(span, o.span);
    // On a tie (a quoted fragment inside a reported sentence that is also a statement) the tighter fit is the match.
    const tighter = best !== null && shared === bestShared && o.span[1] - o.span[0] < best.span[1] - best.span[0];
    if (shared > bestShared || (shared > 0 && tighter)) [best, bestShared] = [o, shared];
  }
  if (!best || bestShared * 2 < span[1] - span[0]) return { label, labelLine, found: false, partial: best ? got(best, source) : null };
  return { label, labelLine, found: true, speakerRight: speakerMatches(label, best.statement.speaker), kindRight: best.statement.kind === label.kind, got: got(best, source) };
}

/** A label on the writer's own words: held when no party is given them. */
export interface NarrationVerdict {
  label: Label;
  labelLine: number;
  held: boolean;
  /** The statement that covers at least half the label, if any. */
  got: Got | null;
}

/** Judges a `(writer)` label: the statement covering at least half of it, if any, must be the press's. */
export function judgeNarration(label: Label, source: string, inFile: readonly Occurrence[]): NarrationVerdict {
  const span = locate(source, label.text)!;
  const labelLine = lineColumn(source, span[0]).line;
  const cover = inFile.filter((o) => overlap(span, o.span) * 2 >= span[1] - span[0]);
  const party = cover.find((o) => o.statement.speaker.side !== 'press');
  const shown = party ?? cover[0];
  return { label, labelLine, held: party === undefined, got: shown ? got(shown, source) : null };
}

export interface Score {
  /** Labels of a party's words (`found`, `speakerRight`, `kindRight` count these). */
  labels: number;
  found: number;
  speakerRight: number;
  kindRight: number;
  /** Labels of the writer's own words (`(writer)`), and how many no party was given. */
  narration: number;
  narrationHeld: number;
}

export interface DocReport extends Score {
  file: string;
  verdicts: Verdict[];
  narrationVerdicts: NarrationVerdict[];
  /** Kept statements with a non-press speaker that overlap no label: possible false attributions. */
  unlabelled: Got[];
  /** The pipeline's warnings for this file (quotes it could not attribute, unknown labels). */
  warnings: string[];
}

export interface SetReport {
  total: Score;
  documents: DocReport[];
}

export interface EvalReport {
  dev: SetReport;
  seeds: SetReport;
}

export function emptyScore(): Score {
  return { labels: 0, found: 0, speakerRight: 0, kindRight: 0, narration: 0, narrationHeld: 0 };
}

function addVerdict(score: Score, v: Verdict): void {
  score.labels++;
  if (!v.found) return;
  score.found++;
  if (v.speakerRight) score.speakerRight++;
  if (v.kindRight) score.kindRight++;
}

/** Scores every labelled document of one build. `sources`: file -> text. */
export function scoreSet(result: Pick<BuildResult, 'statements' | 'warnings'>, sources: ReadonlyMap<string, string>, labels: readonly Label[]): SetReport {
  const byFile = occurrences(result.statements);
  const total = emptyScore();
  const documents: DocReport[] = [];
  for (const [file, source] of sources) {
    const inFile = byFile.get(file) ?? [];
    const mine = labels.filter((l) => l.file === file);
    const doc: DocReport = { file, ...emptyScore(), verdicts: [], narrationVerdicts: [], unlabelled: [], warnings: result.warnings.filter((w) => w.startsWith(`${file}:`) || w.includes(`/${file}:`)) };
    for (const l of mine) {
      if (l.speaker === WRITER) {
        const v = judgeNarration(l, source, inFile);
        doc.narrationVerdicts.push(v);
        for (const s of [doc, total]) {
          s.narration++;
          if (v.held) s.narrationHeld++;
        }
        continue;
      }
      const v = judge(l, source, inFile);
      doc.verdicts.push(v);
      addVerdict(doc, v);
      addVerdict(total, v);
    }
    const spans = mine.map((l) => locate(source, l.text)!);
    const labelled = new Set(inFile.filter((o) => spans.some((s) => overlap(s, o.span) > 0)).map((o) => o.statement));
    for (const o of inFile) {
      // A repeat of a labelled quote (its record's duplicate) is not new output.
      if (o.statement.speaker.side === 'press' || labelled.has(o.statement)) continue;
      doc.unlabelled.push(got(o, source));
    }
    documents.push(doc);
  }
  return { total, documents };
}

/** Where the eval reads from; defaults are the repository's own. */
export interface EvalPaths {
  seeds: string;
  fixtures: string;
}

export const ROOT = join(import.meta.dirname, '../..');
export const DEFAULT_PATHS: EvalPaths = { seeds: join(ROOT, 'seeds'), fixtures: join(ROOT, 'tests/fixtures/attribution') };

/**
 * Runs the pipeline twice, as a maintainer would meet it: on `seeds/` alone
 * (exactly `npm run index`), and on `seeds/` plus every development article
 * added as a new seed. Scores the seed labels on the first and the dev labels
 * on the second.
 */
export function runEval(paths: EvalPaths = DEFAULT_PATHS): EvalReport {
  const { seeds, overrides, entities } = readSeeds(paths.seeds);
  const articles = readArticles(paths.fixtures);
  const clash = articles.filter((a) => seeds.some((s) => s.meta.file === a.meta.file));
  if (clash.length > 0) throw new InputError(clash.map((a) => `${join(paths.fixtures, 'articles', a.meta.file)}: same name as a file in ${paths.seeds}`));

  const seedTexts = new Map(seeds.map((s) => [s.meta.file, s.text]));
  const devTexts = new Map(articles.map((s) => [s.meta.file, s.text]));
  const seedLabels = readLabels(join(paths.fixtures, 'seed-labels.json'), seedTexts);
  const devLabels = readLabels(join(paths.fixtures, 'labels.json'), devTexts);

  const seedBuild = buildCorpus(seeds, overrides, entities);
  const devBuild = buildCorpus([...seeds, ...articles], overrides, entities);
  return { seeds: scoreSet(seedBuild, seedTexts, seedLabels), dev: scoreSet(devBuild, devTexts, devLabels) };
}

/** A share as a percentage with one decimal, e.g. 0.9123 -> "91.2%"; "-" when there is nothing to divide. */
export function pct(part: number, whole: number): string {
  return whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`;
}

/** found / labels, speakerRight / found, kindRight / found, narrationHeld / narration (0 when undefined). */
export function rates(s: Score): { found: number; speaker: number; kind: number; narration: number } {
  return {
    found: s.labels === 0 ? 0 : s.found / s.labels,
    speaker: s.found === 0 ? 0 : s.speakerRight / s.found,
    kind: s.found === 0 ? 0 : s.kindRight / s.found,
    narration: s.narration === 0 ? 0 : s.narrationHeld / s.narration,
  };
}
