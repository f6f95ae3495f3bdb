import { buildIndex } from '../data/indexer.ts';
import { attributeDocument } from './attribute.ts';
import { classify, keepRecord } from './classify.ts';
import type { EntityTable } from '../vocabulary/entities.ts';
import type { Discovery } from './discover.ts';
import { cleanDocument, type Dropped } from './clean.ts';
import { mergeDuplicates } from './dedup.ts';
import { type Linkable, linkStatements } from './link.ts';
import { applyOverrides, type Override } from './overrides.ts';
import { hash8, lineColumn, normalizeForCompare } from './text.ts';
import { detectTopics, TOPICS } from '../vocabulary/topics.ts';
import type { DocumentMeta, ReaderDocument, Statement } from '../data/types.ts';

/**
 * The whole pipeline as one pure function: seed texts + metadata + the
 * entity table (+ overrides) in, the contents of `data/` out. No I/O here, so tests and
 * `--check` run exactly what `npm run index` runs.
 */

export interface Seed {
  meta: DocumentMeta;
  /** The decoded file, untouched: every span points into it. */
  text: string;
}

export interface BuildResult {
  statements: Statement[];
  sources: DocumentMeta[];
  documents: ReaderDocument[];
  /** Site chrome set aside by cleaning, with its text, for the report. */
  dropped: { file: string; drops: (Dropped & { text: string })[] }[];
  warnings: string[];
  /** Speakers the table does not know, found in each document's text (and misspelt known names), for `--report`. */
  discovered: (Discovery & { file: string })[];
  /**
   * Statements the rules found but did not keep, with why (off-topic
   * narration, a short aside, a maintainer's `drop`), for `--report`.
   * Quotes that could not be attributed at all are in `warnings`.
   */
  unkept: { file: string; line: number; reason: string; speaker: string; text: string }[];
  /** 1-based line in its source file of each kept statement, by id. */
  lines: Map<string, number>;
  /** Problems that must fail the build (e.g. an override that matches nothing). */
  errors: string[];
  /** File name in `data/` -> exact contents. */
  files: Map<string, string>;
}

/** The files `npm run index` owns in `data/`. */
export const DATA_FILES = ['index.json', 'statements.json', 'sources.json', 'documents.json'] as const;

function sortTopics(s: Statement): void {
  s.topics = TOPICS.filter((t) => s.topics.includes(t));
}

/** Stable id: file stem + hash of the normalised words; unchanged while the text is. */
function assignIds(items: Linkable[]): void {
  const used = new Set<string>();
  for (const { statement: s } of items) {
    const base = `${s.file.replace(/\.txt$/, '')}#${hash8(normalizeForCompare(s.text))}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    s.id = id;
  }
}

/**
 * One record per line: small (the background loads it) yet a rebuild's
 * `git diff` shows which records changed.
 */
function jsonLines(records: readonly unknown[]): string {
  return `[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`;
}

export function buildCorpus(seeds: Seed[], overrides: Override[], entities: EntityTable): BuildResult {
  const ordered = [...seeds].sort((a, b) => (a.meta.file < b.meta.file ? -1 : a.meta.file > b.meta.file ? 1 : 0));
  const warnings: string[] = [];
  const discovered: BuildResult['discovered'] = [];
  const documents: ReaderDocument[] = [];
  const dropped: BuildResult['dropped'] = [];
  const all: Statement[] = [];
  const info = new Map<Statement, { paragraph: number; contrast: boolean }>();
  const texts = new Map(seeds.map((s) => [s.meta.file, s.text]));
  const lineOf = (s: Statement) => lineColumn(texts.get(s.file) ?? '', s.span[0]).line;

  for (const { meta, text } of ordered) {
    const doc = cleanDocument(text, meta.title, entities);
    documents.push({
      file: meta.file,
      paragraphs: doc.paragraphs.map((p) => ({ span: p.span, role: p.role, text: text.slice(p.span[0], p.span[1]) })),
    });
    dropped.push({ file: meta.file, drops: doc.dropped.map((d) => ({ ...d, text: text.slice(d.span[0], d.span[1]) })) });
    const attribution = attributeDocument(text, doc, meta, entities);
    warnings.push(...attribution.warnings);
    discovered.push(...attribution.discovered.map((d) => ({ ...d, file: meta.file })));
    for (const d of attribution.drafts) {
      const body = text.slice(d.span[0], d.span[1]);
      const framing = d.setting.map(([s, e]) => text.slice(s, e)).join(' ');
      const statement: Statement = {
        id: '',
        text: body,
        file: meta.file,
        span: d.span,
        speaker: d.speaker,
        kind: classify(d.voice, d.speaker, body, d.contrast, d.others),
        voice: d.voice,
        via: d.via,
        topics: detectTopics(`${body} ${framing}`),
        answers: [],
        duplicates: [],
      };
      all.push(statement);
      info.set(statement, { paragraph: d.paragraph, contrast: d.contrast });
    }
  }

  const { kept: corrected, problems } = applyOverrides(all, overrides, entities);
  const kept = corrected.filter((s) => s.via === 'override' || keepRecord(s.kind, s.speaker, s.topics, s.text));
  const keptSet = new Set(kept);
  const correctedSet = new Set(corrected);
  const unkept: BuildResult['unkept'] = all
    .filter((s) => !keptSet.has(s))
    .map((s) => ({
      file: s.file,
      line: lineOf(s),
      reason: !correctedSet.has(s)
        ? 'dropped by seeds/overrides.json'
        : s.speaker.side === 'press'
          ? 'the writer’s narration, on no topic'
          : `${s.kind} of ${s.speaker.name}: no topic, and ${s.speaker.side === 'unnamed' ? 'an unnamed party' : 'under five words'}`,
      speaker: s.speaker.name,
      text: s.text,
    }));
  const merged = mergeDuplicates(kept);
  const items: Linkable[] = merged.map((statement) => ({ statement, ...info.get(statement)! }));
  assignIds(items);
  linkStatements(items);
  for (const s of merged) {
    sortTopics(s);
    s.answers.sort();
  }

  const sources: DocumentMeta[] = ordered.map(({ meta }) => ({
    file: meta.file,
    title: meta.title,
    publisher: meta.publisher,
    url: meta.url,
    date: meta.date,
    author: meta.author,
  }));
  const index = buildIndex(merged, entities);
  const files = new Map<string, string>([
    ['index.json', `${JSON.stringify(index)}\n`],
    ['statements.json', jsonLines(merged)],
    ['sources.json', jsonLines(sources)],
    ['documents.json', jsonLines(documents)],
  ]);
  const lines = new Map(merged.map((s) => [s.id, lineOf(s)]));
  return { statements: merged, sources, documents, dropped, warnings, discovered, unkept, lines, errors: problems, files };
}
