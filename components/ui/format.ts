/**
 * Pure formatting shared by the card and the panel: dates, excerpts and
 * citations (one citation style across the extension). Kept free of Preact
 * and the DOM so each rule is tested on its own.
 */
import { t, type MessageKey } from '../../lib/i18n.ts';

/**
 * What a citation needs of a statement. The card's items and the panel's
 * search results both have this shape, so each is cited as it is.
 */
export interface Citable {
  text: string;
  speaker: { name: string; role: string };
  source: { publisher: string | null; date: string | null; url: string | null };
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
export function speakerLabel(item: Citable): string {
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
export function formatCitation(item: Citable): string {
  const quote = item.text.replace(/\s+/gu, ' ').trim();
  const publisher = item.source.publisher?.trim() || t('citation_publisherUnknown');
  const url = item.source.url?.trim() || t('citation_noUrl');
  return t('citation_plain', [speakerLabel(item), quote, publisher, formatDate(item.source.date), url]);
}
