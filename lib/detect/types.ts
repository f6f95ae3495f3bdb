/**
 * Plain data shared by the matcher, the context rule and the DOM scanner.
 * Nothing here touches the DOM, so the types are usable in any runtime.
 */

/** What a mention is about; drives the highlight colour and the card. */
export type Category = 'huawei' | 'sanctions' | 'no-spy';

export const CATEGORIES: readonly Category[] = ['huawei', 'sanctions', 'no-spy'];

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
