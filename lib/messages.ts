/**
 * Every message between the extension's contexts, in one typed map per
 * direction. The content script and extension pages call the background
 * through {@link createBackgroundClient}; the background checks each request
 * with {@link parseBackgroundRequest} before touching it, because a message
 * is input like any other.
 */
import type { Category } from './detect/types.ts';
import { CATEGORIES } from './detect/types.ts';
import type { CardAnswer, LookupParams } from './search/lookup.ts';
import { MAX_CONTEXT, MAX_MENTION, MAX_QUERY } from './search/limits.ts';

/** Requests the background answers: method -> params and result. */
export interface BackgroundApi {
  /** Load the index now, so the first card does not wait for it. */
  warm: { params: Record<string, never>; result: { statements: number } };
  /**
   * What the card shows for a mention: what the detector found (the words,
   * their category and term-table entry) and where (the block's text and the
   * mention's offset in it), so the card answers what was highlighted
   * instead of detecting it again.
   */
  lookup: {
    params: LookupParams;
    result: CardAnswer;
  };
}

export type BackgroundMethod = keyof BackgroundApi;

/** Keyboard commands from the manifest, forwarded by the background to the active tab. */
export const COMMANDS = ['open-card', 'next-mention', 'previous-mention'] as const;
export type CommandName = (typeof COMMANDS)[number];

/** One highlighted mention as the side panel's "On this page" list shows it. */
export interface PageMention {
  /** Position in document order at the time of listing; what `revealMention` takes. */
  index: number;
  category: Category;
  /** The mention as written on the page. */
  text: string;
  /** The sentence around it, whitespace collapsed, clipped around the mention when long. */
  sentence: string;
}

/** Messages the content script accepts (commands from the background, page lists from the side panel). */
export interface ContentApi {
  command: { params: { name: CommandName }; result: { handled: boolean } };
  /** The page's mentions in document order (capped at MAX_LISTED_MENTIONS). */
  listMentions: { params: Record<string, never>; result: { url: string; title: string; mentions: PageMention[]; total: number } };
  /** Scrolls to the `index`-th mention of the last listing and flashes it; `ok: false` when it is gone. */
  revealMention: { params: { index: number }; result: { ok: boolean } };
  /**
   * For the toolbar popup: mentions found on the page per category (shown or
   * not), `total`, how many are highlighted now (what the badge shows), and
   * the page's `location.hostname` (the popup may not see the tab's URL).
   */
  pageSummary: { params: Record<string, never>; result: { counts: Record<Category, number>; total: number; host: string } };
}

export type ContentMethod = keyof ContentApi;
export type ContentRequest<M extends ContentMethod = ContentMethod> = { [K in M]: { method: K; params: ContentApi[K]['params'] } }[M];

/** Most mentions one listing carries: beyond it a list is no longer read, and the message stays small. */
export const MAX_LISTED_MENTIONS = 2000;

/**
 * Caps on what a listing carries, whatever the page holds: with the 240
 * characters of a sentence (`MAX_SENTENCE`) a full listing stays under
 * 2,000 x (100 + 242 + ~70 of JSON) ~ 0.83 MB, and a page cannot make a
 * reply grow past it with huge titles, URLs or "mentions" stretched by
 * whitespace. (The longest term the detector knows is under 40 characters.)
 */
export const MAX_LISTED_TEXT = 100;
export const MAX_TITLE = 300;
export const MAX_URL = 2000;

/**
 * Validates a message for the content script; anything else is ignored.
 * Several listeners share the content script, each serving some methods:
 * `methods` says which ones the caller answers (default: keyboard commands
 * only), so a listener never replies to a message meant for another and
 * races its answer.
 */
export function parseContentRequest(message: unknown): ContentRequest<'command'> | Error;
export function parseContentRequest<M extends ContentMethod>(message: unknown, methods: readonly M[]): ContentRequest<M> | Error;
export function parseContentRequest(message: unknown, methods: readonly ContentMethod[] = ['command']): ContentRequest | Error {
  if (typeof message !== 'object' || message === null) return new Error('message is not an object');
  const { method, params } = message as { method?: unknown; params?: Record<string, unknown> };
  if (!methods.includes(method as ContentMethod) || typeof params !== 'object' || params === null) {
    return new Error(`unknown method ${String(method)}`);
  }
  switch (method as ContentMethod) {
    case 'command':
      if (!COMMANDS.includes(params.name as CommandName)) return new Error(`unknown command ${String(params.name)}`);
      return { method: 'command', params: { name: params.name as CommandName } };
    case 'listMentions':
      return { method: 'listMentions', params: {} };
    case 'revealMention':
      if (!Number.isSafeInteger(params.index) || (params.index as number) < 0) return new Error('revealMention: index must be a non-negative integer');
      return { method: 'revealMention', params: { index: params.index as number } };
    case 'pageSummary':
      return { method: 'pageSummary', params: {} };
  }
}

/**
 * Where the side panel should go: a statement to read in its source, a
 * query to search for, or both. The same target travels in the panel page's
 * URL hash (see `lib/panel-link.ts`) and in the `show` message.
 */
export interface PanelTarget {
  /** Statement id, e.g. "001_cf337998d25e89a1#1b2c3d4e". */
  read?: string;
  query?: string;
}

/**
 * Messages the side panel page accepts. `show` comes from the background
 * (after opening the panel) or any extension context; `mentionsChanged` is the
 * content script's broadcast that its page's mentions changed, which the
 * panel heeds only from the active tab. `windowId`, when given, keeps a
 * `show` meant for one window's panel from moving the panels of others.
 */
export interface PanelApi {
  show: { params: PanelTarget & { windowId?: number }; result: { shown: boolean } };
  mentionsChanged: { params: Record<string, never>; result: void };
}

export type PanelRequest = { [K in keyof PanelApi]: { method: K; params: PanelApi[K]['params'] } }[keyof PanelApi];

/** Statement ids and queries longer than this are not ours. */
const MAX_TARGET = 500;

/** Checks a target's fields; unknown fields are dropped, empty strings count as absent. */
export function parsePanelTarget(value: unknown): PanelTarget | Error {
  if (typeof value !== 'object' || value === null) return new Error('target must be an object');
  const { read, query } = value as { read?: unknown; query?: unknown };
  const target: PanelTarget = {};
  for (const [key, field] of [
    ['read', read],
    ['query', query],
  ] as const) {
    if (field === undefined || field === '') continue;
    if (typeof field !== 'string') return new Error(`${key} must be a string`);
    target[key] = field.slice(0, key === 'query' ? MAX_QUERY : MAX_TARGET);
  }
  return target;
}

/** Validates a message for the side panel page. */
export function parsePanelRequest(message: unknown): PanelRequest | Error {
  if (typeof message !== 'object' || message === null) return new Error('message is not an object');
  const { method, params } = message as { method?: unknown; params?: unknown };
  if (method === 'mentionsChanged') return { method, params: {} };
  if (method !== 'show') return new Error(`unknown method ${String(method)}`);
  const target = parsePanelTarget(params);
  if (target instanceof Error) return target;
  const windowId = (params as { windowId?: unknown }).windowId;
  return { method, params: typeof windowId === 'number' ? { ...target, windowId } : target };
}

/**
 * Asks the background to open the side panel at a target (the hover card's
 * "Read in source", the toolbar popup's button). The background opens it in
 * the sender's window, or a tab with the panel page where the browser will
 * not open a sidebar from this gesture.
 */
export interface PanelOpenerApi {
  openPanel: { params: PanelTarget; result: { opened: 'panel' | 'tab' } };
}

export function parseOpenPanelRequest(message: unknown): { method: 'openPanel'; params: PanelTarget } | Error {
  if (typeof message !== 'object' || message === null) return new Error('message is not an object');
  const { method, params } = message as { method?: unknown; params?: unknown };
  if (method !== 'openPanel') return new Error(`unknown method ${String(method)}`);
  const target = parsePanelTarget(params ?? {});
  return target instanceof Error ? target : { method, params: target };
}

/** Longest text the card asks to copy: a citation is a quote and its source, far below this. */
export const MAX_COPY = 20_000;

/**
 * Copying and turning the site off go through the background, out of the
 * page's reach: `copyText` is copied by an extension document (the page
 * never sees the selection or the `copy` event); `confirmTurnOff` opens the
 * toolbar popup where the card cannot prove the reader saw it.
 */
export interface CardActionsApi {
  copyText: { params: { text: string }; result: void };
  confirmTurnOff: { params: Record<string, never>; result: { opened: boolean } };
}

/** Validates `copyText` (from the card) or `offscreenCopy` (background to Chrome's offscreen document). */
function parseTextRequest<M extends string>(message: unknown, expected: M): { method: M; params: { text: string } } | Error {
  if (typeof message !== 'object' || message === null) return new Error('message is not an object');
  const { method, params } = message as { method?: unknown; params?: { text?: unknown } };
  if (method !== expected) return new Error(`unknown method ${String(method)}`);
  const text = params?.text;
  if (typeof text !== 'string' || text === '') return new Error(`${expected}: text must be a non-empty string`);
  if (text.length > MAX_COPY) return new Error(`${expected}: text longer than ${MAX_COPY} characters`);
  return { method: expected, params: { text } };
}

export const parseCopyRequest = (message: unknown) => parseTextRequest(message, 'copyText');
export const parseOffscreenCopyRequest = (message: unknown) => parseTextRequest(message, 'offscreenCopy');

/**
 * The content script's report of how many mentions its page highlights, for
 * the toolbar badge. Kept out of BackgroundApi because the badge needs the
 * sender's tab, which the lookup handlers never see; fire-and-forget.
 */
export interface BadgeApi {
  mentionCount: { params: { count: number }; result: void };
}

/** Validates a `mentionCount` report: a non-negative integer count. */
export function parseMentionCountRequest(message: unknown): { method: 'mentionCount'; params: BadgeApi['mentionCount']['params'] } | Error {
  if (typeof message !== 'object' || message === null) return new Error('message is not an object');
  const { method, params } = message as { method?: unknown; params?: { count?: unknown } };
  if (method !== 'mentionCount') return new Error(`unknown method ${String(method)}`);
  const count = params?.count;
  if (!Number.isSafeInteger(count) || (count as number) < 0) return new Error('mentionCount: count must be a non-negative integer');
  return { method, params: { count: count as number } };
}

export interface BackgroundRequest<M extends BackgroundMethod = BackgroundMethod> {
  method: M;
  params: BackgroundApi[M]['params'];
}

export type Reply<T> = { ok: true; result: T } | { ok: false; error: string };

/**
 * Validates an incoming message. Over-long text is cut to the limits the
 * search uses (not rejected: a long paragraph is a normal context); wrong
 * types and unknown methods are errors.
 */
export function parseBackgroundRequest(message: unknown): BackgroundRequest | Error {
  if (typeof message !== 'object' || message === null) return new Error('message is not an object');
  const { method, params } = message as { method?: unknown; params?: unknown };
  if (typeof params !== 'object' || params === null) return new Error('params must be an object');
  const p = params as Record<string, unknown>;
  switch (method) {
    case 'warm':
      return { method, params: {} };
    case 'lookup': {
      if (typeof p.mention !== 'string' || p.mention.trim() === '') return new Error('lookup: mention must be a non-empty string');
      if (typeof p.context !== 'string') return new Error('lookup: context must be a string');
      if (!CATEGORIES.includes(p.category as Category)) return new Error(`lookup: unknown category ${String(p.category)}`);
      if (p.term !== undefined && typeof p.term !== 'string') return new Error('lookup: term must be a string');
      if (p.at !== undefined && (!Number.isSafeInteger(p.at) || (p.at as number) < 0)) return new Error('lookup: at must be a non-negative integer');
      // The offset is kept only while it still points into the clipped context.
      const context = p.context.slice(0, MAX_CONTEXT);
      const at = typeof p.at === 'number' && p.at < context.length ? p.at : undefined;
      return {
        method,
        params: {
          mention: p.mention.slice(0, MAX_MENTION),
          category: p.category as Category,
          ...(typeof p.term === 'string' ? { term: p.term.slice(0, MAX_MENTION) } : {}),
          context,
          ...(at === undefined ? {} : { at }),
        },
      };
    }
    default:
      return new Error(`unknown method ${String(method)}`);
  }
}

/**
 * A typed caller for the background. `send` is `browser.runtime.sendMessage`
 * (injected so tests can pass their own); a failed call rejects with the
 * background's error message.
 */
export function createBackgroundClient(send: (message: BackgroundRequest) => Promise<unknown>) {
  return async function call<M extends BackgroundMethod>(
    method: M,
    params: BackgroundApi[M]['params'],
  ): Promise<BackgroundApi[M]['result']> {
    const reply = (await send({ method, params })) as Reply<BackgroundApi[M]['result']> | undefined;
    if (!reply) throw new Error(`no answer to ${method}`);
    if (!reply.ok) throw new Error(reply.error);
    return reply.result;
  };
}

export type BackgroundClient = ReturnType<typeof createBackgroundClient>;
