import type { Kind, Side, Topic } from '../corpus/types.ts';
import type { Result } from './result.ts';

/**
 * Faceted filtering for the side panel, over an answer `searchCorpus` (or
 * the whole corpus) already gave. Within a facet the chosen values are
 * alternatives (kind is primary OR counterclaim); facets combine with AND.
 * Counts are disjunctive, as in library catalogues: a facet's counts ignore
 * that facet's own choice, so ticking "primary" does not turn "counterclaim"
 * into 0 and the reader can see what adding it would bring.
 */

export interface FacetFilters {
  kinds?: Kind[];
  sides?: Side[];
  topics?: Topic[];
  /** Speaker ids, e.g. "liang-hua". */
  speakers?: string[];
  /** Source document file names. */
  files?: string[];
  /** Inclusive lower bound, ISO "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
  from?: string;
  /** Inclusive upper bound, same forms. */
  to?: string;
}

export type FacetKey = 'kinds' | 'sides' | 'topics' | 'speakers' | 'files';
export const FACET_KEYS: readonly FacetKey[] = ['kinds', 'sides', 'topics', 'speakers', 'files'];

/** Facet value -> how many results it would match with the other facets applied. */
export type FacetCounts = Record<FacetKey, ReadonlyMap<string, number>> & {
  /** Results left out only because their source has no date while a date range is set. */
  undated: number;
};

function valuesOf(result: Result, key: FacetKey): readonly string[] {
  switch (key) {
    case 'kinds':
      return [result.kind];
    case 'sides':
      return [result.side];
    case 'topics':
      return result.topics;
    case 'speakers':
      return [result.speaker.id];
    case 'files':
      return [result.source.file];
  }
}

/**
 * The first and last day an ISO date, possibly partial, can stand for, as
 * comparable strings ("2021-02" -> ["2021-02-01", "2021-02-31"]: day 31 is
 * an upper bound for comparison, not a calendar day). Null for a missing or
 * unreadable date.
 */
export function dateSpan(date: string | null | undefined): [string, string] | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date?.trim() ?? '');
  if (!match) return null;
  const [, y, m, d] = match;
  if (m === undefined) return [`${y}-01-01`, `${y}-12-31`];
  if (d === undefined) return [`${y}-${m}-01`, `${y}-${m}-31`];
  return [`${y}-${m}-${d}`, `${y}-${m}-${d}`];
}

/** Whether a result's source date can fall within [from, to]; undated sources fail any set bound. */
function inRange(result: Result, from: string | undefined, to: string | undefined): boolean {
  if (!from && !to) return true;
  const span = dateSpan(result.source.date);
  if (!span) return false;
  const lower = from ? dateSpan(from)?.[0] : undefined;
  const upper = to ? dateSpan(to)?.[1] : undefined;
  return (lower === undefined || span[1] >= lower) && (upper === undefined || span[0] <= upper);
}

function passesFacet(result: Result, filters: FacetFilters, key: FacetKey): boolean {
  const chosen = filters[key] as readonly string[] | undefined;
  return !chosen || chosen.length === 0 || valuesOf(result, key).some((v) => chosen.includes(v));
}

/** Whether `result` passes every filter except the facet `except` (the date range counts as one more facet). */
export function passesFilters(result: Result, filters: FacetFilters, except?: FacetKey): boolean {
  return FACET_KEYS.every((key) => key === except || passesFacet(result, filters, key)) && inRange(result, filters.from, filters.to);
}

export function applyFilters(results: readonly Result[], filters: FacetFilters): Result[] {
  return results.filter((r) => passesFilters(r, filters));
}

/** Disjunctive counts for every facet value present in `results` (see the file comment). */
export function facetCounts(results: readonly Result[], filters: FacetFilters): FacetCounts {
  const counts = Object.fromEntries(FACET_KEYS.map((k) => [k, new Map<string, number>()])) as Record<FacetKey, Map<string, number>>;
  let undated = 0;
  for (const result of results) {
    for (const key of FACET_KEYS) {
      if (!passesFilters(result, filters, key)) continue;
      for (const value of new Set(valuesOf(result, key))) counts[key].set(value, (counts[key].get(value) ?? 0) + 1);
    }
    if ((filters.from || filters.to) && dateSpan(result.source.date) === null && FACET_KEYS.every((k) => passesFacet(result, filters, k))) undated++;
  }
  return { ...counts, undated };
}

/** Whether any filter is set. */
export function hasFilters(filters: FacetFilters): boolean {
  return Boolean(filters.from || filters.to) || FACET_KEYS.some((k) => (filters[k]?.length ?? 0) > 0);
}
