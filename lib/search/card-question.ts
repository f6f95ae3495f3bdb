import type { Topic } from '../vocabulary/topics.ts';
import NAMES from '../vocabulary/names.json' with { type: 'json' };
import { KNOWN_ENTITIES } from '../vocabulary/known-entities.ts';
import { blockSignals, decideBlock, NEUTRAL_PAGE } from '../detect/context.ts';
import { isGenericTerm, matchTerms } from '../detect/matcher.ts';
import { sentenceAround, sentences } from '../detect/sentence.ts';
import type { Category } from '../vocabulary/categories.ts';
import type { Entity } from '../vocabulary/entities.ts';
import { MAX_CONTEXT, MAX_MENTION } from './limits.ts';
import { type Matter, QUERY_TOPIC_CUES, SIDE_CUES } from './card-cues.ts';

/**
 * What a card is asked, read once: the highlighted words with what the
 * detector found (category, term-table entry), the sentence they sit in and
 * the paragraph around it, and what each of those is about. The card
 * ranks statements against this; the CLI and the background build it the
 * same way, from the same inputs.
 */
export interface CardQuestion {
  mention: string;
  /** The detector's category, or null when the words are not a detector term (a free CLI query). */
  category: Category | null;
  /** The detector's term-table entry ("Entity List", "Huawei"...), or null. */
  term: string | null;
  /** The sentence holding the mention (whole paragraph when it cannot be found in it). */
  sentence: string;
  /** The paragraph (block text), clipped around the mention. */
  paragraph: string;
  /** Matters the mention itself stands for: "Entity List" is the entity list and sanctions, "no-spy agreement" the no-spy pledge. */
  mentionTopics: Matter[];
  /** Matters (corpus topics, and the card's own: `Matter`) the sentence and the paragraph are about. */
  sentenceTopics: Matter[];
  paragraphTopics: Matter[];
  /** Speaker ids the paragraph names by full name (people), or sides it names as a party ("the foreign ministry"). */
  namedSpeakers: Set<string>;
  namedSides: Set<string>;
  /**
   * The detector's context rule says the paragraph is about another story
   * (sanctions on Russia, Apple and the FBI): a generic word there is not
   * ours, whatever the card might find for it.
   */
  offTopic: boolean;
}

/** What the detector found, when the caller has it (the content script always does). */
export interface Detected {
  category?: Category | null;
  term?: string | null;
  /** Offset of the mention in the context; default: its first occurrence. */
  at?: number;
}

/**
 * Matters each detector term stands for; terms not listed stand for their
 * category's. A no-spy pledge is about spying, not backdoors: asking for
 * backdoors too would put a statement naming both (a general pledge) above
 * the one the paragraph reports.
 */
const TERM_TOPICS: Readonly<Record<string, readonly Matter[]>> = {
  'Entity List': ['entity-list', 'sanctions'],
  blacklist: ['entity-list', 'sanctions'],
  'trade blacklist': ['entity-list', 'sanctions'],
  'chip restrictions': ['chips', 'sanctions'],
  'foreign direct product rule': ['chips', 'sanctions'],
  backdoor: ['backdoor', 'no-spy'],
  'no-backdoor': ['backdoor', 'no-spy'],
  'no-backdoor agreement': ['backdoor', 'no-spy', 'pledge'],
  'no-spy': ['no-spy'],
  'no-spy agreement': ['no-spy', 'pledge'],
  // A person a topic is about (her Latin and CJK terms): `topic` in names.json.
  ...Object.fromEntries(NAMES.huaweiPeople.flatMap((p) => ('topic' in p && p.topic ? [[p.term, [p.topic as Topic]]] : []))),
};

const CATEGORY_TOPICS: Readonly<Record<Category, readonly Topic[]>> = {
  huawei: [],
  sanctions: ['sanctions'],
  'no-spy': ['no-spy', 'backdoor'],
};

/** Matters whose cue words a text has, in QUERY_TOPIC_CUES order. */
export function cueTopics(text: string): Matter[] {
  return (Object.keys(QUERY_TOPIC_CUES) as Matter[]).filter((t) => QUERY_TOPIC_CUES[t]!.test(text));
}

/** The part of `context` around `at`, at most MAX_CONTEXT characters, and `at` within it. */
function clip(context: string, at: number): { text: string; at: number } {
  if (context.length <= MAX_CONTEXT) return { text: context, at };
  const start = Math.max(0, Math.min(at - MAX_CONTEXT / 2, context.length - MAX_CONTEXT));
  return { text: context.slice(start, start + MAX_CONTEXT), at: at - start };
}

/**
 * Sanctions named as another country's ("violating sanctions against Iran
 * and North Korea"): in a paragraph that does not name Huawei, the
 * sanctions word is that story's (ZTE's Iran case), not ours, whatever the
 * page is about. With Huawei named, the Iran sanctions are Meng Wanzhou's
 * case, which the corpus has.
 */
const OTHER_TARGET = /\bsanctions? (?:against|on) (?:Iran|North Korea|Russia|Venezuela|Cuba|Syria)\b/i;

/**
 * An organisation's alias that names an institution acting ("the U.S.
 * government", "the Trump administration", "China's Foreign Ministry"), not
 * a place ("Washington", "the US").
 */
const INSTITUTION = /\s.*\b(?:government|administration|[Mm]inistry|[Dd]epartment|Bureau|leaders|officials)\b/;

/** Whether an entity named in a paragraph (`text`: the words naming it) names its side as a party: any person, an organisation by an institution's name. */
function namesSide(e: Entity, text: string): boolean {
  return e.type === 'person' || INSTITUTION.test(text);
}

/** What `isOffTopic` reads. */
interface TopicCheck {
  term: string | null;
  category: Category | null;
  sentence: string;
  paragraph: string;
  /** The caller passed the detector's answer (the content script always does). */
  fromDetector: boolean;
  /** The paragraph names the United States (any alias of a U.S. party in the entity table, or "American"): the party that sanctions. */
  namesUs: boolean;
}

/**
 * Whether a generic word (sanctions, backdoor, no-spy) is about another
 * story. The detector highlights one only where its context rule says the
 * text is ours, deciding a block without signals by the page; the card
 * trusts that when the caller passes the detector's answer. Without it (a
 * CLI question, a word the page did not decide), the paragraph alone must
 * say whose story it is: China named, or, for sanctions, the United States
 * as the party imposing them. So the EU's sanctions package, Apple's
 * backdoor and the 2013 US–Germany no-spy talks get no card.
 */
function isOffTopic({ term, category, sentence, paragraph, fromDetector, namesUs }: TopicCheck): boolean {
  if (term === null || !isGenericTerm(term)) return false;
  const signals = blockSignals(paragraph);
  const decision = decideBlock(signals, NEUTRAL_PAGE);
  if (decision.reason === 'off-topic') return true;
  if (category === 'sanctions' && OTHER_TARGET.test(sentence) && !matchTerms(paragraph).some((t) => t.category === 'huawei')) return true;
  if (fromDetector || decision.reason !== 'none') return false;
  return !(signals.china > 0 || (category === 'sanctions' && namesUs));
}

/**
 * Words that carry a paragraph's point about the dispute: an accusation, a
 * denial, concerns, evidence, or a turn ("however", "but"). News often names
 * Huawei in one sentence ("Huawei is the world's leading producer of 5G
 * technology") and makes its point in the next ("However, there is an
 * ongoing debate over data security").
 */
const CLAIM_WORDS = /\b(?:however|but|yet)\b|\baccus\w*|\balleg\w*|\bclaim\w*|\bconcerns?\b|\bfears?\b|\bworr(?:y|ies|ied)\b|\bsuspicions?\b|\bdebate\b|\bden(?:y|ies|ied)\b|\bwarn\w*|\bevidence\b/giu;

/**
 * The sentence of a paragraph that words its claim: the one with the most
 * claim words and card matters (`cueTopics`), the first on a tie; empty when
 * no sentence has either. Its matters count as the mention's sentence's
 * (`sentenceTopics`): the hovered name may sit in a sentence that only
 * introduces the company.
 */
export function claimSentence(paragraph: string): string {
  let best = '';
  let bestScore = 0;
  for (const sentence of sentences(paragraph)) {
    const score = (sentence.match(CLAIM_WORDS)?.length ?? 0) + cueTopics(sentence).length;
    if (score > bestScore) {
      best = sentence;
      bestScore = score;
    }
  }
  return best;
}

/** A name followed or preceded by a verb of speech: the paragraph reports that person's words. */
const SPEAKING_AFTER = /^(?:['’]s)?\s+(?:has |had |also |later )?(?:said|says|told|added|stressed|insisted|argued|warned|noted|claimed|suggested|declared|wrote|tweeted)\b/u;
/** A tag after the words ("..., said Trump", ”said Ren" after a quote), not "Ren said Trump is ...", where the name is what is said. */
const SPEAKING_BEFORE = /(?:[,\u201d"]\s*(?:said|says|added|told)|\baccording to)\s+$/u;
/** A name as the object of a preposition, titles between ("daughter of Huawei founder Ren Zhengfei", "remarks by President Trump"). */
const NAME_AS_OBJECT = /\b(?:of|to|for|with|by|against|about|from|on)\s+(?:(?:the|its|his|her)\s+)?(?:[\p{L}.'’-]+\s+){0,3}$/u;

export function cardQuestion(mention: string, context = '', detected: Detected = {}): CardQuestion {
  const m = String(mention).slice(0, MAX_MENTION);
  const raw = String(context);
  const found = detected.at ?? raw.toLowerCase().indexOf(m.toLowerCase());
  const { text: paragraph, at } = clip(raw, found >= 0 ? found : 0);
  const sentence = found >= 0 && paragraph ? sentenceAround(paragraph, at, at + m.length, MAX_CONTEXT) : paragraph;

  // Without the detector's answer (a CLI question), ask the detector, not another matcher.
  const own = detected.category === undefined ? matchTerms(m)[0] : undefined;
  const category = detected.category ?? own?.category ?? null;
  const term = detected.term ?? own?.term ?? null;
  const termTopics = [...(term !== null && TERM_TOPICS[term] ? TERM_TOPICS[term] : category ? CATEGORY_TOPICS[category] : [])];
  // Sanctions in a sentence about Meng Wanzhou's case are the ones she was charged under: her case is the matter.
  const mentionTopics = category === 'sanctions' && cueTopics(sentence).includes('extradition') ? ['extradition' as const] : termTopics;

  const haystack = `${m} ${paragraph}`;
  const entities = KNOWN_ENTITIES.findEntities(haystack);
  const named = entities.map((e) => ({ entity: e.entity, text: haystack.slice(e.start, e.end) }));
  const people = entities
    .filter((e) => e.entity.type === 'person')
    .map((e) => ({
      id: e.entity.id,
      full: /\s/.test(haystack.slice(e.start, e.end)),
      speaking: SPEAKING_AFTER.test(haystack.slice(e.end, e.end + 30)) || SPEAKING_BEFORE.test(haystack.slice(Math.max(0, e.start - 20), e.start)),
      object: NAME_AS_OBJECT.test(haystack.slice(Math.max(0, e.start - 60), e.start)),
    }));
  // One-word aliases ("Li", "Ren", "Zhao") name too many people; a full name or title does
  // not, and a one-word name that speaks ("Zhengfei said", "said Trump") names who speaks.
  // Where someone speaks, the others named are what they speak about ("Ren said President
  // Donald Trump is giving ..."); a name inside "the daughter of Huawei founder Ren
  // Zhengfei" is whose relative she is. Neither is the paragraph's speaker.
  const someoneSpeaks = people.some((p) => p.speaking);
  const namedSpeakers = new Set(people.filter((p) => p.speaking || (p.full && !someoneSpeaks && !p.object)).map((p) => p.id));
  const namedSides = new Set<string>([
    ...Object.entries(SIDE_CUES)
      .filter(([, re]) => re.test(paragraph))
      .map(([side]) => side),
    ...named.filter((e) => namesSide(e.entity, e.text)).map((e) => e.entity.side),
  ]);
  const namesUs = /\bAmerican\b/.test(paragraph) || named.some((e) => e.entity.side === 'us-government');

  const offTopic = isOffTopic({ term, category, sentence, paragraph, fromDetector: detected.category !== undefined, namesUs });
  const paragraphTopics = cueTopics(paragraph);
  // How a company fares despite the measures is a matter only where there is pressure to fare
  // under: a measure, or the U.S. named. Revenue, profits or an operating system of its own
  // alone are a results story or a product launch, which the corpus does not speak to.
  const measured = paragraphTopics.includes('sanctions') || mentionTopics.includes('sanctions');
  const underPressure = namesUs || measured;
  // A measure on the networks (a 5G ban, licence conditions, a left-out vendor) is the
  // security dispute, whether or not the paragraph says "security": what it asks is learned
  // (the `exclusion` row of the affinity table). Only where the text has a matter at all.
  const excluded = measured && paragraphTopics.includes('5g');
  const framed = (topics: Matter[]): Matter[] => {
    const kept = underPressure ? topics : topics.filter((t) => t !== 'resilience');
    return excluded && kept.length > 0 ? [...kept, 'exclusion'] : kept;
  };
  return {
    mention: m,
    category,
    term,
    sentence,
    paragraph,
    mentionTopics,
    sentenceTopics: framed([...new Set([...cueTopics(`${m} ${sentence}`), ...cueTopics(claimSentence(paragraph))])]),
    paragraphTopics: framed(paragraphTopics),
    namedSpeakers,
    namedSides,
    offTopic,
  };
}
