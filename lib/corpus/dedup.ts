import { normalizeForCompare } from './text.ts';
import type { Statement } from '../data/types.ts';

/**
 * Merges statements whose text is the same once quotes, apostrophes, dashes,
 * whitespace and case are normalised (002 repeats its closing quote with
 * "We'll" and "We’ll"). The first occurrence in build order (file name, then
 * offset) is kept; the others become its `duplicates`, and their topics and
 * links are folded in. Works across files too, but only for the same
 * speaker.
 */
export function mergeDuplicates(statements: Statement[]): Statement[] {
  const kept = new Map<string, Statement>();
  const out: Statement[] = [];
  for (const s of statements) {
    // Same words from two different speakers are a conflict to see, not a duplicate to hide.
    const key = `${s.speaker.id}\u0000${normalizeForCompare(s.text)}`;
    const first = kept.get(key);
    if (!first) {
      kept.set(key, s);
      out.push(s);
      continue;
    }
    first.duplicates.push({ file: s.file, span: s.span }, ...s.duplicates);
    for (const t of s.topics) if (!first.topics.includes(t)) first.topics.push(t);
    for (const a of s.answers) if (!first.answers.includes(a)) first.answers.push(a);
  }
  return out;
}
