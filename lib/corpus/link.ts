import { hasRebuttalCue } from './classify.ts';
import type { Statement } from '../data/types.ts';
import { opposed } from '../vocabulary/entities.ts';
import type { Topic } from '../vocabulary/topics.ts';

/**
 * `answers` links, derived by rule within one document (a page reports one
 * exchange; linking across pages would guess at what answers what):
 *
 * 1. Rebuttal: a primary or counterclaim with a rebuttal cue ("not true",
 *    "denied", "without ... evidence", "Neither ...", or the clause after
 *    ", but" that follows a reported claim) answers the nearest claim of an
 *    opposing side before it in the same or the previous paragraph; failing
 *    that, the nearest opposing claim anywhere in the document that shares a
 *    topic. A rebuttal with no topic of its own ("Huawei has repeatedly
 *    denied the claims.") takes the topics of what it rebuts.
 * 2. Dispute: a counterclaim answers every primary statement of an opposing
 *    side in the same document that shares a specific topic (not just
 *    security, trade or sanctions, which nearly every record touches), unless
 *    that primary already answers the counterclaim (rule 1 wins; a pair is
 *    never linked both ways) or introduces it earlier in the same paragraph.
 */

export interface Linkable {
  statement: Statement;
  paragraph: number;
  contrast: boolean;
}

const GENERIC: ReadonlySet<Topic> = new Set<Topic>(['security', 'trade', 'sanctions']);

function shares(a: Topic[], b: Topic[], specificOnly: boolean): boolean {
  return a.some((t) => b.includes(t) && !(specificOnly && GENERIC.has(t)));
}

function isClaim(s: Statement): boolean {
  return s.kind === 'primary' || s.kind === 'counterclaim';
}

export function linkStatements(items: Linkable[]): void {
  const byFile = new Map<string, Linkable[]>();
  for (const it of items) byFile.set(it.statement.file, [...(byFile.get(it.statement.file) ?? []), it]);

  for (const doc of byFile.values()) {
    doc.sort((a, b) => a.statement.span[0] - b.statement.span[0]);
    // Rule 1: rebuttals.
    for (const r of doc) {
      const s = r.statement;
      if (!isClaim(s) || !hasRebuttalCue(s.text, r.contrast)) continue;
      const candidates = doc.filter(
        (t) => t !== r && isClaim(t.statement) && opposed(s.speaker.side, t.statement.speaker.side) && !t.statement.answers.includes(s.id),
      );
      const near = candidates
        .filter((t) => t.statement.span[0] < s.span[0] && t.paragraph >= r.paragraph - 1)
        .at(-1);
      const topical = candidates
        .filter((t) => shares(s.topics, t.statement.topics, false))
        .sort((a, b) => Math.abs(a.statement.span[0] - s.span[0]) - Math.abs(b.statement.span[0] - s.span[0]))[0];
      const target = near ?? topical;
      if (!target) continue;
      if (!s.answers.includes(target.statement.id)) s.answers.push(target.statement.id);
      if (s.topics.length === 0) s.topics.push(...target.statement.topics);
    }
    // Rule 2: counterclaims dispute opposing primary statements on the same specific topic.
    for (const c of doc) {
      const s = c.statement;
      if (s.kind !== 'counterclaim') continue;
      for (const p of doc) {
        const t = p.statement;
        if (t.kind !== 'primary' || !opposed(s.speaker.side, t.speaker.side)) continue;
        if (t.answers.includes(s.id) || s.answers.includes(t.id)) continue;
        // "These days, there is much debate about ..." introduces the claim that follows it; it is not disputed by it.
        if (p.paragraph === c.paragraph && t.span[0] < s.span[0]) continue;
        if (shares(s.topics, t.topics, true)) s.answers.push(t.id);
      }
    }
  }
}
