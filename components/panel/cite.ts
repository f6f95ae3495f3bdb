/**
 * Citations for the clipboard. The plain form is the hover card's (one
 * citation style across the extension); the Markdown form quotes the words
 * as a block and links the source, with the quote's Markdown characters
 * escaped so the pasted text renders as the speaker's words, verbatim.
 */
import { formatCitation, formatDate } from '../ui/format.ts';
import { t } from '../../lib/i18n.ts';
import { safeHttpUrl } from '../../lib/safe-url.ts';
import type { Result } from '../../lib/search/result.ts';

/** `Speaker (role), “quote”, Publisher, 4 Jun 2019, https://…` */
export function plainCitation(result: Result): string {
  return formatCitation(result);
}

/** Backslash-escapes what Markdown would read as syntax (emphasis, links, HTML, headings, lists). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+\-.!|~]/gu, (ch) => `\\${ch}`);
}

/**
 * > “quote”
 * >
 * > — Speaker, role. [Title](url), Publisher, 4 Jun 2019.
 */
export function markdownCitation(result: Result): string {
  const quote = escapeMarkdown(result.text.replace(/\s+/gu, ' ').trim());
  const role = result.speaker.role.trim();
  const who = escapeMarkdown(role ? `${result.speaker.name}, ${role}` : result.speaker.name);
  const title = escapeMarkdown(result.source.title?.trim() || t('citation_untitled'));
  const url = safeHttpUrl(result.source.url);
  // Parentheses and spaces would end a Markdown link target early.
  const source = url ? `[${title}](${url.replace(/[()\s]/gu, (ch) => encodeURIComponent(ch))})` : title;
  const publisher = escapeMarkdown(result.source.publisher?.trim() || t('citation_publisherUnknown'));
  // The `>` lines are Markdown structure; quotation marks, wording and punctuation are the locale's.
  return `> ${t('citation_markdownQuote', quote)}\n>\n> ${t('citation_markdownByline', [who, source, publisher, formatDate(result.source.date)])}`;
}
