import type { Options, SearchOptions } from 'minisearch';
import { PHRASES, STOP_WORDS, SYNONYMS } from '../vocabulary/search-words.ts';

/**
 * THE MiniSearch options: `npm run index` builds the index with them, and
 * the runtime (background, side panel, CLI) processes queries with the same
 * `tokenize` and `processTerm` and searches with `PANEL_SEARCH` or
 * `CARD_SEARCH` through `postings.ts`. MiniSearch does not store tokenizer
 * or term processing in the serialized index, so a mismatch would silently
 * break search; keep every option here.
 */

/** What is indexed per statement (built by `indexer.ts`). */
export interface IndexDoc {
  id: string;
  /** The statement's verbatim text. */
  text: string;
  /** Canonical name, every alias and the role: "Ren Zhengfei Ren Zhengfei Founder and CEO, Huawei". */
  speaker: string;
  /** Topic words: "entity list blacklist" for `entity-list`. */
  topics: string;
}

/**
 * Indexed fields, in order.
 * @example a search for "Zhengfei" matches the `speaker` field of every Ren Zhengfei record.
 */
export const FIELDS: readonly (keyof IndexDoc)[] = ['text', 'speaker', 'topics'];

/**
 * Field weights: a name or topic hit says more about a record than one word
 * in a long quote.
 * @example "Zhao" ranks Zhao Lijian's own statements (speaker) above sentences that merely mention him (text).
 */
export const BOOST: Readonly<Record<'text' | 'speaker' | 'topics', number>> = { text: 1, speaker: 2, topics: 1.5 };

const CONCEPT = new Map<string, string>(SYNONYMS.flatMap((g) => g.map((w) => [w, g[0]!] as [string, string])));

/**
 * Light English stemming so "sanctions"/"sanction" and "companies"/"company"
 * meet; applied identically to documents and queries.
 * @example stem("agreements") === "agreement", stem("companies") === "company", stem("us") === "us".
 */
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/**
 * Splits text into raw tokens after phrase normalisation.
 * @example tokenize("Huawei's no-spy offer to the U.S.") => ["Huawei", "s", "nospy", "offer", "to", "the", "usa"]
 */
export function tokenize(text: string): string[] {
  let t = text;
  for (const [re, token] of PHRASES) t = t.replace(re, token);
  return t.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
}

/**
 * Lower-cases, drops stop words and one-letter tokens, stems, and adds the
 * synonym group's head word.
 * @example processTerm("Semiconductors") => ["semiconductor", "chip"]; processTerm("the") => null.
 */
export function processTerm(term: string): string | string[] | null {
  const lower = term.toLowerCase();
  if (STOP_WORDS.has(lower) || (lower.length < 2 && !/\d/.test(lower))) return null;
  const word = stem(lower);
  const concept = CONCEPT.get(word) ?? CONCEPT.get(lower);
  return concept && concept !== word ? [word, concept] : word;
}

/**
 * {@link processTerm} as a list: the forms a word is indexed under, none for
 * a stop word. The runtime compares words with the index through it.
 * @example termForms("Semiconductors") => ["semiconductor", "chip"]; termForms("the") => [].
 */
export function termForms(term: string): string[] {
  const p = processTerm(term);
  return p === null ? [] : Array.isArray(p) ? p : [p];
}

/**
 * Side-panel search: prefix matching from three letters ("sanc" finds
 * sanctions) and one typo per five letters ("Zhengfie" finds Zhengfei);
 * OR-combined, ranked by BM25 with the field boosts.
 * @example postings.search(["sanc"], PANEL_SEARCH) finds "sanctions"; postings.search(["zhengfie"], PANEL_SEARCH) finds Ren Zhengfei.
 */
export const PANEL_SEARCH: SearchOptions = {
  boost: BOOST,
  combineWith: 'OR',
  prefix: (term) => term.length >= 3,
  fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
};

/**
 * Card search: exact terms only. The mention comes from the page verbatim,
 * and a fuzzy "Meng" would drag in "means".
 * @example postings.search(["meng"], CARD_SEARCH) matches "Meng Wanzhou" records only.
 */
export const CARD_SEARCH: SearchOptions = { boost: BOOST, combineWith: 'OR', prefix: false, fuzzy: false };

/**
 * The options object for `new MiniSearch(...)` (and for `MiniSearch.loadJS`,
 * should anything load the index into MiniSearch itself, as the tests do to
 * check `postings.ts` against it). Nothing is stored in the index
 * (`storeFields: []`): results are joined with `statements.json` by id,
 * which keeps the index the background loads small.
 * @example
 * const built = new MiniSearch(INDEX_OPTIONS); built.addAll(docs); // npm run index
 * const postings = new Postings(JSON.parse(indexJson));           // runtime
 */
export const INDEX_OPTIONS: Options<IndexDoc> = {
  idField: 'id',
  fields: [...FIELDS],
  storeFields: [],
  tokenize,
  processTerm,
  searchOptions: PANEL_SEARCH,
};
