import { DASH } from './patterns.ts';

/**
 * The words the search treats specially: phrases read as one token, words
 * too common to search for, and synonym groups. `lib/data/index-options.ts`
 * compiles them into THE tokenizer and term processing, which the index is
 * built with and every query goes through; a new synonym is a change here
 * and a rebuilt index (`npm run index`).
 */

/** One space or one of the page matcher's dashes, between the words of a phrase. */
const SEP = `(?:\\s|${DASH})`;

/** A phrase as a whole-word, case-insensitive pattern. */
const phrase = (source: string) => new RegExp(`\\b${source}\\b`, 'giu');

/**
 * Phrases made into one token before splitting, so the spellings readers use
 * meet the spellings sources use. "US" is matched case-sensitively: the
 * pronoun "us" is a stop word.
 * @example "no spy", "no-spy" and "nospy" all become `nospy`; "U.S", "U.S." and "United States" become `usa`.
 */
export const PHRASES: readonly [RegExp, string][] = [
  [phrase(`no${SEP}?back${SEP}?doors?`), ' nobackdoor '],
  [phrase(`no${SEP}?spy`), ' nospy '],
  [phrase(`back${SEP}doors?`), ' backdoor '],
  [phrase(`entity${SEP}list`), ' entitylist '],
  [/\bU\.S\.A\.?|\bU\.S\.?(?![\p{L}])|\bUSA?\b|\bUnited States\b/gu, ' usa '],
];

/**
 * Words too common here to tell records apart, including reporting verbs
 * ("said" is in half the corpus).
 * @example "what did Huawei say about the ban" searches for `huawei` and `ban` only.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below ' +
    'between both but by can could did do does doing down during each few for from further had has have having ' +
    'he her here hers herself him himself his how i if in into is it its itself just let me more most my myself ' +
    'no nor not of off on once only or other our ours ourselves out over own same she should so some such than ' +
    'that the their theirs them themselves then there these they this those through to too under until up very ' +
    'was we were what when where which while who whom why will with would you your yours yourself s t ll re ve d ' +
    'm us said say says saying told added according'
  ).split(' '),
);

/**
 * Synonym groups: every member is indexed and searched together with the
 * group's first word.
 * @example "semiconductor" finds "chips"; "blacklist" finds Entity List records; "surveillance" finds no-spy pledges.
 */
export const SYNONYMS: readonly string[][] = [
  ['spy', 'nospy', 'spying', 'surveillance', 'espionage'],
  ['backdoor', 'nobackdoor'],
  ['entitylist', 'blacklist', 'blacklisted'],
  ['chip', 'semiconductor', 'chipset'],
  ['sanction', 'ban', 'banned', 'crackdown', 'restriction', 'sanctioned'],
  ['usa', 'america', 'american', 'washington'],
  ['globalisation', 'globalization', 'globalised', 'globalized'],
  ['5g'],
];
