import type { Kind, Speaker, Topic, Voice } from './types.ts';
import { wordCount } from './text.ts';

/**
 * Kinds, by rule:
 * - primary: a party's own words: a quotation, a transcript turn, or text
 *   the party published itself (voices quote / transcript / own-text).
 * - counterclaim: a party's claim in the writer's words (voice reported)
 *   that disputes another party: it carries a dispute cue ("accuses",
 *   "alleging", "not true", "denied", "without ... evidence", "Neither ...").
 * - context: everything else: the writer's narration, and a party's
 *   reported words that dispute nobody ("Ren said the lab would ...").
 * The press is never a party: a journalist's own words are context even
 * in a transcript.
 */

/** Words by which a reported claim disputes another party's position or conduct. */
export const DISPUTE_CUES: readonly RegExp[] = [
  /\bnot true\b/i,
  /\bden(?:y|ies|ied)\b/i,
  /\baccus\w*/i,
  /\balleg\w*/i,
  /\bclaims? that\b/i,
  /\bwithout (?:\w+\s+){0,2}evidence\b/i,
  /\bno evidence\b/i,
  /\bnot one\b/i,
  /^\s*neither\b/i,
  /\bsmear\w*/i,
  /\bwrongdoing\b/i,
  /\bhegemon\w*/i,
  /\bhypocri\w*/i,
  /\bbull(?:y|ies|ying)\b/i,
  /\binappropriate\b/i,
  /\bunfair\w*/i,
  /\bobjects? to\b/i,
  /\bcrack(?:ing)?\s+down\b|\bcrackdown\b/i,
  /\bviolat\w*/i,
  /\brip away\b/i,
  /\bcould be used (?:by|for|to)\b/i,
  /\bwarn\w*/i,
  /\bthreat\w*/i,
  /\bcampaign\w* against\b/i,
  /\b(?:about|for) politics\b|\bpolitically motivated\b/i,
];

/**
 * Cues that make a statement a REBUTTAL of an earlier claim (used by
 * `link.ts`): a denial or a demand for evidence, or a clause split off after
 * ", but" from a reported claim.
 */
export const REBUTTAL_CUES: readonly RegExp[] = [
  /\bnot true\b/i,
  /\bden(?:y|ies|ied)\b/i,
  /\bwithout (?:\w+\s+){0,2}evidence\b/i,
  /\bno evidence\b/i,
  /\bnot one\b/i,
  /^\s*neither\b/i,
  /\bunfounded\b|\bgroundless\b|\bfalse\b/i,
];

/** Only the speaker's own clause counts: "to reassure U.S. leaders who say ..." reports someone else. */
function ownClause(text: string): string {
  const m = /\bwho (?:say|says|said|claim|claims|allege|alleges|worry|worries|believe|believes)\b/i.exec(text);
  return m ? text.slice(0, m.index) : text;
}

export function hasDisputeCue(text: string): boolean {
  const own = ownClause(text);
  return DISPUTE_CUES.some((re) => re.test(own));
}

/** Verbs of accusing: a statement that accuses is a claim, not a rebuttal, whatever the writer adds. */
const ACCUSATION = /\baccus\w*|\balleg\w*|\bclaims? that\b|\bcampaign\w* against\b/i;

/**
 * A rebuttal cue in the speaker's own clause, or a ", but" contrast. An
 * accusation is never a rebuttal: in "... alleging Huawei's equipment could
 * be used to spy, without presenting any evidence" the missing evidence is
 * the writer's comment on the accuser.
 */
export function hasRebuttalCue(text: string, contrast: boolean): boolean {
  if (contrast) return true;
  const own = ownClause(text);
  return !ACCUSATION.test(own) && REBUTTAL_CUES.some((re) => re.test(own));
}

export function classify(voice: Voice, speaker: Speaker, text: string, contrast: boolean): Kind {
  if (speaker.side === 'press') return 'context';
  if (voice === 'quote' || voice === 'transcript' || voice === 'own-text') return 'primary';
  if (voice === 'reported' && (contrast || hasDisputeCue(text))) return 'counterclaim';
  return 'context';
}

/**
 * Which context records are worth keeping: on-topic narration, and what a
 * named party said in the writer's words (five words or more). Primary and
 * counterclaim records are always kept.
 */
export function keepRecord(kind: Kind, speaker: Speaker, topics: Topic[], text: string): boolean {
  if (kind !== 'context') return true;
  if (topics.length > 0) return true;
  return speaker.side !== 'press' && speaker.side !== 'unnamed' && wordCount(text) >= 5;
}
