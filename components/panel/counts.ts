/**
 * Counts as the panel shows them (the vocabulary's names are
 * ../ui/labels.ts).
 */

import { t } from '../../lib/i18n.ts';

/** One formatter for every count: `toLocaleString` builds one per call, and facets show dozens per keystroke. */
const counts = new Intl.NumberFormat();

/** A count in the reader's digit grouping ("71,223"); the runtime's locale is the browser's UI language. */
export function formatCount(n: number): string {
  return counts.format(n);
}

/**
 * "1 statement", "12 statements". Chrome's i18n has no plural rules, so a
 * count with a noun is two messages, `_one` for exactly 1 and `_other` for
 * every other number (translators word `_other` to suit their language).
 */
export function statementCount(n: number): string {
  return n === 1 ? t('panel_statements_one', n) : t('panel_statements_other', formatCount(n));
}
