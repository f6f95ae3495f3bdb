/**
 * Pure formatting for the card: labels, dates, excerpts and citations. Kept
 * free of Preact and the DOM so each rule is tested on its own and the panel
 * can reuse them.
 */
import { t, type MessageKey } from '../../lib/i18n.ts';
import { CATEGORY_KEYS } from '../ui/labels.ts';
import { type Topic, TOPICS } from '../../lib/vocabulary/topics.ts';
import type { CardItem, Category, Kind, Side } from './types.ts';

/**
 * Locale keys of the kind labels. They say what sort of text an item is,
 * never whether it is true: "Disputing claim", not "Rebuttal" or "Debunk".
 */
export const KIND_KEYS: Readonly<Record<Kind, MessageKey>> = {
  primary: 'kind_primary',
  counterclaim: 'kind_counterclaim',
  context: 'kind_context',
};

/** Locale keys of the side markers' text, so side is never conveyed by colour alone. */
export const SIDE_KEYS: Readonly<Record<Side, MessageKey>> = {
  huawei: 'side_huawei',
  'chinese-government': 'side_chinese_government',
  'us-government': 'side_us_government',
  independent: 'side_independent',
  press: 'side_press',
  unnamed: 'side_unnamed',
};

/** "entity-list" -> "entity_list": locale keys cannot hold dashes. */
type Underscored<S extends string> = S extends `${infer A}-${infer B}` ? `${A}_${Underscored<B>}` : S;

/**
 * Locale key of a topic's name: `topic_` + the topic with dashes as
 * underscores, like `category_no_spy`. Typed, so a topic added to
 * `lib/vocabulary/topics.ts` without its `topic_...` string in
 * `public/_locales/en/messages.json` does not compile.
 */
function topicKey(topic: Topic): MessageKey {
  // Returning the `topic_...` union as a `MessageKey` is what makes a missing string a type error.
  const key = `topic_${topic.replaceAll('-', '_')}` as `topic_${Underscored<Topic>}`;
  return key;
}

/** Locale keys of the topic names, for the filters that list every topic. */
export const TOPIC_KEYS: Readonly<Record<Topic, MessageKey>> = Object.fromEntries(TOPICS.map((t) => [t, topicKey(t)])) as Record<Topic, MessageKey>;

/*
 * Labels are looked up when rendered, not built into constants when this
 * module loads: the message source is set at each entrypoint's startup, after
 * its imports have run.
 */

/** Header label for what the detector found (the popup's category names). */
export function categoryLabel(category: Category): string {
  return t(CATEGORY_KEYS[category]);
}

export function kindLabel(kind: Kind): string {
  return t(KIND_KEYS[kind]);
}

export function sideLabel(side: Side): string {
  return t(SIDE_KEYS[side]);
}

export function topicLabel(topic: Topic): string {
  return t(TOPIC_KEYS[topic]);
}

/** Month names come from the locale file, so they follow the extension's language, not the page's or the OS's. */
const MONTH_KEYS: readonly MessageKey[] = [
  'date_month_jan',
  'date_month_feb',
  'date_month_mar',
  'date_month_apr',
  'date_month_may',
  'date_month_jun',
  'date_month_jul',
  'date_month_aug',
  'date_month_sep',
  'date_month_oct',
  'date_month_nov',
  'date_month_dec',
];

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC avoids DST edges.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Formats an ISO date, full or partial, for readers: "2019-06-04" →
 * "4 Jun 2019", "2021-02" → "Feb 2021", "2019" → "2019", null → "date
 * unknown". A time part ("2019-06-04T10:00Z") is ignored.
 *
 * Parsed by hand, not with `new Date(iso)`: that reads a date-only string as
 * UTC midnight and `toLocaleDateString` then shows the previous day west of
 * Greenwich. Month names and the order of day, month and year come from the
 * locale file (`date_*`), so the card and its citations follow the
 * extension's language, not the browser's date locale. A string that is not a valid ISO date is
 * shown as given rather than hidden: the source said it, the reader can judge.
 */
export function formatDate(date: string | null | undefined): string {
  if (date == null) return t('date_unknown');
  const trimmed = date.trim();
  if (trimmed === '') return t('date_unknown');
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?$/.exec(trimmed);
  if (!match) return trimmed;
  const [, y, m, d] = match;
  const year = Number(y);
  if (m === undefined) return String(year);
  const month = Number(m);
  const monthKey = MONTH_KEYS[month - 1];
  if (monthKey === undefined) return trimmed;
  if (d === undefined) return t('date_monthYear', [t(monthKey), year]);
  const day = Number(d);
  if (day < 1 || day > daysInMonth(year, month)) return trimmed;
  return t('date_dayMonthYear', [day, t(monthKey), year]);
}

/**
 * A short excerpt for pairing labels ("Disputes: Liang Hua — “We are willing
 * to sign no-spy…”"): whitespace collapsed, cut at a word boundary at or
 * before `maxChars`, with an ellipsis only when something was cut.
 */
export function excerpt(text: string, maxChars = 48): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  const chars = Array.from(flat); // code points, so emoji and astral CJK are never split
  if (chars.length <= maxChars) return flat;
  const head = chars.slice(0, maxChars).join('');
  const lastSpace = head.lastIndexOf(' ');
  // Prefer a word boundary, unless that would leave almost nothing (CJK has no spaces).
  const cut = lastSpace >= maxChars * 0.5 ? head.slice(0, lastSpace) : head;
  return `${cut.replace(/[\s,;:.\-–—]+$/u, '')}…`;
}

/** "Name (role)", or just the name when the role is empty. Punctuation only, so not a message. */
export function speakerLabel(item: CardItem): string {
  const role = item.speaker.role.trim();
  return role ? `${item.speaker.name} (${role})` : item.speaker.name;
}

/**
 * One-line citation for the clipboard:
 * `Speaker (role), “quote”, Publisher, 4 Jun 2019, https://…`, with
 * "publisher unknown", "date unknown" and "no URL" standing in for missing
 * metadata so a pasted citation is explicit about what is not known.
 * The quote's words are verbatim; only runs of whitespace (line breaks in the
 * source) are collapsed to one space so the citation stays on one line.
 * The whole line is one message (`citation_plain`): quotation marks and the
 * order of the parts differ between languages.
 */
export function formatCitation(item: CardItem): string {
  const quote = item.text.replace(/\s+/gu, ' ').trim();
  const publisher = item.source.publisher?.trim() || t('citation_publisherUnknown');
  const url = item.source.url?.trim() || t('citation_noUrl');
  return t('citation_plain', [speakerLabel(item), quote, publisher, formatDate(item.source.date), url]);
}
