import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BuildResult, buildCorpus, type Seed } from './build.ts';
import { parseJsonFile, topLevelElementOffsets } from './json-file.ts';
import { InputError } from '../data/input-error.ts';
import { METADATA_FILE, readSeeds, validateMetaEntry } from './seeds.ts';
import { lineColumn, normalizeForCompare, wordCount } from './text.ts';
import type { DocumentMeta } from '../data/types.ts';
import { writeDirAtomically } from './write.ts';

/**
 * Adding one document to `seeds/` (what `npm run add` does after extracting
 * a page): pick its file name, refuse a document the corpus already has,
 * build the whole corpus with it in memory, and only when that build
 * succeeds write the `.txt`, its `provenance.json` entry and `data/`. The
 * build is the one `npm run index` runs (`readSeeds` + `buildCorpus` +
 * `writeDirAtomically`), so the committed `data/` passes `--check`.
 */

/** The entry as written to provenance.json: the five fields, then how they were found. */
export type ProvenanceEntry = DocumentMeta & { notes: string };

export interface Plan {
  /** The new seed's file name, `NNN_<hash>.txt`. */
  file: string;
  text: string;
  entry: ProvenanceEntry;
  /** provenance.json with the entry appended, and the entry's line in it. */
  provenance: { raw: string; line: number };
  /** The corpus built with the new document. */
  result: BuildResult;
}

/**
 * `NNN_<hash>.txt`: the next number after the highest in `seeds/` (three
 * digits, like the existing files), and the first 16 hex digits of the
 * text's SHA-256, so a name says which text it was made for.
 */
export function nextSeedFile(existing: readonly string[], text: string): string {
  const numbers = existing.map((f) => /^(\d+)_.*\.txt$/.exec(f)).filter((m) => m !== null);
  const next = numbers.reduce((max, m) => Math.max(max, Number(m[1])), -1) + 1;
  const width = Math.max(3, ...numbers.map((m) => m[1]!.length));
  const hash = createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);
  return `${String(next).padStart(width, '0')}_${hash}.txt`;
}

/**
 * One form per page address: scheme, `www.`, a trailing slash, the fragment
 * and tracking parameters do not make a different page.
 */
export function comparableUrl(url: string): string {
  try {
    const u = new URL(url);
    for (const key of [...u.searchParams.keys()]) if (/^(?:utm_|fbclid$|gclid$|ocid$)/i.test(key)) u.searchParams.delete(key);
    const query = u.searchParams.toString();
    return `${u.hostname.toLowerCase().replace(/^www\./, '')}${u.pathname.replace(/\/+$/, '')}${query ? `?${query}` : ''}`;
  } catch {
    return url.trim().toLowerCase();
  }
}

/**
 * Why the corpus already has this document, or null. Same address; or the
 * same text, which a re-saved page shows as most of its paragraphs already in
 * one seed (the older seeds keep their site chrome, so whole files rarely
 * match).
 */
export function findDuplicate(seedsDir: string, seeds: readonly Seed[], text: string, url: string | null): string | null {
  const metaPath = join(seedsDir, METADATA_FILE);
  if (url) {
    const raw = readFileSync(metaPath, 'utf8');
    const offsets = topLevelElementOffsets(raw);
    const want = comparableUrl(url);
    const parsed = JSON.parse(raw) as { url?: unknown }[];
    const at = parsed.findIndex((e) => typeof e.url === 'string' && comparableUrl(e.url) === want);
    if (at >= 0) {
      const line = lineColumn(raw, offsets[at] ?? 0).line;
      return `${metaPath}:${line}: this address is already in the corpus (${(parsed[at] as { file?: string }).file}: ${(parsed[at] as { url: string }).url})`;
    }
  }
  const paragraphs = text
    .split(/\n\s*\n/)
    .map(normalizeForCompare)
    .filter((p) => wordCount(p) >= 8);
  if (paragraphs.length === 0) return null;
  for (const seed of seeds) {
    const existing = normalizeForCompare(seed.text);
    const shared = paragraphs.filter((p) => existing.includes(p)).length;
    if (shared >= Math.ceil(paragraphs.length * 0.8)) {
      return `${join(seedsDir, seed.meta.file)}: the same text is already in the corpus (${shared} of ${paragraphs.length} paragraphs)`;
    }
  }
  return null;
}

/**
 * provenance.json with `entry` appended as the last array element, written
 * the way the file is (one-space indent), the existing entries left byte for
 * byte as they are so the diff shows only the addition.
 */
export function appendProvenance(raw: string, entry: ProvenanceEntry): { raw: string; line: number } {
  const close = raw.lastIndexOf(']');
  if (close < 0) throw new InputError([`provenance.json: no closing ']'`]);
  const head = raw.slice(0, close).trimEnd();
  const empty = head.endsWith('[');
  const body = JSON.stringify(entry, null, 1)
    .split('\n')
    .map((l) => ` ${l}`)
    .join('\n');
  const before = `${head}${empty ? '' : ','}\n`;
  return { raw: `${before}${body}\n]\n`, line: lineColumn(before + body, before.length).line };
}

/** Only what concerns `file`, for the review of the new document. */
export function resultFor(result: BuildResult, file: string): BuildResult {
  return {
    ...result,
    statements: result.statements.filter((s) => s.file === file),
    sources: result.sources.filter((s) => s.file === file),
    documents: result.documents.filter((d) => d.file === file),
    dropped: result.dropped.filter((d) => d.file === file),
    warnings: result.warnings.filter((w) => w.includes(file)),
    discovered: result.discovered.filter((d) => d.file === file),
    unkept: result.unkept.filter((u) => u.file === file),
  };
}

/** Reads `seeds/` as `npm run index` does; its problems stop the addition before anything is written. */
function readExisting(seedsDir: string) {
  try {
    return readSeeds(seedsDir);
  } catch (e) {
    if (e instanceof InputError) throw new InputError([`${seedsDir} has problems already; fix them first:`, ...e.problems.map((p) => `  ${p}`)]);
    throw e;
  }
}

/**
 * Everything but the writing: the name, the duplicate check, the entry
 * (validated like any provenance entry), and the corpus built with the new
 * document. Throws `InputError` naming file and line; nothing has been written.
 */
export function planAddition(seedsDir: string, text: string, meta: Omit<DocumentMeta, 'file'>, notes: string): Plan {
  const { seeds, overrides, entities } = readExisting(seedsDir);
  const duplicate = findDuplicate(seedsDir, seeds, text, meta.url);
  if (duplicate) throw new InputError([duplicate, 'nothing written']);
  const file = nextSeedFile(readdirSync(seedsDir), text);
  const entry: ProvenanceEntry = { file, title: meta.title, publisher: meta.publisher, url: meta.url, date: meta.date, author: meta.author, notes };
  const metaPath = join(seedsDir, METADATA_FILE);
  const provenance = appendProvenance(readFileSync(metaPath, 'utf8'), entry);
  const problems = validateMetaEntry(entry).map((p) => `${metaPath}:${provenance.line}: new entry (${file}): ${p}`);
  const reparsed = parseJsonFile(metaPath, provenance.raw);
  if ('problem' in reparsed) problems.push(reparsed.problem);
  if (problems.length > 0) throw new InputError([...problems, 'nothing written']);
  const result = buildCorpus([...seeds, { meta: { ...meta, file }, text }], overrides, entities);
  if (result.errors.length > 0) throw new InputError(['the corpus does not build with this document; nothing written:', ...result.errors.map((p) => `  ${p}`)]);
  return { file, text, entry, provenance, result };
}

/** Writes a file through a temporary name, so a reader never sees it half-written. */
function writeWhole(path: string, content: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, path);
  } finally {
    rmSync(tmp, { force: true });
  }
}

/**
 * Writes the planned document and rebuilds `data/` from the seeds as they now
 * are, as `npm run index` does. If that rebuild or any write fails, the
 * `.txt` is removed and provenance.json restored: `seeds/` and `data/` are
 * left as they were.
 */
export function commitAddition(seedsDir: string, outDir: string, plan: Plan): BuildResult {
  const txtPath = join(seedsDir, plan.file);
  const metaPath = join(seedsDir, METADATA_FILE);
  const previous = readFileSync(metaPath);
  if (existsSync(txtPath)) throw new InputError([`${txtPath}: already exists; nothing written`]);
  try {
    writeWhole(txtPath, plan.text);
    writeWhole(metaPath, plan.provenance.raw);
    const { seeds, overrides, entities } = readExisting(seedsDir);
    const result = buildCorpus(seeds, overrides, entities);
    if (result.errors.length > 0) throw new InputError(['cannot build, nothing written:', ...result.errors.map((p) => `  ${p}`)]);
    writeDirAtomically(outDir, result.files);
    return result;
  } catch (e) {
    rmSync(txtPath, { force: true });
    writeFileSync(metaPath, previous);
    throw e;
  }
}
