import type { Category } from '../../lib/vocabulary/categories.ts';
import { cannotRunReason, siteHost, type CannotRunReason } from '../../lib/platform/restricted-pages.ts';
import type { Settings } from '../../lib/settings/schema.ts';
import { siteCovers } from '../../lib/settings/sites.ts';

/** What the popup knows about its tab. `url` is absent where the browser hides it from extensions. */
export interface TabInfo {
  id: number;
  url?: string;
  status?: string;
}

export interface PageSummary {
  counts: Record<Category, number>;
  total: number;
  /** The page's host name ("" on file:// pages). */
  host: string;
}

/** The content script's answer: not asked yet, none (no listener in the tab), or the summary. */
export type SummaryAnswer = { kind: 'pending' } | { kind: 'none' } | ({ kind: 'answer' } & PageSummary);

/** What the popup's main area shows. */
export type PageState =
  | { kind: 'loading' }
  | { kind: 'no-tab' }
  | { kind: 'page-loading' }
  | { kind: 'cannot-run'; reason: CannotRunReason }
  | { kind: 'paused' }
  /** `coveredBy`: the list entry that turns it off, when it is a parent domain rather than this host. */
  | { kind: 'site-off'; coveredBy?: string }
  | ({ kind: 'counts' } & PageSummary);

/**
 * Decides what the popup says about its tab. Counts only when the content
 * script answered and the page is on; paused and turned-off states win over
 * counts (a page that is off holds none), and over "cannot run" on web
 * pages, so the popup never blames the browser for the reader's own switch.
 * No answer anywhere else means the extension cannot run there, and the URL
 * says why.
 */
export function pageState(tab: TabInfo | null | undefined, answer: SummaryAnswer, settings: Settings, fileAccess: boolean): PageState {
  if (tab === undefined) return { kind: 'loading' };
  if (tab === null) return { kind: 'no-tab' };
  const host = pageHost(tab, answer);
  const reason = cannotRunReason(tab.url, fileAccess);
  const canRun = answer.kind === 'answer' || (host !== undefined && reason === 'not-loaded');
  if (canRun && settings.paused) return { kind: 'paused' };
  const coveredBy = host === undefined ? undefined : settings.disabledSites.find((site) => siteCovers(site, host));
  if (canRun && coveredBy !== undefined) return coveredBy === host ? { kind: 'site-off' } : { kind: 'site-off', coveredBy };
  if (answer.kind === 'answer') return { kind: 'counts', counts: answer.counts, total: answer.total, host: answer.host };
  if (answer.kind === 'pending') return { kind: 'loading' };
  if (tab.status === 'loading' && reason === 'not-loaded') return { kind: 'page-loading' };
  return { kind: 'cannot-run', reason };
}

/**
 * The web host the popup is about: from the tab's URL where the browser shows
 * it to us (with `activeTab`, or a host we have permission for), else from the
 * content script's answer. Undefined for files and browser pages.
 */
export function pageHost(tab: TabInfo | null | undefined, answer: SummaryAnswer): string | undefined {
  return siteHost(tab?.url) ?? (answer.kind === 'answer' && answer.host !== '' ? answer.host : undefined);
}
