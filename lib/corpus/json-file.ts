import { escapeLiteral } from '../vocabulary/patterns.ts';
import { lineColumn } from './text.ts';

/**
 * Reading the JSON array files of `seeds/` (provenance, entities,
 * overrides) so that every problem can name the file and line: a maintainer
 * edits these by hand.
 */

/**
 * JSON.parse with the error located: V8 reports "at position N"; this turns
 * it into "file:line:column".
 */
export function parseJsonFile(label: string, raw: string): { value: unknown } | { problem: string } {
  try {
    return { value: JSON.parse(raw) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(message);
    const at = pos ? lineColumn(raw, Number(pos[1])) : raw.trim() === '' ? { line: 1, column: 1 } : lineColumn(raw, raw.length);
    return { problem: `${label}:${at.line}:${at.column}: malformed JSON: ${message.replace(/\s*\(line \d+ column \d+\)/, '')}` };
  }
}

/** Offsets where each top-level array element starts, so entry problems can name a line. */
export function topLevelElementOffsets(raw: string): number[] {
  const out: number[] = [];
  let depth = 0;
  let inString = false;
  let expectElement = false;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (/\s/.test(ch)) continue;
    if (expectElement && depth === 1) {
      out.push(i);
      expectElement = false;
    }
    if (ch === '"') inString = true;
    else if (ch === '[' || ch === '{') {
      depth++;
      if (depth === 1 && ch === '[') expectElement = true;
    } else if (ch === ']' || ch === '}') depth--;
    else if (ch === ',' && depth === 1) expectElement = true;
  }
  return out;
}

/** Reads and validates a JSON array file; returns entries with their 1-based lines. */
export function readJsonArray(label: string, raw: string, problems: string[]): { value: unknown; line: number }[] | null {
  const parsed = parseJsonFile(label, raw);
  if ('problem' in parsed) {
    problems.push(parsed.problem);
    return null;
  }
  if (!Array.isArray(parsed.value)) {
    problems.push(`${label}:1:1: expected a JSON array of entries`);
    return null;
  }
  const offsets = topLevelElementOffsets(raw);
  return parsed.value.map((value, i) => ({ value, line: lineColumn(raw, offsets[i] ?? 0).line }));
}


/**
 * 1-based line of `"key":` inside the array element that starts at line
 * `entryLine`, so a problem with one field names that field's line; the
 * entry's own line when the key is absent.
 */
export function keyLine(raw: string, entryLine: number, key: string): number {
  const lines = raw.split('\n');
  const re = new RegExp(`^\\s*"${escapeLiteral(key)}"\\s*:`);
  let depth = 0;
  for (let i = entryLine - 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (depth === 1 && re.test(line)) return i + 1;
    for (const ch of line.replace(/"(?:\\.|[^"\\])*"/g, '""')) {
      if (ch === '{' || ch === '[') depth++;
      else if (ch === '}' || ch === ']') depth--;
    }
    if (depth <= 0 && i >= entryLine - 1 && /[}\]]/.test(line)) break;
  }
  return entryLine;
}
