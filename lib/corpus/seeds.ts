import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Seed } from './build.ts';
import type { EntityTable } from '../vocabulary/entities.ts';
import { ENTITIES_FILE, readEntityFile } from './entity-file.ts';
import { readJsonArray } from './json-file.ts';
import { type Override, validateOverride } from './overrides.ts';
import { InputError } from '../data/input-error.ts';
import type { DocumentMeta } from '../data/types.ts';

/**
 * Reading `seeds/`: the *.txt documents, `provenance.json` (the one metadata
 * file) and the optional `overrides.json`. Every problem is collected and
 * reported together, each naming its file and, where there is one, its line,
 * so a maintainer can fix a broken seed directory in one pass.
 */

export const METADATA_FILE = 'provenance.json';
export const OVERRIDES_FILE = 'overrides.json';

/** Byte offset of the first invalid UTF-8 sequence, or -1 when the bytes are valid UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return -1;
  } catch {
    // Find where: walk the sequences (RFC 3629: no overlongs, no surrogates, max U+10FFFF).
  }
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** 1-based line and column (in bytes) of a byte offset. */
function byteLineColumn(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Decodes a seed document or explains why it cannot be used. */
export function decodeSeed(label: string, bytes: Uint8Array): { text: string } | { problem: string } {
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const { line, column } = byteLineColumn(bytes, bad);
    const hex = bytes[bad]!.toString(16).padStart(2, '0');
    return { problem: `${label}:${line}:${column}: not valid UTF-8 (byte 0x${hex} at byte offset ${bad}); save the file as UTF-8` };
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  if (text.trim() === '') return { problem: `${label}: file is empty` };
  return { text };
}

const META_FIELDS = ['title', 'publisher', 'url', 'date', 'author'] as const;
const DATE_RE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;

/** Problems of one provenance entry (empty when it is fine). */
export function validateMetaEntry(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return ['entry is not an object'];
  const o = value as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof o.file !== 'string' || o.file.trim() === '') problems.push('"file" must be a non-empty string');
  else if (!/^[^/\\]+\.txt$/.test(o.file)) problems.push(`"file" must name a .txt file in the seeds directory, got "${o.file}"`);
  for (const f of META_FIELDS) {
    if (!(f in o)) problems.push(`"${f}" is missing (use null when unknown)`);
    else if (o[f] !== null && typeof o[f] !== 'string') problems.push(`"${f}" must be a string or null, got ${typeof o[f]}`);
    else if (typeof o[f] === 'string' && (o[f] as string).trim() === '') problems.push(`"${f}" is an empty string (use null when unknown)`);
  }
  if (typeof o.date === 'string' && !DATE_RE.test(o.date)) problems.push(`"date" must be YYYY, YYYY-MM or YYYY-MM-DD, got "${o.date}"`);
  if (typeof o.url === 'string' && !/^https?:\/\/\S+$/.test(o.url)) problems.push(`"url" must be an http(s) URL, got "${o.url}"`);
  if (o.notes !== undefined && typeof o.notes !== 'string') problems.push('"notes" must be a string');
  if (o.confidence !== undefined && (typeof o.confidence !== 'object' || o.confidence === null)) problems.push('"confidence" must be an object');
  return problems;
}

/**
 * Reads a seeds directory. Throws `InputError` listing every problem: an
 * empty or non-UTF-8 document, a document without metadata, metadata
 * without a document, malformed JSON, missing or mistyped fields, duplicate
 * entries, a bad override.
 */
export function readSeeds(dir: string): { seeds: Seed[]; overrides: Override[]; entities: EntityTable } {
  const problems: string[] = [];
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new InputError([`${dir}: seeds directory not found`]);
  const label = (f: string) => join(dir, f);
  const txt = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  if (txt.length === 0) problems.push(`${dir}: no .txt documents`);

  const metaPath = label(METADATA_FILE);
  const metas = new Map<string, { meta: DocumentMeta; line: number }>();
  /** Files named by an entry that has problems: those are reported once, not again as "no entry". */
  const badEntries = new Set<string>();
  const entries = existsSync(metaPath) ? readJsonArray(metaPath, readFileSync(metaPath, 'utf8'), problems) : null;
  if (!existsSync(metaPath)) problems.push(`${metaPath}: missing (one entry per .txt file)`);
  if (entries) {
    for (const { value, line } of entries) {
      const entryProblems = validateMetaEntry(value);
      const file = (value as { file?: unknown } | null)?.file;
      const name = typeof file === 'string' ? ` (${file})` : '';
      if (entryProblems.length > 0) {
        for (const p of entryProblems) problems.push(`${metaPath}:${line}: entry${name}: ${p}`);
        if (typeof file === 'string') badEntries.add(file);
        continue;
      }
      const o = value as DocumentMeta;
      const seen = metas.get(o.file);
      if (seen) {
        problems.push(`${metaPath}:${line}: duplicate entry for ${o.file} (first at line ${seen.line})`);
        continue;
      }
      const meta: DocumentMeta = { file: o.file, title: o.title, publisher: o.publisher, url: o.url, date: o.date, author: o.author };
      metas.set(o.file, { meta, line });
      if (!txt.includes(o.file)) problems.push(`${metaPath}:${line}: entry for ${o.file}, but ${label(o.file)} does not exist`);
    }
  }

  const seeds: Seed[] = [];
  for (const f of txt) {
    const decoded = decodeSeed(label(f), new Uint8Array(readFileSync(label(f))));
    if ('problem' in decoded) problems.push(decoded.problem);
    const entry = metas.get(f);
    // Unreadable metadata is reported once above, not once per document.
    if (!entry && entries && !badEntries.has(f)) problems.push(`${label(f)}: no entry in ${metaPath} (add one; unknown fields are null)`);
    if ('text' in decoded && entry) seeds.push({ meta: entry.meta, text: decoded.text });
  }

  const entities = readEntityFile(label(ENTITIES_FILE), problems);
  const overrides: Override[] = [];
  const overridesPath = label(OVERRIDES_FILE);
  if (existsSync(overridesPath) && entities) {
    for (const { value, line } of readJsonArray(overridesPath, readFileSync(overridesPath, 'utf8'), problems) ?? []) {
      const p = validateOverride(value, entities);
      if (p.length > 0) for (const x of p) problems.push(`${overridesPath}:${line}: override: ${x}`);
      else if (!txt.includes((value as Override).file)) problems.push(`${overridesPath}:${line}: override for unknown file ${(value as Override).file}`);
      else overrides.push(value as Override);
    }
  }
  if (problems.length > 0 || !entities) throw new InputError(problems);
  return { seeds, overrides, entities };
}
