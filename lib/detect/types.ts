import type { Category } from '../vocabulary/categories.ts';

/**
 * Plain data shared by the matcher, the context rule and the DOM scanner.
 * Nothing here touches the DOM, so the types are usable in any runtime.
 */

/** One occurrence of a term in a string. Offsets are UTF-16, end exclusive. */
export interface Mention {
  category: Category;
  start: number;
  end: number;
  /** Exactly `text.slice(start, end)` of the searched string. */
  text: string;
  /** Canonical name of the matched term-table entry, e.g. "no-spy agreement". */
  term: string;
}
