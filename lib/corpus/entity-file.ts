import { existsSync, readFileSync } from 'node:fs';
import { type Entity, EntityTable, validateEntity } from '../vocabulary/entities.ts';
import { keyLine, readJsonArray } from './json-file.ts';

/**
 * `seeds/entities.json`: the table of who exists (names, aliases, titles,
 * transcript labels, sides, publishers), kept as data a maintainer edits. It
 * is checked whole: each entry's fields (unknown field, bad side, ...) and
 * the table across entries (an id, alias or label used twice would make a
 * name ambiguous), every problem with file:line.
 */

export const ENTITIES_FILE = 'entities.json';

/** Parses and validates the entity file at `path`; problems are appended, null when unusable. */
export function readEntityFile(path: string, problems: string[]): EntityTable | null {
  if (!existsSync(path)) {
    problems.push(`${path}: missing (the table of speakers: see lib/corpus/README.md, "Entity table")`);
    return null;
  }
  const raw = readFileSync(path, 'utf8');
  const entries = readJsonArray(path, raw, problems);
  if (!entries) return null;
  const before = problems.length;
  const ids = new Map<string, number>();
  const aliases = new Map<string, { id: string; line: number }>();
  const labels = new Map<string, { id: string; line: number }>();
  const entities: Entity[] = [];
  for (const { value, line } of entries) {
    const found = validateEntity(value);
    const id = (value as { id?: unknown } | null)?.id;
    const name = typeof id === 'string' ? ` (${id})` : '';
    for (const { field, problem } of found) {
      problems.push(`${path}:${field ? keyLine(raw, line, field) : line}: entity${name}: ${problem}`);
    }
    if (found.length > 0) continue;
    const e = value as Entity;
    const first = ids.get(e.id);
    if (first !== undefined) problems.push(`${path}:${keyLine(raw, line, 'id')}: entity (${e.id}): duplicate id (first at line ${first})`);
    else ids.set(e.id, line);
    for (const [list, seen, what] of [
      [e.aliases, aliases, 'alias'],
      [e.labels ?? [], labels, 'label'],
    ] as const) {
      for (const a of list) {
        const other = seen.get(a);
        if (other && other.id !== e.id) {
          problems.push(
            `${path}:${keyLine(raw, line, what === 'alias' ? 'aliases' : 'labels')}: entity (${e.id}): ${what} "${a}" is also ${other.id}'s (line ${other.line}); a name must name one party`,
          );
        } else seen.set(a, { id: e.id, line });
      }
    }
    entities.push(e);
  }
  return problems.length > before ? null : new EntityTable(entities);
}
