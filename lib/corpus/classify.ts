import type { Kind, Voice } from '../data/types.ts';
import { isProvisional, type Side, type Speaker } from '../vocabulary/entities.ts';
import type { Topic } from '../vocabulary/topics.ts';
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

/**
 * Words by which a reported claim disputes another party's position or
 * conduct, whoever it names: an accusation, a denial, a demand for evidence,
 * opposition ("opposes the decision", "rejects the ruling"), a verdict on the
 * other side's conduct ("unjust", "arbitrary", "politically motivated").
 */
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
  /\bunfair\w*/i,
  /\bunjust\w*/i,
  /\bobjects? to\b/i,
  /\bviolat\w*/i,
  /\brip away\b/i,
  /\boppos(?:e|es|ed|ing|ition)\b/i,
  /\breject(?:s|ed|ing)?\b/i,
  /\bcondemn\w*/i,
  /\barbitrary\b|\bpernicious\b|\bbaseless\b|\bunfounded\b|\bgroundless\b/i,
  /\bsuppress\w*/i,
  /\bcoerci\w*/i,
  /\bdefam\w*/i,
  /\bwent against\b|\bgoes against\b/i,
  /\bpoliticiz\w*|\bpoliticis\w*/i,
  /\bdiscriminat\w*/i,
  /\b(?:about|for) politics\b|\bpolitically motivated\b/i,
  /\bwarn\w*\s+(?:[\w.]+\s+){0,8}?(?:about|against)\b/i,
  // the other side's conduct named as abuse, invention or oppression
  /\babus(?:e|es|ed|ing)\b|\bfabricat\w*|\brumou?rs?\b|\boppress\w*|\bunreasonabl[ey]\b|\binfring\w*|\bimmoral\b/i,
  /\bfail\w* to (?:\w+\s+){0,3}evidence\b/i,
  // verbs of pushing back at others (not "insisted": what is insisted on decides)
  /\bslam(?:s|med)?\b|\bblast(?:s|ed)\b|\bhits? back\b|\bpush(?:es|ed)? back\b|\bhits? out\b|\blash(?:es|ed)? out\b|\brebuff\w*/i,
  // a denial of danger: "poses no threat", "has no back doors"
  /\bpos(?:e|es|ed|ing) no\b|\bno (?:\w+\s+){0,2}(?:back ?doors?|threat|risk)\b/i,
  // a verdict on where the other side's move leads, or a protest in diplomatic form
  /\bbackfire\w*|\bdis(?:satisf|pleas)\w*|\bbenefits? no one\b|\bno one['’]s interests?\b|\bmakes? no sense\b|\b(?:deeply|seriously|gravely|strongly) concerned\b/i,
  // a demand on the other side: "urged X to stop", "should avoid"
  /\burg\w* (?:[\w’'.-]+\s+){1,5}?to (?:stop|end|cease|release|remove|lift|withdraw|correct|reverse|treat|refrain)\b/i,
  /\bdemand(?:s|ed)\b|\bshould (?:avoid|stop|not|never|have)\b/i,
  // the other side's move said to do harm: "would only hurt US interests"
  /\b(?:hurt|harm|damag)\w*\s+(?:[\w’'.-]+\s+){0,3}?(?:interests?|consumers|companies|customers|economy|development|rights)\b/i,
];

/**
 * Words that dispute only when the claim is about another party: "X warned
 * that Huawei gear poses risks" disputes Huawei; "Acme warned that its sales
 * will fall" disputes no one.
 */
export const DISPUTE_IF_ABOUT_OTHERS: readonly RegExp[] = [
  /\bwarn\w*/i,
  /\bthreat\w*/i,
  /\brisks?\b|\brisky\b/i,
  /\binappropriate\b/i,
  /\bcrack(?:ing)?\s+down\b|\bcrackdown\b/i,
  /\bcould be used (?:by|for|to)\b/i,
  /\bcampaign\w* against\b/i,
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
  /\bpos(?:e|es|ed|ing) no\b|\bno (?:\w+\s+){0,2}(?:back ?doors?|threat|risk)\b/i,
];

/** Only the speaker's own clause counts: "to reassure U.S. leaders who say ..." reports someone else. */
function ownClause(text: string): string {
  const m = /\bwho (?:say|says|said|claim|claims|allege|alleges|worry|worries|believe|believes)\b/i.exec(text);
  return m ? text.slice(0, m.index) : text;
}

/**
 * Whether a party's reported claim disputes another party: a dispute cue,
 * or a cue of danger while it names another party. `others` are the sides
 * of the parties the claim names besides its speaker.
 */
export function hasDisputeCue(text: string, others: readonly Side[] = []): boolean {
  const own = ownClause(text);
  if (DISPUTE_CUES.some((re) => re.test(own))) return true;
  const named = others.filter((s) => s !== 'press');
  return named.length > 0 && DISPUTE_IF_ABOUT_OTHERS.some((re) => re.test(own));
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

export function classify(voice: Voice, speaker: Speaker, text: string, contrast: boolean, others: readonly Side[] = []): Kind {
  if (speaker.side === 'press') return 'context';
  if (voice === 'quote' || voice === 'transcript' || voice === 'own-text') return 'primary';
  if (voice === 'reported' && (contrast || hasDisputeCue(text, others))) return 'counterclaim';
  return 'context';
}

/**
 * Which context records are worth keeping: on-topic narration, and what a
 * named party (of the table, or found in the text) said in the writer's
 * words (five words or more). Primary and
 * counterclaim records are always kept.
 */
export function keepRecord(kind: Kind, speaker: Speaker, topics: Topic[], text: string): boolean {
  if (kind !== 'context') return true;
  if (topics.length > 0) return true;
  return speaker.side !== 'press' && (speaker.side !== 'unnamed' || isProvisional(speaker)) && wordCount(text) >= 5;
}
