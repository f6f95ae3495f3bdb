import { type EntityTable, speakerOf } from '../vocabulary/entities.ts';
import { normalizeForCompare } from './text.ts';
import { type Topic, TOPICS } from '../vocabulary/topics.ts';
import { type Kind, KINDS, type Statement } from '../data/types.ts';

/**
 * Maintainer corrections, kept in `seeds/overrides.json` (optional). The
 * pipeline must get the seeds right without it; an override is for a new
 * document whose sentence the rules get wrong, until the rules learn it.
 *
 * ```json
 * [{ "file": "001_x.txt", "quote": "It is inappropriate to use",
 *    "speaker": "liang-hua", "kind": "primary", "note": "why" }]
 * ```
 * `quote` is a prefix of the statement's text (compared with quotes,
 * apostrophes, whitespace and case normalised) and must match exactly one
 * statement of `file`. `speaker` is an id from `seeds/entities.json`. `drop: true`
 * removes the statement. An override that matches nothing is an error, so
 * stale corrections do not linger.
 */
export interface Override {
  file: string;
  quote: string;
  speaker?: string;
  kind?: Kind;
  topics?: Topic[];
  drop?: boolean;
  note?: string;
}

/** Checks one parsed entry; returns problems in words (empty when fine). */
export function validateOverride(value: unknown, entities: EntityTable): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return ['entry is not an object'];
  const o = value as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof o.file !== 'string' || o.file === '') problems.push('"file" must be a non-empty string');
  if (typeof o.quote !== 'string' || o.quote.trim().length < 8) problems.push('"quote" must be a string of at least 8 characters');
  if (o.speaker !== undefined && (typeof o.speaker !== 'string' || !entities.byId(o.speaker))) {
    problems.push(`"speaker" must be an entity id from seeds/entities.json, got ${JSON.stringify(o.speaker)}`);
  }
  if (o.kind !== undefined && !KINDS.includes(o.kind as Kind)) problems.push(`"kind" must be one of ${KINDS.join(', ')}`);
  if (o.topics !== undefined && (!Array.isArray(o.topics) || o.topics.some((t) => !TOPICS.includes(t as Topic)))) {
    problems.push(`"topics" must be an array of ${TOPICS.join(', ')}`);
  }
  if (o.drop !== undefined && typeof o.drop !== 'boolean') problems.push('"drop" must be true or false');
  if (o.note !== undefined && typeof o.note !== 'string') problems.push('"note" must be a string');
  return problems;
}

/**
 * Applies overrides in place; returns the statements to keep and the
 * overrides that matched nothing or more than one statement.
 */
export function applyOverrides(
  statements: Statement[],
  overrides: Override[],
  entities: EntityTable,
): { kept: Statement[]; problems: string[] } {
  const dropped = new Set<Statement>();
  const problems: string[] = [];
  overrides.forEach((o, i) => {
    const prefix = normalizeForCompare(o.quote);
    const matches = statements.filter((s) => s.file === o.file && normalizeForCompare(s.text).startsWith(prefix));
    if (matches.length !== 1) {
      problems.push(`override #${i + 1} (${o.file}, "${o.quote}") matches ${matches.length} statements, expected 1`);
      return;
    }
    const s = matches[0]!;
    if (o.drop) dropped.add(s);
    const entity = o.speaker ? entities.byId(o.speaker) : undefined;
    if (entity) s.speaker = speakerOf(entity);
    if (o.kind) s.kind = o.kind;
    if (o.topics) s.topics = [...o.topics];
    s.via = 'override';
  });
  return { kept: statements.filter((s) => !dropped.has(s)), problems };
}
