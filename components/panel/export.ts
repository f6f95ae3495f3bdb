/**
 * The current result list as CSV or JSON, for spreadsheets and scripts.
 * Both carry the same columns; text is verbatim (the CSV only neutralises
 * what a spreadsheet would execute, see `csvCell`).
 */
import type { Result } from '../../lib/search/result.ts';

export const EXPORT_COLUMNS = [
  'id',
  'speaker',
  'speaker_role',
  'side',
  'kind',
  'topics',
  'quote',
  'source_title',
  'publisher',
  'date',
  'url',
] as const;

export type ExportRow = Record<(typeof EXPORT_COLUMNS)[number], string>;

/** One row per result; unknown metadata is an empty cell (never a guess). */
export function exportRows(results: readonly Result[]): ExportRow[] {
  return results.map((r) => ({
    id: r.id,
    speaker: r.speaker.name,
    speaker_role: r.speaker.role,
    side: r.side,
    kind: r.kind,
    topics: r.topics.join('; '),
    quote: r.text,
    source_title: r.source.title ?? '',
    publisher: r.source.publisher ?? '',
    date: r.source.date ?? '',
    url: r.source.url ?? '',
  }));
}

/**
 * One CSV field. Spreadsheets run a cell that starts with `=`, `+`, `-` or
 * `@` (and strip a leading tab or CR before looking) as a formula, so such a
 * cell gets a leading apostrophe (OWASP's advice against CSV injection).
 * Then RFC 4180: a field holding a quote, comma, CR or LF is quoted, with
 * its quotes doubled.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/u.test(value) ? `'${value}` : value;
  return /[",\r\n]/u.test(safe) ? `"${safe.replace(/"/gu, '""')}"` : safe;
}

/**
 * RFC 4180 CSV: header row, CRLF line ends. A UTF-8 byte order mark leads,
 * without which Excel reads the corpus's curly quotes and names as Latin-1.
 */
export function toCsv(results: readonly Result[]): string {
  const lines = [EXPORT_COLUMNS.join(','), ...exportRows(results).map((row) => EXPORT_COLUMNS.map((c) => csvCell(row[c])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function toJson(results: readonly Result[]): string {
  return `${JSON.stringify(exportRows(results), null, 2)}\n`;
}

/** "source-context-no-spy-2025-01-31", from the query (or "all") and today's date. */
export function exportName(query: string, now: Date): string {
  const slug =
    query
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/gu, '')
      .slice(0, 40)
      .replace(/-+$/u, '') || 'all';
  return `source-context-${slug}-${now.toISOString().slice(0, 10)}`;
}
