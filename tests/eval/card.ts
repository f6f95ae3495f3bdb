/**
 * The card relevance development set (`tests/fixtures/card/paragraphs.json`):
 * its format, how its labels resolve to corpus statements, and the metrics.
 * Pure: text and data in, numbers out. Running the detector and the card
 * lookup on each paragraph is `card-run.ts`; printing is
 * `scripts/eval-card.ts`. The format is the one agreed in the fixture
 * README (`tests/fixtures/card/README.md`).
 */
import type { Statement } from '../../lib/data/types.ts';

/** A relevant statement, named by a fragment of its text so labels survive id changes. */
export interface RelevantLabel {
  /** File name in `seeds/`. */
  file: string;
  /** Verbatim fragment (6+ words) of the statement's text. */
  quote: string;
}

export interface CardItem {
  id: string;
  url: string;
  publisher: string;
  date: string | null;
  /**
   * The article's headline, when the stored page shows it. Optional: the
   * detector's page context (`pageContext(title, body)`) reads it, as the
   * content script reads `document.title`.
   */
  title?: string;
  /** Verbatim paragraph of the real article: the block the card's context is. */
  paragraph: string;
  /** Exact substring of `paragraph`: what the reader hovers (first occurrence). */
  mention: string;
  /** What a careful reader wants on the card; empty when nothing in the corpus fits. */
  relevant: RelevantLabel[];
  /** The same words used about something else (Russia sanctions, Apple's backdoor, a phone review). */
  offTopic?: boolean;
  note: string;
}

/** Labels shorter than this could match statements by accident. */
export const MIN_QUOTE_WORDS = 6;

function isString(v: unknown): v is string {
  return typeof v === 'string';
}

/** 1-based line of the `n`-th (0-based) item's `"id"` key in the fixture's text, or null. */
function lineOfItem(text: string, n: number): number | null {
  const at = [...text.matchAll(/"id"\s*:/g)][n]?.index;
  return at === undefined ? null : text.slice(0, at).split('\n').length;
}

/**
 * Checks the parsed fixture and returns it typed. Throws an error naming the
 * file, the line (when `text`, the file's text, is given) and the item
 * (index and id) on the first malformed one: a typo in a hand-written
 * fixture should say where it is.
 */
export function parseItems(json: unknown, file: string, text?: string): CardItem[] {
  if (!Array.isArray(json)) throw new Error(`${file}: expected an array of paragraphs`);
  const ids = new Set<string>();
  return json.map((raw: unknown, i) => {
    const line = text === undefined ? null : lineOfItem(text, i);
    const id = raw && typeof raw === 'object' && isString((raw as { id?: unknown }).id) ? ` (${(raw as { id: string }).id})` : '';
    const where = `${file}${line === null ? '' : `:${line}`}: item ${i}${id}`;
    if (!raw || typeof raw !== 'object') throw new Error(`${where}: expected an object`);
    const o = raw as Record<string, unknown>;
    for (const key of ['id', 'url', 'publisher', 'paragraph', 'mention', 'note'] as const) {
      if (!isString(o[key]) || o[key] === '') throw new Error(`${where}: "${key}" must be a non-empty string`);
    }
    if (o.date !== null && !(isString(o.date) && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(o.date))) {
      throw new Error(`${where}: "date" must be YYYY[-MM[-DD]] or null`);
    }
    if (o.title !== undefined && !isString(o.title)) throw new Error(`${where}: "title" must be a string when given`);
    if (o.offTopic !== undefined && typeof o.offTopic !== 'boolean') throw new Error(`${where}: "offTopic" must be a boolean when given`);
    if (ids.has(o.id as string)) throw new Error(`${where}: duplicate id`);
    ids.add(o.id as string);
    if (!(o.paragraph as string).includes(o.mention as string)) throw new Error(`${where}: "mention" is not a substring of "paragraph"`);
    if (!Array.isArray(o.relevant)) throw new Error(`${where}: "relevant" must be an array`);
    const relevant = o.relevant.map((r: unknown, j) => {
      const rel = r as Record<string, unknown> | null;
      if (!rel || !isString(rel.file) || !isString(rel.quote)) throw new Error(`${where}: relevant[${j}] needs "file" and "quote" strings`);
      if (words(rel.quote) < MIN_QUOTE_WORDS) throw new Error(`${where}: relevant[${j}] quote has fewer than ${MIN_QUOTE_WORDS} words`);
      return { file: rel.file, quote: rel.quote };
    });
    if (o.offTopic === true && relevant.length > 0) throw new Error(`${where}: an offTopic item must have "relevant": []`);
    return { ...(o as unknown as CardItem), relevant };
  });
}

function words(text: string): number {
  return text.trim().split(/\s+/u).filter(Boolean).length;
}

/** Text compared case-, quote- and whitespace-insensitively (curly and straight quotes are one). */
export function normalise(text: string): string {
  return text
    .replace(/[‘’‚‛′`]/gu, "'")
    .replace(/[“”„‟″]/gu, '"')
    .replace(/\s+/gu, ' ')
    .trim()
    .toLowerCase();
}

/**
 * Ids of the statements a label names: those of `label.file` whose text
 * holds the quote, and those kept in place of an identical quote in that
 * file (a duplicate's text is read from the seed, `seedText(file)`).
 * Empty means the label is stale (the corpus changed, or a typo).
 */
export function resolveLabel(label: RelevantLabel, statements: readonly Statement[], seedText: (file: string) => string): string[] {
  const quote = normalise(label.quote);
  const out: string[] = [];
  for (const s of statements) {
    const own = s.file === label.file && normalise(s.text).includes(quote);
    const dup =
      !own &&
      s.duplicates.some((d) => d.file === label.file && normalise(seedText(d.file).slice(d.span[0], d.span[1])).includes(quote));
    if (own || dup) out.push(s.id);
  }
  return out;
}

export interface StaleLabel {
  item: string;
  file: string;
  quote: string;
}

/** Every label resolved, item by item (`relevant[i]` → ids), and the stale ones. */
export function resolveAll(
  items: readonly CardItem[],
  statements: readonly Statement[],
  seedText: (file: string) => string,
): { resolved: Map<string, string[][]>; stale: StaleLabel[] } {
  const resolved = new Map<string, string[][]>();
  const stale: StaleLabel[] = [];
  for (const item of items) {
    const sets = item.relevant.map((label) => resolveLabel(label, statements, seedText));
    sets.forEach((ids, i) => {
      if (ids.length === 0) stale.push({ item: item.id, file: item.relevant[i]!.file, quote: item.relevant[i]!.quote });
    });
    resolved.set(item.id, sets);
  }
  return { resolved, stale };
}

/** How one card (statement ids, best first) answers one paragraph's labels. */
export interface ItemScore {
  /** A relevant statement among the first 3. */
  hit3: boolean;
  /** Share of the labels with a statement among the first 5. */
  recall5: number;
  /** 1 / rank of the first relevant statement, 0 when none is shown. */
  rr: number;
}

/**
 * Scores a ranked card against the labels' resolved id sets. A label counts
 * once, however many statements it resolves to (a quote kept in two
 * documents is one thing the reader wants).
 */
export function scoreItem(ranked: readonly string[], labels: readonly (readonly string[])[]): ItemScore {
  const rankOf = (ids: readonly string[]) => {
    const ranks = ids.map((id) => ranked.indexOf(id)).filter((r) => r >= 0);
    return ranks.length === 0 ? Infinity : Math.min(...ranks);
  };
  const ranks = labels.map(rankOf);
  const first = Math.min(...ranks);
  return {
    hit3: first < 3,
    recall5: labels.length === 0 ? 0 : ranks.filter((r) => r < 5).length / labels.length,
    rr: Number.isFinite(first) ? 1 / (first + 1) : 0,
  };
}

export interface Totals {
  /** Paragraphs with at least one relevant statement. */
  answerable: number;
  hit3: number;
  recall5: number;
  mrr: number;
  /** Paragraphs labelled `relevant: []`. */
  empty: number;
  /** Share of those answered with an empty card. */
  emptyRate: number;
}

/** Means over the answerable paragraphs, and the empty-card rate over the others (0 when there are none). */
export function totals(scores: readonly ItemScore[], emptyAnswers: readonly boolean[]): Totals {
  const mean = (f: (s: ItemScore) => number) => (scores.length === 0 ? 0 : scores.reduce((a, s) => a + f(s), 0) / scores.length);
  return {
    answerable: scores.length,
    hit3: mean((s) => (s.hit3 ? 1 : 0)),
    recall5: mean((s) => s.recall5),
    mrr: mean((s) => s.rr),
    empty: emptyAnswers.length,
    emptyRate: emptyAnswers.length === 0 ? 0 : emptyAnswers.filter(Boolean).length / emptyAnswers.length,
  };
}
