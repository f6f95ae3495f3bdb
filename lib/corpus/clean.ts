import type { ParagraphRole } from '../data/types.ts';
import type { EntityTable } from '../vocabulary/entities.ts';
import { isSpace, normalizeForCompare, type Span, trimSpan, wordCount } from './text.ts';

/**
 * Cleaning: finds the paragraphs of a scraped page and sets aside the site
 * chrome around the article. It never rewrites text; every paragraph is a
 * span of the original file, so statements map back to exact offsets.
 *
 * The rules look at the SHAPE of a paragraph (a short line with no full
 * stop that reads "View All", a line that starts "Posted in:", a text that
 * is only a date ...), never at a particular file, so they also work on
 * documents added later. Each rule has a name; dropped spans keep it, and
 * `npm run index -- --report` lists them.
 */

export interface Paragraph {
  span: Span;
  role: ParagraphRole;
  /**
   * Parts of a page separated by a footer ("Copyright ... NPR" before an
   * appended radio transcript). Pronouns and quote continuations never
   * reach across sections.
   */
  section: number;
}

export type DropRule =
  | 'cookie-banner'
  | 'form-prompt'
  | 'comments-widget'
  | 'nav-label'
  | 'category-line'
  | 'byline'
  | 'dateline'
  | 'caption'
  | 'footer'
  | 'repeated-headline';

export interface Dropped {
  span: Span;
  rule: DropRule;
}

export interface CleanDocument {
  paragraphs: Paragraph[];
  dropped: Dropped[];
}

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
const DATE_ONLY = new RegExp(
  `^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\\s+)?(?:${MONTH}\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+${MONTH}\\s+\\d{4}|\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2})(?:,?\\s+\\d{1,2}:\\d{2}(?::\\d{2})?\\s*(?:[ap]\\.?m\\.?)?)?$`,
  'i',
);

/** Labels of links and buttons that scrapers keep as lines of their own. */
const NAV_LABELS =
  /^(?:top|back to top|view all|see all|view more|see more|read more|more|further information|more information|related(?: articles| stories| posts)?|share(?: this)?|print|email|subscribe|advertisement|next|previous|comments?|reply|menu|home|skip to content)$/i;

/** Boilerplate that can trail a real paragraph ("Thank you, Audie. Transcript provided by NPR, Copyright NPR."). */
const FOOTER_TAIL =
  /(?:^|(?<=[.!?]["\u201d\u2019]?\s+))(?:Transcript provided by\b|Copyright\b|\u00a9|All rights reserved\b)[^]*$/;

function lineSpans(source: string): Span[] {
  const out: Span[] = [];
  let s = 0;
  for (let i = 0; i <= source.length; i++) {
    if (i === source.length || source[i] === '\n') {
      const e = i > s && source[i - 1] === '\r' ? i - 1 : i;
      out.push([s, e]);
      s = i + 1;
    }
  }
  return out;
}

function isBlank(source: string, [s, e]: Span): boolean {
  for (let i = s; i < e; i++) if (!isSpace(source[i])) return false;
  return true;
}

/**
 * Paragraphs are lines; blank lines separate them too. A line joins the one
 * before when it cannot start a paragraph: it begins with `,` `;` `:` `.`
 * or `)`, or with a lower-case letter after a line that lacks a final stop
 * (hard-wrapped text). "Ren Zhengfei, found and CEO of Huawei\n, said;" is
 * one paragraph.
 */
function rawParagraphs(source: string): Span[] {
  const out: Span[] = [];
  let prevLineWasText = false;
  for (const line of lineSpans(source)) {
    if (isBlank(source, line)) {
      prevLineWasText = false;
      continue;
    }
    const [s, e] = trimSpan(source, line);
    const first = source[s] ?? '';
    const last = out.at(-1);
    const prevText = last ? source.slice(last[0], last[1]) : '';
    const joins =
      prevLineWasText &&
      last !== undefined &&
      (/[,;:.)]/.test(first) || (/\p{Ll}/u.test(first) && !/[.!?:"\u201d]$/.test(prevText)));
    if (joins && last) last[1] = e;
    else out.push([s, e]);
    prevLineWasText = true;
  }
  return out;
}

function endsLikeSentence(text: string): boolean {
  return /[.!?;:]["\u201d\u2019)]*$/.test(text);
}

/** The named rule that makes a paragraph chrome, or null for content. */
function chromeRule(text: string, entities: EntityTable): DropRule | null {
  const words = wordCount(text);
  if (/\bcookies?\b/i.test(text) && /\b(?:privacy|agree|accept|consent|browse|browsing)\b/i.test(text) && words < 80) {
    return 'cookie-banner';
  }
  if (/^please (?:enter|fill in|type|provide)\b/i.test(text) && words <= 12) return 'form-prompt';
  if (/\bcomments? (?:powered by|are closed)\b|^(?:leave|post) a (?:comment|reply)\b/i.test(text) && words <= 12) {
    return 'comments-widget';
  }
  if (words <= 4 && !endsLikeSentence(text) && NAV_LABELS.test(text.trim())) return 'nav-label';
  if (/^(?:posted in|filed under|tags?|categor(?:y|ies)|topics?)\s*:/i.test(text) && words <= 15) return 'category-line';
  if (
    (/^(?:source|published|updated|posted)\s*:/i.test(text) && words <= 20) ||
    (/^(?:originally )?(?:published|posted|updated) (?:on )?/i.test(text) && words <= 12 && !endsLikeSentence(text)) ||
    (/^[Bb]y\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}(?:\s*[,|].*)?$/u.test(text) && words <= 12)
  ) {
    return 'byline';
  }
  if (DATE_ONLY.test(text.trim())) return 'dateline';
  if (
    words <= 60 &&
    (/\b(?:photo|image|picture)(?:\s+(?:source|credit))?\s*:\s*[^.!?]{1,80}$/i.test(text) ||
      /\((?:photo|image|picture)[^)]*\)$/i.test(text) ||
      /^(?:photo|image|picture)(?:\s+(?:source|credit))?\s*:/i.test(text))
  ) {
    return 'caption';
  }
  if (isNameCaption(text, entities)) return 'caption';
  return null;
}

/**
 * A lone line that only names a person ("Huawei's CEO Ren Zhengfei") is the
 * caption of a photo the scraper dropped: short, no final stop, every word
 * capitalised, and it ends with the name of a known person.
 */
function isNameCaption(text: string, entities: EntityTable): boolean {
  const t = text.trim();
  if (endsLikeSentence(t) || wordCount(t) > 6) return false;
  if (!t.split(/\s+/).every((w) => /^[\p{Lu}\p{N}]/u.test(w))) return false;
  const last = entities.findEntities(t).at(-1);
  return last !== undefined && last.entity.type === 'person' && last.end === t.length;
}

/** Drops a trailing footer from a paragraph; returns the kept span (maybe empty). */
function cutFooterTail(source: string, span: Span): Span {
  const text = source.slice(span[0], span[1]);
  const m = FOOTER_TAIL.exec(text);
  if (!m) return span;
  return trimSpan(source, [span[0], span[0] + m.index]);
}

/**
 * Splits a page into paragraphs and dropped chrome. `title` is the
 * document's metadata title, used to recognise the headline and its
 * repeats ("Title | KGOU" followed by "Title"); `entities` tells a caption
 * that only names a person.
 */
export function cleanDocument(source: string, title: string | null, entities: EntityTable): CleanDocument {
  const paragraphs: Paragraph[] = [];
  const dropped: Dropped[] = [];
  let section = 0;
  const raw = rawParagraphs(source);
  const texts = raw.map(([s, e]) => normalizeForCompare(source.slice(s, e)));
  const normTitle = title === null ? null : normalizeForCompare(title);
  let titleSeen = false;

  raw.forEach((full, i) => {
    const span = cutFooterTail(source, full);
    if (span[1] < full[1]) {
      dropped.push({ span: trimSpan(source, [span[1], full[1]]), rule: 'footer' });
      if (span[1] > span[0]) keep(span, i);
      // What follows a footer is another part of the page (e.g. an appended transcript).
      if (paragraphs.length > 0) section++;
      return;
    }
    keep(span, i);
  });

  function keep(span: Span, i: number): void {
    const text = source.slice(span[0], span[1]);
    const norm = texts[i] ?? '';

    // A headline with a site suffix that another paragraph repeats, or a second copy of the title.
    const suffixed = /^(.*?)\s+[|\u2013\u2014-]\s+[^|]{1,40}$/.exec(norm);
    const isTitleText = normTitle !== null && norm === normTitle;
    if (
      (suffixed && (texts.some((t, k) => k !== i && t === suffixed[1]) || suffixed[1] === normTitle)) ||
      (isTitleText && titleSeen)
    ) {
      dropped.push({ span, rule: 'repeated-headline' });
      return;
    }
    const rule = chromeRule(text, entities);
    if (rule) {
      dropped.push({ span, rule });
      return;
    }
    const firstContent = paragraphs.length === 0;
    if (isTitleText || (firstContent && normTitle === null && !endsLikeSentence(text) && wordCount(text) <= 20)) {
      titleSeen = true;
      paragraphs.push({ span, role: 'title', section });
      return;
    }
    const role: ParagraphRole = !endsLikeSentence(text) && wordCount(text) <= 12 ? 'heading' : 'body';
    paragraphs.push({ span, role, section });
  }
  dropped.sort((a, b) => a.span[0] - b.span[0]);
  return { paragraphs, dropped };
}
