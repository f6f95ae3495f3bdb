import type { Kind, Statement, Voice } from '../data/types.ts';
import type { Side, Speaker } from '../vocabulary/entities.ts';
import type { Topic } from '../vocabulary/topics.ts';
import type { Corpus } from './load.ts';
import { termForms, tokenize } from '../data/index-options.ts';

/** One hit, as the card, the side panel and the CLI show it. */
export interface Result {
  id: string;
  kind: Kind;
  /** How the text gives the words: only a verbatim voice is shown as a quotation. */
  voice: Voice;
  speaker: Speaker;
  side: Side;
  /** Verbatim statement text. */
  text: string;
  topics: Topic[];
  /** In (0, 1], higher is better; comparable within one answer only. */
  score: number;
  source: { file: string; title: string | null; publisher: string | null; date: string | null; url: string | null };
  /** Words of `text` that matched the query, as they appear in the text (for emphasis). */
  terms: string[];
  /** Ids of the statements this one answers or disputes. */
  answers: string[];
}

/**
 * The distinct words of a statement's text, each with the index terms it
 * stands for. The same statements come back in answer after answer (a card
 * lookup, a keystroke in the side panel), and tokenizing their words (every
 * phrase rule run on every word) was about a third of a card lookup's time;
 * a text's words never change, so they are worked out once. Bounded: a panel
 * kept open on a large corpus lists many statements over its life.
 */
const textWords = new Map<string, readonly (readonly [word: string, forms: readonly string[]])[]>();
const MAX_TEXTS = 5000;

function wordsOf(text: string): readonly (readonly [string, readonly string[]])[] {
  let words = textWords.get(text);
  if (!words) {
    words = [...new Set(text.split(/[^\p{L}\p{N}-]+/u).filter(Boolean))].map((word) => [word, tokenize(word).flatMap(termForms)] as const);
    if (textWords.size >= MAX_TEXTS) textWords.clear();
    textWords.set(text, words);
  }
  return words;
}

/** Surface words of `text` whose processed form is one of `matched` (index terms). */
export function surfaceTerms(text: string, matched: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const [word, forms] of wordsOf(text)) if (forms.some((f) => matched.has(f))) out.push(word);
  return out;
}

/**
 * A statement as a result. `terms` is worked out when first read (and then
 * kept): grouping by topic and export build a result for every match, but
 * only the rendered ones show their matched words, and tokenizing every
 * matched text was most of the cost of a broad query on a large corpus. The
 * property is an own enumerable getter, so JSON and structured cloning (the
 * card's messages) still carry the value; it is written in the literal
 * (not added by `Object.defineProperty`) so that every result shares one
 * object shape, which keeps reading tens of thousands of them fast.
 */
export function toResult(corpus: Corpus, s: Statement, score: number, matched: ReadonlySet<string>): Result {
  const meta = corpus.sources.get(s.file);
  let terms: string[] | undefined;
  return {
    id: s.id,
    kind: s.kind,
    voice: s.voice,
    speaker: s.speaker,
    side: s.speaker.side,
    text: s.text,
    topics: s.topics,
    score: roundScore(score),
    source: {
      file: s.file,
      title: meta?.title ?? null,
      publisher: meta?.publisher ?? null,
      date: meta?.date ?? null,
      url: meta?.url ?? null,
    },
    answers: s.answers,
    get terms() {
      return (terms ??= surfaceTerms(s.text, matched));
    },
    set terms(value: string[]) {
      terms = value;
    },
  };
}

/** Scores are kept to four decimals, so answers print and compare the same everywhere. */
export function roundScore(score: number): number {
  return Math.round(score * 10000) / 10000;
}

