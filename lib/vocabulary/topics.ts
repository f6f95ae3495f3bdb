/** What a statement or a mention is about; the keys of `TOPIC_PATTERNS`. */
export type Topic =
  | 'no-spy'
  | 'backdoor'
  | 'sanctions'
  | 'entity-list'
  | 'chips'
  | '5g'
  | 'trade'
  | 'intelligence-law'
  | 'independence'
  | 'meng-wanzhou'
  | 'security'
  | 'globalisation'
  | 'operating-system';

/**
 * Topic detection: one pattern per topic, over the statement's text (plus,
 * for quotes, the words that frame them). Used at build time for statements
 * and at run time for a highlighted mention and its context, so the card
 * and the corpus agree on what "about sanctions" means.
 */
export const TOPIC_PATTERNS: Readonly<Record<Topic, RegExp>> = {
  // "no-spy" pledges and the spying fears they answer.
  'no-spy':
    /\bno[-\s]?spy\b|\bspy(?:ing|ware)?\b|\bspies\b|\bespionage\b|\bsurveillance\b|\bcollect intelligence\b|\bcould be used by [^.]{0,30}\bgovernment\b/i,
  backdoor: /\b(?:no-)?back[-\s]?doors?\b/i,
  sanctions:
    /\bsanction(?:s|ed)?\b|\bbans?\b|\bbanned\b|\bbanning\b|\brestrict(?:ed|ions?|s)?\b|\bcrack(?:ing)?[-\s]?down\b|\bcrackdown\b|\bblacklist(?:ed)?\b|\bprohibits?\b|\btrade restrictions\b|\bexport controls?\b|\bcancell?ed licen[cs]es\b/i,
  'entity-list': /\bentity[-\s]list\b|\bblacklist(?:ed)?\b/i,
  chips: /\bchips?\b|\bsemiconductors?\b|\bchipsets?\b/i,
  '5g': /\b5G\b/i,
  trade:
    /\btrade\b|\btrading\b|\btariffs?\b|\bexports?\b|\bimports?\b|\bwin-win\b|\bsupply goods\b|\b(?:buy|buying|bought|sell|selling|sold) (?:from|to|more|a lot)\b|\bmarket economy\b|\bsupply chains?\b/i,
  'intelligence-law': /\bintelligence law\b|\bChinese law\b|\bstate intelligence agency\b|\blaw authori[sz]ing\b/i,
  independence:
    /\bindependen(?:t|ce)\b|\bwholly owned by\b|\bholds? shares\b|\bintervenes?\b|\binterfere\w*\b|\bpolitical whirlpool\b/i,
  'meng-wanzhou': /\bMeng\b|\bWanzhou\b|\bextradition\b|\barrest(?:ed)?\b/i,
  security:
    /\bnational security\b|\bsecurity (?:concerns?|of (?:its|our|these|the)|breach)\b|\bcyber[-\s]?(?:security|attack|hacking)\b|\bhacking\b|\bsecure (?:operations|network)\b|\bprivacy breaches\b/i,
  globalisation: /\bglobali[sz](?:ation|ed|e)\b|\bglobal(?:ly)? industr/i,
  'operating-system': /\bAndroid\b|\boperating systems?\b|\bGmail\b|\bGoogle\b/i,
};

export const TOPICS = Object.keys(TOPIC_PATTERNS) as Topic[];

/** Topics the text talks about, in the fixed order of `TOPICS`. */
export function detectTopics(text: string): Topic[] {
  return TOPICS.filter((t) => TOPIC_PATTERNS[t].test(text));
}

/**
 * Topics a reader asking about one topic also wants, at half weight: an
 * Entity List listing is a sanction; a backdoor is what a no-spy pledge
 * rules out.
 * @example a card for "Entity List" also shows statements about US sanctions.
 */
export const BROADER: Readonly<Partial<Record<Topic, readonly Topic[]>>> = {
  'entity-list': ['sanctions'],
  chips: ['sanctions'],
  backdoor: ['no-spy'],
  'no-spy': ['backdoor'],
  'intelligence-law': ['no-spy', 'backdoor'],
};

/** Words a reader may use for a topic; indexed with each statement so "blacklist" finds Entity List records. */
export const TOPIC_WORDS: Readonly<Record<Topic, string>> = {
  'no-spy': 'no-spy spying spy surveillance espionage',
  backdoor: 'backdoor back door',
  sanctions: 'sanctions ban restrictions crackdown',
  'entity-list': 'entity list blacklist',
  chips: 'chips semiconductors',
  '5g': '5G networks',
  trade: 'trade',
  'intelligence-law': 'intelligence law',
  independence: 'independence independent',
  'meng-wanzhou': 'Meng Wanzhou arrest extradition',
  security: 'security',
  globalisation: 'globalisation globalization',
  'operating-system': 'operating system Android',
};
