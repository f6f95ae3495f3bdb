import { resolveNamePhrase, resolveSubject, type Salience } from './mentions.ts';
import { speakerOf, type Speaker } from '../vocabulary/entities.ts';

/**
 * Recognising reported speech in a sentence: "Zhao said that ...",
 * "U.S. leaders have said ...", "..., Zhao added.", "..., said economics
 * professor David Daokui Li". Pure pattern code over one sentence's text;
 * `attribute.ts` decides what to do with the answer.
 */

/**
 * Verbs that report what someone said, when their subject starts a clause.
 * "added" and "told" are left out on purpose: "the U.S. added Huawei to its
 * Entity List" is not speech; they count only as "added that" or at the end
 * of a sentence (a trailing tag). Verbs of belief are apart (`BELIEF_VERB`).
 */
const REPORT_VERB =
  '(?:said|says|say|stated|states|stressed|stresses|acknowledged|acknowledges|accused|accuses|accuse|' +
  'claimed|claims|claim|alleged|alleges|allege|denied|denies|deny|urged|urges|warned|warns|pledged|pledges|' +
  'vowed|vows|called on|calls on|argued|argues|insisted|insists|maintained|maintains|' +
  'advocated|advocates|spoken out|spoke out|speaks out|cited|cites|elaborated|explained|explains|noted|notes|' +
  'reiterated|reiterates|promised|promises|suggested|suggests|admitted(?! to)|admits(?! to)|defended|defends|labelled|labeled|branded|added that|adds that|told [\\p{L} ]{1,30}? that|' +
  'campaigning against|campaigned against|opposed|opposes|oppose|rejected|rejects|condemned|condemns|criticized|criticised|' +
  'criticizes|slammed|slams|emphasized|emphasised|emphasizes|confirmed|confirms|announced|announces|responded|replied|countered|' +
  'wrote|tweeted|recounted|demanded|demands|called for|calls for|expressed|expresses|voiced|voices|reported|rebuffed|rebuffs|' +
  'blasted|blasts|hit back|hits back|pushed back|pushes back|hit out|hits out|lashed out|lashes out)';

/**
 * Verbs that name what a party holds, not words it said: "The Trump
 * administration believe that trade is about dominance" is the writer's
 * reading of a party, not the party's statement. Such a sentence is the
 * party's only as a paraphrase of words the section has already given it
 * ("Ren expects that ..." after Ren's quotes); `attribute.ts` decides.
 * Present tense only: "Huawei is expected to lead" is a passive, not a belief.
 */
const BELIEF_VERB =
  '(?:believes|believe|expects|expect|thinks|think|sees|see|views|view|wants|want|hopes|hope|fears|fear|feels|feel|considers|consider|regards|regard)';
const BELIEF_RE = new RegExp(`^${BELIEF_VERB}$`, 'u');

/** Auxiliaries and adverbs allowed between the subject and the verb ("has repeatedly denied"). */
const GAP =
  '(?:\\s+(?:has|have|had|is|was|are|were|been|also|still|then|repeatedly|consistently|further|firmly|publicly|again|previously|reportedly|long|' +
  'strongly|categorically|once|often|recently|earlier|later|today|yesterday|' +
  '(?:on\\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?:last|this)\\s+(?:week|month|year)|' +
  'in\\s+(?:a|an|its|his|her|their)\\s+(?:statement|interview|letter|post|speech|briefing)))*';

const LEADING_RE = new RegExp(`(${GAP})\\s+(${REPORT_VERB}|${BELIEF_VERB})(?![\\p{L}])`, 'gu');

/** Where a clause starts: after a comma, semicolon, colon, dash, a joining conjunction or a subordinator. */
const CLAUSE_BREAK =
  /(?:[,;:(\u2014\u2013]|\s-\s|(?<![\p{L}])(?:and|but|while|as|so|then|after|before|when|because|although|though|whereas)(?![\p{L}]))\s*/gu;

/** Verbs of a quotation tag ("...," said Ren / "...," he said). */
export const TAG_VERB =
  '(?:said|says|added|adds|concluded|stated|told|explained|noted|stressed|insisted|argued|asked|replied|responded|countered|continued|wrote|tweeted|emphasized|emphasised|warned|read)';

export interface Reported {
  speaker: Speaker;
  /** Offset (in the analysed text) where the subject's clause starts. */
  clauseStart: number;
  /** Offset just after the verb. */
  verbEnd: number;
  verb: string;
  /** The verb names a belief ("believe", "expects"), not speech: see `BELIEF_VERB`. */
  belief: boolean;
}

/** The subject before an appositive that runs up to the verb: "Jane Roe, a spokeswoman for the ministry, said". */
const APPOSITIVE_BEFORE_VERB = /(?:^|[.;:]\s+|,\s+)([^,;:]{1,80}?),\s+(?:a|an|the)\s+[^,;:"\u201c\u201d]{2,80},\s*$/u;

/**
 * A name set off by commas up to the verb: after the role it holds ("the
 * port's chief, Jane Roe, said"), or before an age ("Jane Roe, 74, said").
 */
const NAME_AFTER_ROLE_BEFORE_VERB = /[\p{L}’'],\s+((?:\p{Lu}[\p{L}.’'-]*\s*){1,4}),\s*$|((?:\p{Lu}[\p{L}.’'-]*\s*){1,4}),\s+\d{1,3},\s*$/u;

function lastClauseStart(text: string): number {
  let start = 0;
  for (const m of text.matchAll(CLAUSE_BREAK)) start = m.index + m[0].length;
  return start;
}

/**
 * The first clause in `text` whose subject is a resolvable speaker followed
 * by a reporting verb: "Reiterating comments from last year, Zhengfei
 * stressed that ..." -> Ren Zhengfei. A subject that is not a clause's
 * start ("U.S. leaders who say ...") is not a speaker of the sentence.
 */
export function findLeadingSpeech(text: string, salience: Salience): Reported | null {
  for (const m of text.matchAll(LEADING_RE)) {
    const before = text.slice(0, m.index);
    const clauseStart = lastClauseStart(before);
    // (a list bullet or dash before the subject is not part of it)
    const np = before.slice(clauseStart).replace(/^[\s\u2022\u00b7*\u2013\u2014-]+/u, '').trim().split(/\s+/).slice(-8).join(' ');
    // "Jane Roe, a spokeswoman for the ministry, said": the subject is before the appositive;
    // "the port's chief, Jane Roe, said": the subject is the name between the commas.
    const appositive = np === '' ? (APPOSITIVE_BEFORE_VERB.exec(before) ?? NAME_AFTER_ROLE_BEFORE_VERB.exec(before)) : null;
    const subject = appositive ? (appositive[1] ?? appositive[2]!).trim().split(/\s+/).slice(-8).join(' ') : np;
    const speaker = resolveSubject(subject, salience);
    const verb = m[2]!.toLowerCase();
    if (speaker) return { speaker, clauseStart, verbEnd: m.index + m[0].length, verb, belief: BELIEF_RE.test(verb) };
  }
  return null;
}

/**
 * What may follow the verb of a trailing tag: when, where or to whom it was
 * said ("said Tuesday", "said at a regular press briefing", "told
 * journalists"), never a clause of its own ("Liang stressed the conditions
 * might not exist" is a leading report, not a tag).
 */
const TAG_ADJUNCT =
  '(?:\\s+(?:(?:at|in|on|during|after|before|from|to|with|in a|at a)\\s[^,]{0,60}|(?:on\\s)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|earlier|later)\\b[^,]{0,40}|(?:journalists|reporters|the media|media|lawmakers)\\b[^,]{0,40}))?';

const TRAILING_NP_FIRST = new RegExp(
  `^\\s*([^,"\u201c\u201d]{1,80}?)\\s+(?:also\\s+)?${TAG_VERB}${TAG_ADJUNCT}[.!?]?\\s*$`,
  'u',
);
const TRAILING_VERB_FIRST = new RegExp(`^\\s*(?:${TAG_VERB}|according to)\\s+([^,]{1,80}?)[.!?]?\\s*$`, 'u');

/**
 * A tag that closes a sentence after its last comma: "..., Zhao added.",
 * "..., Chinese Foreign Ministry spokesperson Zhao Lijian said Tuesday.",
 * "..., said economics professor David Daokui Li from Tsinghua University."
 * The tag covers the whole sentence before it.
 */
export function findTrailingTag(sentence: string, salience: Salience): Speaker | null {
  const comma = sentence.lastIndexOf(',');
  if (comma < 0) return null;
  const tail = sentence.slice(comma + 1);
  if (tail.split(/\s+/).filter(Boolean).length > 14) return null;
  const npFirst = TRAILING_NP_FIRST.exec(tail);
  if (npFirst) {
    const s = resolveSubject(npFirst[1]!, salience);
    if (s) return s;
  }
  const verbFirst = TRAILING_VERB_FIRST.exec(tail);
  if (verbFirst) return resolveNamePhrase(verbFirst[1]!, salience);
  return null;
}

const QUOTE_TAG_VERB_FIRST = new RegExp(`^[\\s,]*(?:${TAG_VERB}|according to)\\s+([^,.;:]+)(?:,\\s+([^,.;:]+))?`, 'u');
const QUOTE_TAG_NP_FIRST = new RegExp(
  `^[\\s,]*([^,.;:"\u201c\u201d]{1,60}?)\\s+(?:also\\s+)?${TAG_VERB}(?![\\p{L}])`,
  'u',
);

/** `," Jane Roe, a spokeswoman for the port, said`: the name, then an appositive, then the verb. */
const QUOTE_TAG_APPOSITIVE = new RegExp(
  `^[\\s,]*([^,.;:"\u201c\u201d]{1,60}?),\\s+(?:a|an|the)\\s+[^,;:"\u201c\u201d]{2,80},\\s+(?:also\\s+)?${TAG_VERB}(?![\\p{L}])`,
  'u',
);

/** A sentence that ends ", according to X." after the quotation. */
const QUOTE_TAG_ACCORDING = /,\s*according to\s+([^,.;:"\u201c\u201d]+)[.!?]?\s*$/u;

/** The speaker named right after a closing quotation mark (`," said Ren.` / `” Ren said.` / `," Roe, a spokeswoman, said`). */
export function findQuoteTag(after: string, salience: Salience): Speaker | null {
  const verbFirst = QUOTE_TAG_VERB_FIRST.exec(after);
  if (verbFirst) {
    // `," said the spokesman, Jane Roe.`: the name after the role is the speaker.
    const named = verbFirst[2] ? salience.table.findEntities(verbFirst[2]).find((m) => m.start === 0 && m.entity.type === 'person') : undefined;
    const s = named ? speakerOf(named.entity) : resolveNamePhrase(verbFirst[1]!, salience);
    if (s) return s;
  }
  const npFirst = QUOTE_TAG_NP_FIRST.exec(after) ?? QUOTE_TAG_APPOSITIVE.exec(after);
  if (npFirst) return resolveSubject(npFirst[1]!, salience);
  // `" ... are all thought to contribute, according to the Harbour Authority.`
  const according = QUOTE_TAG_ACCORDING.exec(after);
  return according ? resolveNamePhrase(according[1]!, salience) : null;
}

/** A paragraph that only introduces the next one: "Ren Zhengfei, found and CEO of Huawei , said;". */
const BLOCK_INTRO_RE = new RegExp(`^([^"\u201c\u201d]{1,120}?)[\\s,]*${TAG_VERB}\\s*[;:]$`, 'u');

/**
 * A paragraph that only introduces the next: "X said;" / "X said:", or any
 * quote-free paragraph ending in a colon whose reporting clause names its
 * speaker ("Speaking at the conference, Secretary X said the following:").
 */
export function findBlockIntro(paragraph: string, salience: Salience): Speaker | null {
  const text = paragraph.trim();
  const m = BLOCK_INTRO_RE.exec(text);
  if (m) return resolveNamePhrase(m[1]!.replace(/\s+/g, ' '), salience);
  if (!/:$/.test(text) || /["\u201c\u201d]/.test(text)) return null;
  const lead = findLeadingSpeech(text.slice(0, -1), salience);
  return lead && !lead.belief ? lead.speaker : null;
}

/** "According to X, ..." opening a sentence: X's reported words. */
const ACCORDING_TO_LEAD = /^According to ([^,]{2,80}),\s/u;

export function findAccordingTo(sentence: string, salience: Salience): Speaker | null {
  const m = ACCORDING_TO_LEAD.exec(sentence.trim());
  return m ? resolveNamePhrase(m[1]!, salience) : null;
}

/** Text right after a short quote that makes it speech: its tag (`," Roe said`, `," said Roe`, `," Roe, a spokeswoman, said`). */
export function isTagAfter(after: string, salience: Salience): boolean {
  return /^\s*,?\s*\S/u.test(after) && findQuoteTag(after, salience) !== null;
}

/** Text right before a quote that makes it speech even when short: `adding that "this is hegemony."`. */
export const SPEECH_LEAD_IN = new RegExp(`(?:${TAG_VERB}|adding|saying|that)\\s*[,:]?\\s*$|:\\s*$`, 'u');
