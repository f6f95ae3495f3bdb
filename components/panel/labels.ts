/**
 * Display names for the corpus vocabulary the panel shows as filters and
 * headings. Kind, side and category labels are the card's (one wording
 * everywhere); topics are labelled here, typed so a new topic cannot ship
 * without a name. All come from the locale files, looked up when rendered.
 */
import type { Topic } from '../../lib/corpus/types.ts';
import { t, type MessageKey } from '../../lib/i18n.ts';

export { KIND_KEYS, SIDE_KEYS, categoryLabel, kindLabel, sideLabel } from '../card/format.ts';

/** Locale keys of the topic names (`topic_` + the topic with dashes as underscores, like `category_no_spy`). */
export const TOPIC_KEYS: Readonly<Record<Topic, MessageKey>> = {
  'no-spy': 'topic_no_spy',
  backdoor: 'topic_backdoor',
  sanctions: 'topic_sanctions',
  'entity-list': 'topic_entity_list',
  chips: 'topic_chips',
  '5g': 'topic_5g',
  trade: 'topic_trade',
  'intelligence-law': 'topic_intelligence_law',
  independence: 'topic_independence',
  'meng-wanzhou': 'topic_meng_wanzhou',
  security: 'topic_security',
  globalisation: 'topic_globalisation',
  'operating-system': 'topic_operating_system',
};

export function topicLabel(topic: Topic): string {
  return t(TOPIC_KEYS[topic]);
}

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
