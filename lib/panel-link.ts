import { parsePanelTarget, type PanelTarget } from './messages.ts';

/**
 * The side panel page's URL hash: `#read=<statement id>` opens the reader at
 * that statement, `#q=<query>` searches. Values are form-encoded, so a
 * statement id's own `#` (e.g. `001_cf337998d25e89a1#1b2c3d4e`) survives.
 * Whoever opens the panel page (the background, the card's fallback, a tab
 * in tests) builds the hash here and the panel reads it here.
 */

/** The page, relative to the extension root (WXT names it after the `sidepanel` entrypoint). */
export const PANEL_PAGE = '/sidepanel.html';

/**
 * "#read=...&q=..." for a target, or "" for none.
 * @example panelHash({ read: 'a#b' }) === '#read=a%23b'
 */
export function panelHash(target: PanelTarget): string {
  const params = new URLSearchParams();
  if (target.read) params.set('read', target.read);
  if (target.query) params.set('q', target.query);
  const text = params.toString();
  return text ? `#${text}` : '';
}

/** The target in a location hash (with or without its `#`); anything malformed reads as no target. */
export function parsePanelHash(hash: string): PanelTarget {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const target = parsePanelTarget({ read: params.get('read') ?? undefined, query: params.get('q') ?? undefined });
  return target instanceof Error ? {} : target;
}

/**
 * A target waiting for a panel that is still loading. The background writes
 * it to session storage when it opens the panel (a message sent then would
 * arrive before the page listens); the panel takes it on start, or when it
 * changes while the panel is open.
 */
export interface PendingTarget extends PanelTarget {
  /** The window whose panel it is for; absent means any. */
  windowId?: number;
  /** When it was written (ms since epoch): an old one is a leftover, not a request. */
  at: number;
}

export const PENDING_TARGET_KEY = 'panel.pendingTarget';

/** How long a pending target stays valid: a panel takes well under a second to load. */
export const PENDING_TTL_MS = 10_000;

/** The pending target if it is for `windowId` and recent enough, else undefined. */
export function acceptPending(value: unknown, windowId: number | undefined, now: number): PanelTarget | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const pending = value as Partial<PendingTarget>;
  if (typeof pending.at !== 'number' || now - pending.at > PENDING_TTL_MS || now < pending.at - PENDING_TTL_MS) return undefined;
  if (pending.windowId !== undefined && windowId !== undefined && pending.windowId !== windowId) return undefined;
  const target = parsePanelTarget(pending);
  return target instanceof Error || (!target.read && !target.query) ? undefined : target;
}
