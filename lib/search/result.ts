import type { Kind, Side, Speaker, Statement, Topic } from '../corpus/types.ts';
import type { Corpus } from './load.ts';
import { processTerm, tokenize } from './options.ts';

/** One hit, as the card, the side panel and the CLI show it. */
export interface Result {
  id: string;
  kind: Kind;
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

function processed(word: string): string[] {
  const p = processTerm(word);
  return p === null ? [] : Array.isArray(p) ? p : [p];
}

/** Surface words of `text` whose processed form is one of `matched` (index terms). */
export function surfaceTerms(text: string, matched: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const word of new Set(text.split(/[^\p{L}\p{N}-]+/u).filter(Boolean))) {
    const forms = tokenize(word).flatMap(processed);
    if (forms.some((f) => matched.has(f)) && !out.includes(word)) out.push(word);
  }
  return out;
}

export function toResult(corpus: Corpus, s: Statement, score: number, matched: ReadonlySet<string>): Result {
  const meta = corpus.sources.get(s.file);
  return {
    id: s.id,
    kind: s.kind,
    speaker: s.speaker,
    side: s.speaker.side,
    text: s.text,
    topics: s.topics,
    score: Math.round(score * 10000) / 10000,
    source: {
      file: s.file,
      title: meta?.title ?? null,
      publisher: meta?.publisher ?? null,
      date: meta?.date ?? null,
      url: meta?.url ?? null,
    },
    terms: surfaceTerms(s.text, matched),
    answers: s.answers,
  };
}

/** Best first; ties by id so answers are stable. */
export function byScore(a: Result, b: Result): number {
  return b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
