/**
 * THE topic table: one entry per topic, and a new topic is one entry here
 * (plus its name for readers, `topic_<key>` in `public/_locales`, which the
 * type checker asks for through `components/ui/labels.ts`).
 * - `pattern`: topic detection over a statement's text (plus, for quotes, the
 *   words that frame them). Used at build time for statements and at run time
 *   for a highlighted mention and its context, so the card and the corpus
 *   agree on what "about sanctions" means.
 * - `words`: words a reader may use for the topic; indexed with each
 *   statement so "blacklist" finds Entity List records.
 */
import NAMES from './names.json' with { type: 'json' };
import { escapeLiteral } from './patterns.ts';

/** `\bMeng\b|\bWanzhou\b` for the person a topic is about (`topicPeople` in names.json): the names are data. */
export function personWords(topic: keyof typeof NAMES.topicPeople): string {
  return NAMES.topicPeople[topic]
    .split(' ')
    .map((word) => `\\b${escapeLiteral(word)}\\b`)
    .join('|');
}

const TOPIC_TABLE = {
  // "no-spy" pledges and the spying fears they answer.
  'no-spy': {
    pattern: /\bno[-\s]?spy\b|\bspy(?:ing|ware)?\b|\bspies\b|\bespionage\b|\bsurveillance\b|\bcollect intelligence\b|\bcould be used by [^.]{0,30}\bgovernment\b/i,
    words: 'no-spy spying spy surveillance espionage',
  },
  backdoor: {
    pattern: /\b(?:no-)?back[-\s]?doors?\b/i,
    words: 'backdoor back door',
  },
  sanctions: {
    pattern: /\bsanction(?:s|ed)?\b|\bbans?\b|\bbanned\b|\bbanning\b|\brestrict(?:ed|ions?|s)?\b|\bcrack(?:ing)?[-\s]?down\b|\bcrackdown\b|\bblacklist(?:ed)?\b|\bprohibits?\b|\btrade restrictions\b|\bexport controls?\b|\bcancell?ed licen[cs]es\b/i,
    words: 'sanctions ban restrictions crackdown',
  },
  'entity-list': {
    pattern: /\bentity[-\s]list\b|\bblacklist(?:ed)?\b/i,
    words: 'entity list blacklist',
  },
  chips: {
    pattern: /\bchips?\b|\bsemiconductors?\b|\bchipsets?\b/i,
    words: 'chips semiconductors',
  },
  '5g': {
    pattern: /\b5G\b/i,
    words: '5G networks',
  },
  trade: {
    pattern: /\btrade\b|\btrading\b|\btariffs?\b|\bexports?\b|\bimports?\b|\bwin-win\b|\bsupply goods\b|\b(?:buy|buying|bought|sell|selling|sold) (?:from|to|more|a lot)\b|\bmarket economy\b|\bsupply chains?\b/i,
    words: 'trade',
  },
  'intelligence-law': {
    pattern: /\bintelligence law\b|\bChinese law\b|\bstate intelligence agency\b|\blaw authori[sz]ing\b/i,
    words: 'intelligence law',
  },
  independence: {
    pattern: /\bindependen(?:t|ce)\b|\bwholly owned by\b|\bholds? shares\b|\bintervenes?\b|\binterfere\w*\b|\bpolitical whirlpool\b/i,
    words: 'independence independent',
  },
  // The arrest and extradition case of Huawei's CFO: her names (`topicPeople` in names.json), the arrest, the extradition.
  extradition: {
    pattern: new RegExp(`${personWords('extradition')}|\\bextradition\\b|\\barrest(?:ed)?\\b`, 'i'),
    words: `${NAMES.topicPeople.extradition} arrest extradition`,
  },
  security: {
    pattern: /\bnational security\b|\bsecurity (?:concerns?|of (?:its|our|these|the)|breach)\b|\bcyber[-\s]?(?:security|attack|hacking)\b|\bhacking\b|\bsecure (?:operations|network)\b|\bprivacy breaches\b/i,
    words: 'security',
  },
  globalisation: {
    pattern: /\bglobali[sz](?:ation|ed|e)\b|\bglobal(?:ly)? industr/i,
    words: 'globalisation globalization',
  },
  'operating-system': {
    pattern: /\bAndroid\b|\boperating systems?\b|\bGmail\b|\bGoogle\b/i,
    words: 'operating system Android',
  },
} as const satisfies Record<string, { pattern: RegExp; words: string }>;

/** What a statement or a mention is about. */
export type Topic = keyof typeof TOPIC_TABLE;

/** Every topic, in the table's order (the order statements list theirs in). */
export const TOPICS = Object.keys(TOPIC_TABLE) as Topic[];

/** Topics the text talks about, in the fixed order of `TOPICS`. */
export function detectTopics(text: string): Topic[] {
  return TOPICS.filter((t) => TOPIC_TABLE[t].pattern.test(text));
}

/** The words indexed with a statement about `topic`: "entity list blacklist" for `entity-list`. */
export function topicWords(topic: Topic): string {
  return TOPIC_TABLE[topic].words;
}
