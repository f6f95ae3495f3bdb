/**
 * Pure formatting for the card: labels, dates, excerpts and citations. Kept
 * free of Preact and the DOM so each rule is tested on its own and the panel
 * can reuse them.
 */
import type { CardItem, Category, Kind, Side } from './types.ts';

/** Header labels for what the detector found. */
export const CATEGORY_LABELS: Readonly<Record<Category, string>> = {
  huawei: 'Huawei',
  sanctions: 'Sanctions',
  'no-spy': 'No-spy pledges',
};

/**
 * Neutral kind labels. They say what sort of text an item is, never whether it
 * is true: "Disputing claim", not "Rebuttal" or "Debunk".
 */
export const KIND_LABELS: Readonly<Record<Kind, string>> = {
  primary: 'Own words',
  counterclaim: 'Disputing claim',
  context: 'Reporting',
};

/** Text for the side marker, so side is never conveyed by colour alone. */
export const SIDE_LABELS: Readonly<Record<Side, string>> = {
  huawei: 'Huawei',
  'chinese-government': 'Chinese government',
  'us-government': 'US government',
  independent: 'Independent',
  press: 'Press',
  unnamed: 'Unnamed source',
};

export const DATE_UNKNOWN = 'date unknown';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

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
 * Greenwich. English month abbreviations keep the card and its citations the
 * same whatever the browser locale. A string that is not a valid ISO date is
 * shown as given rather than hidden: the source said it, the reader can judge.
 */
export function formatDate(date: string | null | undefined): string {
  if (date == null) return DATE_UNKNOWN;
  const trimmed = date.trim();
  if (trimmed === '') return DATE_UNKNOWN;
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?$/.exec(trimmed);
  if (!match) return trimmed;
  const [, y, m, d] = match;
  const year = Number(y);
  if (m === undefined) return String(year);
  const month = Number(m);
  const monthName = MONTHS[month - 1];
  if (monthName === undefined) return trimmed;
  if (d === undefined) return `${monthName} ${year}`;
  const day = Number(d);
  if (day < 1 || day > daysInMonth(year, month)) return trimmed;
  return `${day} ${monthName} ${year}`;
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

/** "Name (role)", or just the name when the role is empty. */
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
 */
export function formatCitation(item: CardItem): string {
  const quote = item.text.replace(/\s+/gu, ' ').trim();
  const publisher = item.source.publisher?.trim() || 'publisher unknown';
  const url = item.source.url?.trim() || 'no URL';
  return `${speakerLabel(item)}, “${quote}”, ${publisher}, ${formatDate(item.source.date)}, ${url}`;
}
