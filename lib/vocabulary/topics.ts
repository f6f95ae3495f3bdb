/**
 * THE topic table: one entry per topic, and a new topic is one entry here.
 * - `pattern`: topic detection over a statement's text (plus, for quotes, the
 *   words that frame them). Used at build time for statements and at run time
 *   for a highlighted mention and its context, so the card and the corpus
 *   agree on what "about sanctions" means.
 * - `words`: words a reader may use for the topic; indexed with each
 *   statement so "blacklist" finds Entity List records.
 * - `name`: what readers see (filters, group headings, the card's "Why
 *   these"), in English, and `about`: what it means, for translators.
 *   `npm run index` writes both into `public/_locales/en/messages.json`
 *   (`topic_<key>`, see `topicMessages`), where the UI and other languages
 *   read them, and `npm run index -- --check` fails while they disagree.
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
    name: 'No-spy pledges',
    about: 'no-spy / no-backdoor agreements offered by Huawei.',
  },
  backdoor: {
    pattern: /\b(?:no-)?back[-\s]?doors?\b/i,
    words: 'backdoor back door',
    name: 'Backdoors',
    about: 'hidden access to equipment.',
  },
  sanctions: {
    pattern: /\bsanction(?:s|ed)?\b|\bbans?\b|\bbanned\b|\bbanning\b|\brestrict(?:ed|ions?|s)?\b|\bcrack(?:ing)?[-\s]?down\b|\bcrackdown\b|\bblacklist(?:ed)?\b|\bprohibits?\b|\btrade restrictions\b|\bexport controls?\b|\bcancell?ed licen[cs]es\b/i,
    words: 'sanctions ban restrictions crackdown',
    name: 'Sanctions',
    about: 'US sanctions.',
  },
  'entity-list': {
    pattern: /\bentity[-\s]list\b|\bblacklist(?:ed)?\b/i,
    words: 'entity list blacklist',
    name: 'Entity List',
    about: 'the US Commerce Department’s trade blacklist (a proper name in English).',
  },
  chips: {
    pattern: /\bchips?\b|\bsemiconductors?\b|\bchipsets?\b/i,
    words: 'chips semiconductors',
    name: 'Chips',
    about: 'semiconductors.',
  },
  '5g': {
    pattern: /\b5G\b/i,
    words: '5G networks',
    name: '5G',
    about: 'mobile networks.',
  },
  trade: {
    pattern: /\btrade\b|\btrading\b|\btariffs?\b|\bexports?\b|\bimports?\b|\bwin-win\b|\bsupply goods\b|\b(?:buy|buying|bought|sell|selling|sold) (?:from|to|more|a lot)\b|\bmarket economy\b|\bsupply chains?\b/i,
    words: 'trade',
    name: 'Trade',
    about: 'trade policy.',
  },
  'intelligence-law': {
    pattern: /\bintelligence law\b|\bChinese law\b|\bstate intelligence agency\b|\blaw authori[sz]ing\b/i,
    words: 'intelligence law',
    name: 'Intelligence law',
    about: 'China’s 2017 National Intelligence Law.',
  },
  independence: {
    pattern: /\bindependen(?:t|ce)\b|\bwholly owned by\b|\bholds? shares\b|\bintervenes?\b|\binterfere\w*\b|\bpolitical whirlpool\b/i,
    words: 'independence independent',
    name: 'Independence',
    about: 'whether Huawei is independent of the Chinese state.',
  },
  // The arrest and extradition case of Huawei's CFO: her names (`topicPeople` in names.json), the arrest, the extradition.
  extradition: {
    pattern: new RegExp(`${personWords('extradition')}|\\bextradition\\b|\\barrest(?:ed)?\\b`, 'i'),
    words: `${NAMES.topicPeople.extradition} arrest extradition`,
    name: `${NAMES.topicPeople.extradition}’s arrest and extradition`,
    about: 'the arrest of Huawei’s CFO in Canada and the US request to extradite her (2018–2021).',
  },
  security: {
    pattern: /\bnational security\b|\bsecurity (?:concerns?|of (?:its|our|these|the)|breach)\b|\bcyber[-\s]?(?:security|attack|hacking)\b|\bhacking\b|\bsecure (?:operations|network)\b|\bprivacy breaches\b/i,
    words: 'security',
    name: 'Security',
    about: 'network security.',
  },
  globalisation: {
    pattern: /\bglobali[sz](?:ation|ed|e)\b|\bglobal(?:ly)? industr/i,
    words: 'globalisation globalization',
    name: 'Globalisation',
    about: 'globalisation and supply chains.',
  },
  'operating-system': {
    pattern: /\bAndroid\b|\boperating systems?\b|\bGmail\b|\bGoogle\b/i,
    words: 'operating system Android',
    name: 'Operating system',
    about: 'Huawei’s own phone operating system.',
  },
} as const satisfies Record<string, { pattern: RegExp; words: string; name: string; about: string }>;

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

/** A topic's locale key: `topic_` + the topic with dashes as underscores (locale keys cannot hold dashes). */
export function topicMessageKey(topic: Topic): string {
  return `topic_${topic.replaceAll('-', '_')}`;
}

/** What the English locale says for one topic: its `name`, and `about` for translators. */
export interface TopicMessage {
  message: string;
  description: string;
}

/**
 * The topics' entries of `public/_locales/en/messages.json`, from the table,
 * in its order: what `npm run index` writes there and `--check` compares.
 */
export function topicMessages(): [key: string, entry: TopicMessage][] {
  return TOPICS.map((t) => [
    topicMessageKey(t),
    { message: TOPIC_TABLE[t].name, description: `Side panel: corpus topic, as a filter value and group heading: ${TOPIC_TABLE[t].about}` },
  ]);
}
