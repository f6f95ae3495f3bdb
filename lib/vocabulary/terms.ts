/**
 * The term table: every word or phrase the extension highlights, its
 * category, its case rule and whether the surrounding text must confirm the
 * topic first. `matcher.ts` compiles the whole table into one RegExp, so the
 * table order matters: when two entries can match at the same position the
 * earlier one wins, hence longer phrases come before their prefixes
 * ("Huawei Technologies" before "Huawei", "no-spy agreement" before "no-spy").
 */
import type { Category } from './categories.ts';
import NAMES from './names.json' with { type: 'json' };
import { anyCase, anyCasePhrase, APOSTROPHE, DASH, escapeLiteral, JOIN, POSSESSIVE, SPACE, titleOrUpper } from './patterns.ts';

export interface TermDef {
  /** Canonical name, reported as `Mention.term`. */
  term: string;
  category: Category;
  /**
   * True for everyday words (sanctions, backdoor, no-spy…) that are only ours
   * when the block or page is about Huawei or Chinese tech (see context.ts).
   * False for names, which always refer to Huawei.
   */
  generic: boolean;
  /** RegExp source (`u` flag, case spelled out, no capturing groups). */
  pattern: string;
  /**
   * Latin-script terms get Unicode word edges. CJK terms do not: Chinese is
   * written without spaces, so a name is found inside running text.
   */
  wordEdges: boolean;
  /**
   * A back-reference to a measure named before ("the restrictions", "this
   * ban"): it names nothing itself, so it is ours only where the block is on
   * topic and the block or the page also names the measure in words of its
   * own (`applyContext` in matcher.ts). Covid-19 lockdown "restrictions" on a
   * page about Chinese factories are not.
   */
  backReference?: true;
}

/** "ban" -> bans/ban, any case. */
const plural = (word: string) => `${anyCase(word)}(?:[sS])?`;

/** Nouns that turn "no-spy" into one longer mention: "no-spy agreement". */
const PLEDGE_NOUNS = `(?:${['agreement', 'pledge', 'deal', 'commitment', 'promise', 'accord', 'treaty', 'clause', 'contract', 'guarantee']
  .map(plural)
  .join('|')})`;

/** blacklist, black-list, blacklists, blacklisted, blacklisting; any case. */
const BLACKLIST = `${anyCase('black')}${DASH}?${anyCase('list')}(?:${anyCase('s')}|${anyCase('ed')}|${anyCase('ing')})?`;

/**
 * Who US sanctions are aimed at, as news names them after "on", "against"
 * or a verb: Huawei and the other Chinese tech names, China, "the Chinese
 * company", "the tech giant". A sanction word is only taken for ours when
 * one of these follows it closely (see the phrase terms below), so "a ban on
 * the import of" Russian steel or a court's "publication ban" are not.
 */
const TARGET =
  `(?:${anyCase('Huawei')}|ZTE|HiSilicon|SMIC|China|Chinese|Beijing|` +
  `(?:the${SPACE})?(?:Chinese${SPACE})?(?:company|firm|tech${SPACE}giant|telecoms?${SPACE}(?:equipment${SPACE})?(?:giant|maker|company|firm))s?|` +
  // A company named by its rank: "the world’s second-largest smartphone producer".
  `the${SPACE}world${APOSTROPHE}s${SPACE}(?:[^\\s.;:!?]+${SPACE}){1,3}(?:maker|producer|vendor|supplier|manufacturer)s?)`;

/** The United States as the party acting: "the restrictions the U.S. placed on". */
const US_PARTY = `(?:U\\.S\\.|US|United${SPACE}States|Washington|American${SPACE}government)`;

/** What a sanction verb acts on besides a TARGET: "ban U.S. companies from", "block shipments of chips", "banned further US investment". */
const TRADE_OBJECT = `(?:${plural('shipment')}|${anyCase('equipment')}|${anyCase('gear')}|${plural('product')}|${plural('export')}|${plural('sale')}|${plural('supply')}|supplies|access|investment|${plural('chip')}|${plural('semiconductor')}|${plural('component')}|${anyCase('compan')}(?:y|ies)|${plural('firm')}|${plural('supplier')})`;

/** Up to `n` words between a sanction word and what it is aimed at. */
const WORDS_UPTO = (n: number) => `(?:[^\\s.;:!?]+\\s+){0,${n}}?`;

/** Words before a sanction noun that make it one: "U.S. restrictions", "further curbs", "the Huawei ban", "trade embargo", a US leader's ban (`names.json`), not "new": Covid-19 brought new restrictions too. */
const SANCTION_MODIFIER = `(?:U\\.S\\.|US|American|Washington${APOSTROPHE}s|${NAMES.sanctioningLeaders.map((name) => `${escapeLiteral(name)}${APOSTROPHE}s`).join('|')}|${anyCase('Huawei')}|5G|${anyCase('trade')}|${anyCase('technology')}|${anyCase('tech')}|${anyCase('further')}|${anyCase('tighter')}|${anyCase('tightened')})`;

const NO_SPY = `(?:${anyCase('no')}${JOIN}${anyCase('spy')}(?:${anyCase('ing')})?|${anyCase('no')}(?:${anyCase('n')})?${JOIN}${anyCase('espionage')})`;
const NO_BACKDOOR = `${anyCase('no')}${JOIN}${anyCase('back')}(?:${JOIN})?${plural('door')}`;

/**
 * Huawei's people, always ours: one term per entry of `names.json` (the
 * names are data; adding a person is an entry there). A Latin-script name
 * in Title case or ALL CAPS, possessive allowed, within word edges; a CJK
 * name as written, inside running text.
 */
const HUAWEI_PEOPLE: readonly TermDef[] = NAMES.huaweiPeople.map(({ term, names }) => {
  const latin = names.every((name) => /\p{Script=Latin}/u.test(name));
  return {
    term,
    category: 'huawei',
    generic: false,
    pattern: latin ? `(?:${names.map(titleOrUpper).join('|')})${POSSESSIVE}` : names.map(escapeLiteral).join('|'),
    wordEdges: latin,
  };
});

/**
 * Chinese 华为/華為 is also the tail of common words ending in 华 followed by
 * the verb 为 ("中华为…", "升华为…" = "sublimates into"); those are excluded.
 */
const HUA_WORDS_SIMPLIFIED = '中升精繁才豪奢年风光京清韶浮芳荣物';
const HUA_WORDS_TRADITIONAL = '中昇升精繁才豪奢年風光京清韶浮芳榮物';

export const TERMS: readonly TermDef[] = [
  // --- huawei: names, always ours -------------------------------------------
  {
    term: 'Huawei Technologies',
    category: 'huawei',
    generic: false,
    pattern: `${anyCasePhrase('Huawei Technologies')}${POSSESSIVE}`,
    wordEdges: true,
  },
  {
    term: 'Huawei',
    category: 'huawei',
    generic: false,
    // "Huaweis" is the possessive without its apostrophe (German, and hurried English): no other word is spelled so.
    pattern: `${anyCase('Huawei')}(?:${POSSESSIVE}|s)`,
    wordEdges: true,
  },
  ...HUAWEI_PEOPLE.filter((p) => p.wordEdges),
  {
    term: 'Futurewei',
    category: 'huawei',
    generic: false,
    pattern: `(?:Futurewei|FutureWei|FUTUREWEI)${POSSESSIVE}`,
    wordEdges: true,
  },
  {
    term: 'HiSilicon',
    category: 'huawei',
    generic: false,
    pattern: `(?:HiSilicon|Hisilicon|HISILICON)${POSSESSIVE}`,
    wordEdges: true,
  },
  {
    term: '华为',
    category: 'huawei',
    generic: false,
    pattern: `(?<![${HUA_WORDS_SIMPLIFIED}])华为|(?<![${HUA_WORDS_TRADITIONAL}])華為`,
    wordEdges: false,
  },
  ...HUAWEI_PEOPLE.filter((p) => !p.wordEdges),

  // --- sanctions: generic, context decides ----------------------------------
  {
    term: 'chip restrictions',
    category: 'sanctions',
    generic: true,
    pattern:
      `(?:${plural('chip')}|${plural('microchip')}|${plural('semiconductor')})${JOIN}` +
      `(?:${anyCase('export')}${JOIN})?` +
      `(?:${plural('restriction')}|${plural('curb')}|${plural('ban')}|${plural('control')}|${plural('rule')}|${plural('sanction')}|${anyCase('embargo')}(?:${anyCase('es')})?)`,
    wordEdges: true,
  },
  {
    term: 'Entity List',
    category: 'sanctions',
    generic: true,
    // Lower case only where it cannot be the everyday phrase: Huawei's, the US's, "the so-called" list, a company put "on the" list or taken "off" it, or "entity list sanctions".
    pattern:
      `(?:Entity|ENTITY)${JOIN}(?:[Ll]ist|LIST)` +
      `|(?<=(?:Huawei|U\\.S\\.|US|America|American|Commerce|its|(?:on|to|from|off)${SPACE}the|the${SPACE}so${DASH}called)(?:${APOSTROPHE}s)?${SPACE}[“"]?)entity${JOIN}list|entity${SPACE}list(?=${SPACE}${anyCase('sanction')})`,
    wordEdges: true,
  },
  {
    term: 'export controls',
    category: 'sanctions',
    generic: true,
    pattern: `${anyCase('export')}${JOIN}(?:${plural('ban')}|${plural('control')}|${plural('restriction')}|${plural('curb')}|${plural('rule')}|${plural('licen')}(?:ce|se)s?|${BLACKLIST})`,
    wordEdges: true,
  },
  {
    term: 'trade blacklist',
    category: 'sanctions',
    generic: true,
    pattern: `${anyCase('trade')}${JOIN}${BLACKLIST}`,
    wordEdges: true,
  },
  {
    term: 'foreign direct product rule',
    category: 'sanctions',
    generic: true,
    // The acronym may stand in parentheses before "rule": "foreign-produced direct product (FDP) rule".
    pattern: `${anyCase('foreign')}(?:${JOIN}${anyCase('produced')})?${JOIN}${anyCasePhrase('direct product', JOIN)}${SPACE}(?:\\(FDP\\)${SPACE})?${plural('rule')}|FDPR`,
    wordEdges: true,
  },
  {
    term: 'blacklist',
    category: 'sanctions',
    generic: true,
    pattern: BLACKLIST,
    wordEdges: true,
  },
  {
    term: 'sanctions',
    category: 'sanctions',
    generic: true,
    pattern: `${anyCase('sanction')}(?:${anyCase('s')}|${anyCase('ed')}|${anyCase('ing')})?`,
    wordEdges: true,
  },
  // Sanctions described without the word: the news calls them a crackdown,
  // curbs, restrictions, a ban, cutting Huawei off.
  {
    term: 'crackdown',
    category: 'sanctions',
    generic: true,
    pattern: `(?:${anyCase('crack')}|${anyCase('clamp')})${DASH}?${anyCase('down')}(?:[sS])?|(?:${anyCase('crack')}|${anyCase('clamp')})(?:${anyCase('s')}|${anyCase('ed')}|${anyCase('ing')})?${SPACE}${anyCase('down')}`,
    wordEdges: true,
  },
  {
    term: 'restrictions',
    category: 'sanctions',
    generic: true,
    pattern:
      `(?:(?<=${SANCTION_MODIFIER}${SPACE}(?:[^\\s.;:!?]+${SPACE})?)(?:${plural('restriction')}|${plural('curb')}|${plural('ban')}|${anyCase('embargo')}(?:${anyCase('es')})?)` +
      `|(?:${plural('restriction')}|${plural('curb')}|${plural('limit')}|${plural('ban')}|${anyCase('embargo')}(?:${anyCase('es')})?)` +
      `(?=${SPACE}(?:${anyCase('on')}|${anyCase('against')}|${anyCase('targeting')})${SPACE}${WORDS_UPTO(2)}(?:${TARGET}|${TRADE_OBJECT})` +
      `|${SPACE}(?:(?:that|which)${SPACE})?(?:the${SPACE})?${US_PARTY}${SPACE}(?:has${SPACE}|had${SPACE})?(?:placed|imposed|put)` +
      `|${SPACE}(?:designed|aimed|meant|intended)${SPACE}(?:to|at)${SPACE}${WORDS_UPTO(2)}${TARGET}))`,
    wordEdges: true,
  },
  {
    term: 'ban',
    category: 'sanctions',
    generic: true,
    pattern:
      `(?:${anyCase('ban')}(?:${anyCase('s')}|${anyCase('ned')}|${anyCase('ning')})?|${anyCase('bar')}(?:${anyCase('s')}|${anyCase('red')}|${anyCase('ring')})?|` +
      `${anyCase('block')}(?:${anyCase('s')}|${anyCase('ed')}|${anyCase('ing')})?|${anyCase('restrict')}(?:${anyCase('s')}|${anyCase('ed')}|${anyCase('ing')})?|` +
      `${anyCase('limit')}(?:${anyCase('s')}|${anyCase('ed')}|${anyCase('ing')})?)` +
      `(?=${SPACE}${WORDS_UPTO(2)}(?:${TARGET}|(?:U\\.S\\.|US|American|global|foreign)${SPACE}${TRADE_OBJECT}|${TRADE_OBJECT}))` +
      // Passive: "Huawei was barred from", "companies will be banned from buying", "banned by the United States".
      `|(?:${anyCase('banned')}|${anyCase('barred')}|${anyCase('blocked')}|${anyCase('restricted')})(?=${SPACE}(?:${anyCase('from')}|${anyCase('by')}${SPACE}(?:the${SPACE})?${US_PARTY}))`,
    wordEdges: true,
  },
  // "The restrictions in place since 2019", "this restriction", "the full effect of the ban":
  // a determiner and up to two words before the noun (not "to": "the decision to ban" is the
  // verb), and nothing after it that says what it is on ("the ban on Russian oil" is the phrase
  // terms' to decide).
  {
    term: 'the restrictions',
    category: 'sanctions',
    generic: true,
    backReference: true,
    pattern:
      `(?<=(?:${anyCase('the')}|${anyCase('this')}|${anyCase('these')}|${anyCase('those')}|${anyCase('such')})${SPACE}(?:(?!${anyCase('to')}${SPACE})[^\\s.;:!?]+${SPACE}){0,2}?)` +
      `(?:${plural('restriction')}|${plural('ban')}|${plural('curb')}|${anyCase('embargo')}(?:${anyCase('es')})?)` +
      `(?!${SPACE}(?:${anyCase('on')}|${anyCase('against')}|${anyCase('of')}|${anyCase('for')})\\b)`,
    wordEdges: true,
  },
  {
    term: 'cut off',
    category: 'sanctions',
    generic: true,
    pattern: `${anyCase('cut')}(?:${anyCase('s')}|${anyCase('ting')})?(?:${SPACE}${anyCase('off')}|(?=${SPACE}${TARGET}(?:${APOSTROPHE}[sS])?${SPACE}(?:${anyCase('off')}|${anyCase('from')}|${anyCase('out')})))`,
    wordEdges: true,
  },

  // --- no-spy: generic, context decides -------------------------------------
  {
    term: 'no-spy agreement',
    category: 'no-spy',
    generic: true,
    pattern: `${NO_SPY}${JOIN}${PLEDGE_NOUNS}`,
    wordEdges: true,
  },
  {
    term: 'no-backdoor agreement',
    category: 'no-spy',
    generic: true,
    pattern: `${NO_BACKDOOR}${JOIN}${PLEDGE_NOUNS}`,
    wordEdges: true,
  },
  {
    term: 'no-spy',
    category: 'no-spy',
    generic: true,
    pattern: NO_SPY,
    wordEdges: true,
  },
  {
    term: 'no-backdoor',
    category: 'no-spy',
    generic: true,
    pattern: NO_BACKDOOR,
    wordEdges: true,
  },
  {
    term: 'backdoor',
    category: 'no-spy',
    generic: true,
    pattern: `${anyCase('back')}(?:${JOIN})?${plural('door')}`,
    wordEdges: true,
  },
];

/**
 * A text a term must match in full: the whole text, or for a term that only
 * counts in a phrase (a "ban" on Huawei, not a publication ban)
 * `[phrase, mention]`, where exactly the mention is matched in the phrase.
 */
export type TermExample = string | readonly [phrase: string, mention: string];

/**
 * Each term's examples, for the tests and the README. Apart from `TERMS`:
 * the content script ships the table, and nothing there reads these (they
 * were 3 KB of its 40).
 */
const EXAMPLES: Readonly<Record<string, readonly TermExample[]>> = {
  'Huawei Technologies': ['Huawei Technologies', 'HUAWEI TECHNOLOGIES', 'Huawei\u00a0Technologies’s'],
  'Huawei': ['Huawei', 'HUAWEI', 'huawei', "Huawei's", 'Huawei’s', 'Huaweis'],
  'Futurewei': ['Futurewei', 'FutureWei', "Futurewei's"],
  'HiSilicon': ['HiSilicon', 'Hisilicon', 'HISILICON', "HiSilicon's"],
  '华为': ['华为', '華為'],
  'chip restrictions': ['chip restrictions', 'chip curbs', 'chip ban', 'chip rules', 'semiconductor export controls', 'Chips Embargo', 'microchip sanctions'],
  'Entity List': ['Entity List', 'ENTITY LIST', 'Entity list', 'Entity-list', ['the sanctions on Huawei’s entity list', 'entity list'], ['entity list sanctions', 'entity list'], ['the so-called American entity list', 'entity list'], ['reverse on the entity list that prevents', 'entity list']],
  'export controls': ['export ban', 'export bans', 'Export Controls', 'export-control', 'export restrictions', 'export blacklist', 'export rule', 'export curbs', 'export licences'],
  'trade blacklist': ['trade blacklist', 'Trade Blacklists', 'trade-blacklisted', 'trade black-list'],
  'foreign direct product rule': ['foreign direct product rule', 'Foreign Direct Product Rules', 'foreign-direct-product rule', 'foreign-produced direct product rule', 'foreign-produced direct product (FDP) rule', 'FDPR'],
  'blacklist': ['blacklist', 'blacklisted', 'Blacklisting', 'black-listed', 'BLACKLISTS'],
  'sanctions': ['sanction', 'sanctions', 'Sanctioned', 'SANCTIONING'],
  'crackdown': ['crackdown', 'crack-down', 'Crackdowns', 'cracks down', 'cracking down', 'cracked down', 'Clampdown', 'clamping down'],
  'restrictions': [
    ['US tightens restrictions on Huawei', 'restrictions'],
    ['imposes further restrictions', 'restrictions'],
    ['new limits on Huawei', 'limits'],
    ['the ban against the Chinese company', 'ban'],
    ['U.S. trade curbs', 'curbs'],
    ['curbs on exports to ZTE', 'curbs'],
    ['restrictions on the export of U.S. technology', 'restrictions'],
    ['a series of restrictions the U.S. placed on', 'restrictions'],
    ['the so-called HUAWEI ban', 'ban'],
    ['sweeping new curbs designed to curtail China’s', 'curbs'],
    ['the newest restrictions on the world’s second-largest smartphone producer', 'restrictions'],
  ],
  'ban': [
    ['effectively banning Chinese tech giant Huawei', 'banning'],
    ['moved to ban U.S. companies from', 'ban'],
    ['will further block Huawei from', 'block'],
    ['moved to block shipments of semiconductors', 'block'],
    ['banned further US investment', 'banned'],
    ['limit access to Huawei', 'limit'],
    ['Huawei was barred from conducting business', 'barred'],
    ['has been banned by the United States', 'banned'],
  ],
  'the restrictions': [
    ['The restrictions in place since 2019', 'restrictions'],
    ['further strengthen this restriction with a new chip rule', 'restriction'],
    ['the full effect of the ban until the end of the year', 'ban'],
    ['undermine these national security-based restrictions', 'restrictions'],
    ['If adopted, the restrictions could target', 'restrictions'],
    ['such curbs', 'curbs'],
  ],
  'cut off': ['cut off', 'cuts off', 'cutting off', ['Moves to Cut Huawei Off', 'Cut'], ['measures to cut Huawei from the global chip', 'cut']],
  'no-spy agreement': ['no-spy agreement', 'No-Spy Pledge', 'no\u2011spy deals', 'no spy commitment', 'no-spying agreements'],
  'no-backdoor agreement': ['no-backdoor agreement', 'no back door pledge', 'No-Backdoors Commitment'],
  'no-spy': ['no-spy', 'no\u2011spy', 'no\u2010spy', 'no\u2012spy', 'no\u2013spy', 'no\u00adspy', 'no spy', 'NO-SPY', 'no-spying'],
  'no-backdoor': ['no-backdoor', 'no backdoors', 'no-back-door', 'No Back Doors'],
  'backdoor': ['backdoor', 'backdoors', 'back door', 'back doors', 'back-door', 'Backdoor', 'BACKDOORS'],
};

/** The examples of a term of the table (a person's are in names.json). */
export function examplesOf(term: string): readonly TermExample[] {
  return EXAMPLES[term] ?? NAMES.huaweiPeople.find((p) => p.term === term)?.examples ?? [];
}
