/**
 * The context rule: whether a block's generic words (sanctions, backdoor,
 * no-spy…) are about Huawei and Chinese tech. Pure functions over strings;
 * the README documents the rule with examples.
 */
import NAMES from '../vocabulary/names.json' with { type: 'json' };
import { TERMS } from '../vocabulary/terms.ts';
import { anyCase, sharedEdges, SPACE, titleOrUpper, wholeWord } from '../vocabulary/patterns.ts';

/** Counts of topic signals in a piece of text. */
export interface Signals {
  /** Huawei names and other Chinese tech companies: ZTE, SMIC, HiSilicon, Hikvision… */
  entity: number;
  /** China, Chinese, Beijing, PRC, 中国. */
  china: number;
  /** 5G, chips, semiconductors, telecoms, smartphones. */
  tech: number;
  /** Other stories that use the same words: other sanctioned countries, Apple vs FBI, NSA-Germany spying. */
  offTopic: number;
}

/** Page-level evidence, computed once per page by {@link pageContext}. */
export interface PageContext {
  onTopic: boolean;
  /**
   * The title and the body sample the context was read from: where
   * `applyContext` (matcher.ts) looks, only for a back-reference ("the
   * restrictions") in an on-topic block, for the measure it refers to.
   */
  text: string;
  /** The score {@link pageContext} compares with {@link PAGE_THRESHOLD}. */
  score: number;
  title: Signals;
  body: Signals;
}

export type DecisionReason = 'entity' | 'off-topic' | 'china-tech' | 'page' | 'none';

export interface BlockDecision {
  onTopic: boolean;
  /** Which step of the rule decided, for debugging and the README's examples. */
  reason: DecisionReason;
}

const EMPTY: Signals = { entity: 0, china: 0, tech: 0, offTopic: 0 };

/**
 * A page context, or a function computing it: only step 4 of
 * {@link decideBlock} needs the page, so most pages (no generic word, or
 * blocks that decide alone) never pay for reading it. Pass a memoized
 * function ({@link memoize}) so it is computed once.
 */
export type PageInput = PageContext | (() => PageContext);

/** `fn`, computed on the first call and remembered. */
export function memoize<T>(fn: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = fn();
      done = true;
    }
    return value;
  };
}

/** At this subject length V8 compiles a RegExp's first search to machine code (see {@link compiledNow}). */
const NATIVE_SUBJECT = ' '.repeat(1000);

/**
 * `re`, with its one-time compile paid now, and once. V8 compiles a RegExp
 * at its first search: for a subject under 1,000 characters (a block, a
 * title) to bytecode, and again to machine code at the next search; for a
 * longer one straight to machine code. So one search of a long subject
 * spares the first compile: in Node 24 the term table's first searches
 * took 13-24 ms that way and 5.0-5.4 ms after this (4 runs each).
 */
export function compiledNow(re: RegExp): RegExp {
  re.test(NATIVE_SUBJECT);
  re.lastIndex = 0;
  return re;
}

/** A page without any evidence: generic words need the block's own evidence. */
export const NEUTRAL_PAGE: PageContext = { onTopic: false, text: '', score: 0, title: EMPTY, body: EMPTY };

const word = (s: string) => anyCase(s);
const plural = (s: string) => `${anyCase(s)}(?:[sS])?`;

/**
 * The entity words: every Huawei term of the table, then the other Chinese
 * tech companies and the names a story uses alone once it has named the
 * person (`namedAlone` in names.json). Without word edges: {@link ENTITY}
 * adds them, {@link mayBeOnTopic} does without.
 */
const ENTITY_WORDS: readonly { pattern: string; wordEdges: boolean }[] = [
  ...TERMS.filter((t) => t.category === 'huawei'),
  { pattern: `ZTE|SMIC|Hikvision|HIKVISION|YMTC|CXMT|${titleOrUpper('Dahua Technology')}|${NAMES.namedAlone.map(titleOrUpper).join('|')}`, wordEdges: true },
];

/** China, Chinese, Beijing, PRC; the CJK spellings without word edges. */
const CHINA_WORDS: readonly { pattern: string; wordEdges: boolean }[] = [
  { pattern: `${titleOrUpper('China')}|${titleOrUpper('Chinese')}|${titleOrUpper('Beijing')}|PRC`, wordEdges: true },
  { pattern: '中国|中國', wordEdges: false },
];

// Word edges shared as in the matcher (see `sharedEdges`).
const ENTITY = sharedEdges(ENTITY_WORDS, (pattern) => `(?:${pattern})`);
const CHINA = sharedEdges(CHINA_WORDS, (pattern) => `(?:${pattern})`);

/** 5G, chips, semiconductors, telecoms, smartphones, network equipment. */
const TECH_WORDS: readonly { pattern: string; wordEdges: boolean }[] = [
  {
    pattern: [
      '5G',
      plural('chip'),
      plural('microchip'),
      plural('chipmaker'),
      plural('semiconductor'),
      plural('telecom'),
      word('telecommunications'),
      plural('smartphone'),
      `${word('network')}${SPACE}${word('equipment')}`,
    ].join('|'),
    wordEdges: true,
  },
];
const TECH = sharedEdges(TECH_WORDS, (pattern) => `(?:${pattern})`);

const OFF_TOPIC = [
  wholeWord(
    [
      // Other countries under US or UN sanctions.
      titleOrUpper('Russia'),
      `${titleOrUpper('Russian')}(?:s)?`,
      titleOrUpper('Moscow'),
      titleOrUpper('Kremlin'),
      titleOrUpper('Putin'),
      titleOrUpper('Iran'),
      `${titleOrUpper('Iranian')}(?:s)?`,
      titleOrUpper('Tehran'),
      `(?:North|NORTH|N\\.)${SPACE}(?:Korea|KOREA)(?:n|N)?`,
      titleOrUpper('Pyongyang'),
      'DPRK',
      titleOrUpper('Sudan'),
      titleOrUpper('Sudanese'),
      titleOrUpper('Khartoum'),
      `${titleOrUpper('Venezuela')}(?:n)?`,
      titleOrUpper('Maduro'),
      `${titleOrUpper('Syria')}(?:n)?`,
      titleOrUpper('Assad'),
      `${titleOrUpper('Cuba')}(?:n)?`,
      titleOrUpper('Belarus'),
      titleOrUpper('Myanmar'),
      // Apple vs FBI over iPhone encryption.
      'FBI',
      titleOrUpper('San Bernardino'),
      // The 2013 US-Germany no-spy talks after the NSA revelations.
      titleOrUpper('Merkel'),
      'NSA',
      'BND',
      titleOrUpper('Snowden'),
    ].join('|'),
  ),
];

/**
 * One RegExp, one group per signal kind, in {@link Signals} key order. Built
 * at first use, not when the module loads: the content script loads in every
 * frame, and most frames never hold a block worth deciding.
 */
const signals = memoize(() => compiledNow(new RegExp([ENTITY, CHINA, TECH, OFF_TOPIC].map((alts) => `(${alts.join('|')})`).join('|'), 'gu')));

/** One alternation of `words` without their word edges: matches wherever their edged forms match, and more. */
const edgeless = (words: readonly { pattern: string }[]) => new RegExp(words.map((w) => `(?:${w.pattern})`).join('|'), 'u');
const ENTITY_GATE = edgeless(ENTITY_WORDS);
const CHINA_GATE = edgeless(CHINA_WORDS);
const TECH_GATE = edgeless(TECH_WORDS);

/**
 * Whether a block with this text could hold a name or be on topic by
 * itself: it has an entity word (every Huawei term is one), or China and a
 * technology (steps 1 and 3 of {@link decideBlock}). When it cannot, its
 * generic words are ours only on an on-topic page. The words are the
 * context rule's own, without their word edges, and the edges are what is
 * dear to compile (Unicode property sets, see `sharedEdges`): in Node 24 on
 * the bench machine (load 9) these three RegExps' first searches took 2-7 ms
 * together, the signals' 15-25 ms and the term table's 55-80 ms. So a page
 * pays for those two only where a block passes.
 */
export function mayBeOnTopic(text: string): boolean {
  return ENTITY_GATE.test(text) || (CHINA_GATE.test(text) && TECH_GATE.test(text));
}

/**
 * Whether a page with this title and body text can be on topic at all
 * ({@link pageContext}): its title must be on topic by itself, or its body
 * name an entity. A cheap test that spares most pages the signal count.
 */
export function pageMayBeOnTopic(title: string, bodyText: string): boolean {
  return mayBeOnTopic(title) || ENTITY_GATE.test(bodyText);
}

/** Count the topic signals in `text` (one pass). */
export function blockSignals(text: string): Signals {
  const s = { entity: 0, china: 0, tech: 0, offTopic: 0 };
  const re = signals();
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[1] !== undefined) s.entity++;
    else if (m[2] !== undefined) s.china++;
    else if (m[3] !== undefined) s.tech++;
    else s.offTopic++;
  }
  return s;
}

/**
 * Decide a block, first matching step wins:
 * 1. the block names Huawei, its leaders or another Chinese tech company → on;
 * 2. the block names another sanctions target, Apple-vs-FBI or NSA/Merkel → off;
 * 3. the block names China and a technology (5G, chips…) → on;
 * 4. the page is on topic ({@link pageContext}) → on;
 * 5. otherwise → off.
 */
export function decideBlock(block: Signals, page: PageInput): BlockDecision {
  if (block.entity > 0) return { onTopic: true, reason: 'entity' };
  if (block.offTopic > 0) return { onTopic: false, reason: 'off-topic' };
  if (block.china > 0 && block.tech > 0) return { onTopic: true, reason: 'china-tech' };
  if ((typeof page === 'function' ? page() : page).onTopic) return { onTopic: true, reason: 'page' };
  return { onTopic: false, reason: 'none' };
}

/** A page is on topic when {@link pageContext}'s score reaches this. */
export const PAGE_THRESHOLD = 4;

/** Body signals count at most this many each, so a long page cannot outvote its title forever. */
const BODY_CAP = 8;

/**
 * Page-level evidence from the title and a sample of the body text:
 *
 *   score = 4·[title on topic] − 4·[title off topic]
 *         + ½·min(body entities, 8) − ½·min(body off-topic, 8)
 *
 * where the title is on topic when it names an entity or China plus a
 * technology, and off topic when it names an off-topic signal without being
 * on topic. The page is on topic when score ≥ 4: an on-topic title with a body
 * that is not mostly about something else, or (no telling title) a body
 * naming Huawei & co. at least 8 times more often than other targets.
 */
export function pageContext(title: string, bodyText: string): PageContext {
  const t = blockSignals(title);
  const b = blockSignals(bodyText);
  const titleOn = t.entity > 0 || (t.china > 0 && t.tech > 0);
  const titleOff = !titleOn && t.offTopic > 0;
  const score =
    (titleOn ? 4 : 0) - (titleOff ? 4 : 0) + Math.min(b.entity, BODY_CAP) / 2 - Math.min(b.offTopic, BODY_CAP) / 2;
  return { onTopic: score >= PAGE_THRESHOLD, text: `${title}\n${bodyText}`, score, title: t, body: b };
}
