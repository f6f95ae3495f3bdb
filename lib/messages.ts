/**
 * Every message between the extension's contexts: one typed map per
 * receiver (the background, a page's content script, the side panel,
 * Chrome's offscreen document), each with the one parser of every
 * message's params, and one way to send ({@link client}) and to answer
 * ({@link listen}). A message is input like any other: the receiver checks
 * it before touching it, and the sender checks what comes back.
 *
 * Adding a message is a change here: its entry in the receiver's map (the
 * types) and its parser in the same receiver's `...Requests` table. The
 * compiler then asks for its handler where the receiver listens, and
 * `client` types its calls; no method name is written anywhere else.
 *
 * Every reply is a {@link Reply}: `{ ok: true, result }` or
 * `{ ok: false, error }`. Nothing here touches a browser API: callers pass
 * the transport (`browser.runtime.sendMessage`, `browser.tabs.sendMessage`,
 * or for the card's lookups a port, {@link portTransport} and
 * {@link answerPort}), so tests run the same code with their own.
 */
import { CATEGORIES, type Category } from './vocabulary/categories.ts';
import type { CardAnswer, LookupParams } from './search/lookup.ts';
import { MAX_CONTEXT, MAX_MENTION, MAX_QUERY } from './search/limits.ts';

// ---------------------------------------------------------------------------
// The protocol: maps, parsers, replies, send and answer.

/** What every listener answers: the result, or why there is none. */
export type Reply<T> = { ok: true; result: T } | { ok: false; error: string };

/** A receiver's map: method -> its params and its result. */
type Api<A> = { [M in keyof A]: { params: object; result: unknown } };
type Params<A, M extends keyof A> = A[M] extends { params: infer P } ? P : never;
type Result<A, M extends keyof A> = A[M] extends { result: infer R } ? R : never;

/** A message of `A`, as sent. */
export type Request<A, M extends keyof A = keyof A> = { [K in M]: { method: K; params: Params<A, K> } }[M];

/** Checks one method's params as they arrived: the typed params, or why they are refused. Never throws. */
export type Parsers<A> = { [M in keyof A]: (params: unknown) => Params<A, M> | Error };

/** Checks a result as it came back, for replies from a context that reads page content. */
export type ReplyParsers<A> = { [M in keyof A]?: (result: unknown) => Result<A, M> | Error };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** For methods that carry nothing: any object (extra fields dropped). */
const noParams = (params: unknown): Record<string, never> | Error => (isRecord(params) ? {} : new Error('params must be an object'));

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The request in `message` if it is one of `methods` (default: all of the
 * map's) with valid params; an Error otherwise (not an object, another
 * method, bad params).
 */
export function parseRequest<A extends Api<A>, M extends keyof A & string = keyof A & string>(
  message: unknown,
  parsers: Parsers<A>,
  methods: readonly M[] = Object.keys(parsers) as M[],
): Request<A, M> | Error {
  if (!isRecord(message)) return new Error('message is not an object');
  const method = message.method as M;
  if (!methods.includes(method)) return new Error(`unknown method ${String(method)}`);
  const params = parsers[method](message.params);
  if (params instanceof Error) return params;
  return { method, params } as Request<A, M>;
}

/**
 * A typed caller for one receiver. `transport` sends the message
 * (`browser.runtime.sendMessage`, or `browser.tabs.sendMessage` to a tab);
 * the call resolves with the result of an `ok` reply, checked by `replies`
 * where given, and rejects with the error of any other answer (none, a
 * refusal, a malformed reply).
 */
export function client<A extends Api<A>>(transport: (message: Request<A>) => Promise<unknown>, replies: ReplyParsers<A> = {}) {
  return async function call<M extends keyof A & string>(method: M, params: Params<A, M>): Promise<Result<A, M>> {
    const reply = await transport({ method, params } as Request<A>);
    if (!isRecord(reply) || typeof reply.ok !== 'boolean') throw new Error(`no answer to ${method}`);
    if (!reply.ok) throw new Error(typeof reply.error === 'string' ? reply.error : `${method} failed`);
    const check = replies[method];
    if (!check) return reply.result as Result<A, M>;
    const result = check(reply.result);
    if (result instanceof Error) throw new Error(`${method}: bad reply: ${result.message}`);
    return result;
  };
}

/** What {@link client} returns: `call(method, params)` for the methods of `A`. */
export type Client<A extends Api<A>> = ReturnType<typeof client<A>>;

/**
 * Handlers for some methods of `A`. One that returns `undefined` at once
 * does not answer: the message was a notice that needs none, or is for
 * another listener (another window's panel).
 */
export type Handlers<A extends Api<A>, M extends keyof A, S> = {
  [K in M]: (params: Params<A, K>, sender: S) => Result<A, K> | Promise<Result<A, K>> | undefined;
};

/**
 * An `onMessage` listener that answers the methods in `handlers`, and only
 * them: several listeners share a context (each part of the content script
 * serves its own), and one that replied to another's message would race its
 * answer. A request with bad params is answered with the parser's error; a
 * handler that throws, with a generic error (the detail is logged here, in
 * the extension: an internal error is not a reader's business). Answers go through `sendResponse`,
 * which works with and without webextension-polyfill (the content script
 * has none), synchronously when the handler is.
 */
export function listen<A extends Api<A>, M extends keyof A & string, S = unknown>(
  parsers: Parsers<A>,
  handlers: Handlers<A, M, S>,
) {
  const methods = Object.keys(handlers) as M[];
  return (message: unknown, sender: S, sendResponse: (reply: Reply<unknown>) => void): true | undefined => {
    if (!isRecord(message) || !methods.includes(message.method as M)) return undefined;
    const request = parseRequest(message, parsers, methods);
    if (request instanceof Error) {
      sendResponse({ ok: false, error: request.message });
      return undefined;
    }
    const fail = (error: unknown): Reply<never> => {
      console.error(`Source Context: ${request.method}:`, error);
      return { ok: false, error: `${request.method} failed` };
    };
    let answer: unknown;
    try {
      answer = handlers[request.method as M](request.params as never, sender);
    } catch (error) {
      sendResponse(fail(error));
      return undefined;
    }
    if (!(answer instanceof Promise)) {
      if (answer !== undefined) sendResponse({ ok: true, result: answer });
      return undefined;
    }
    answer.then(
      (result) => sendResponse({ ok: true, result }),
      (error: unknown) => sendResponse(fail(error)),
    );
    // The answer follows: keeps the channel open for it.
    return true;
  };
}

// ---------------------------------------------------------------------------
// A port for the card's lookups.

/**
 * The name of the port the card's lookups go through. A
 * `runtime.sendMessage` opens a message channel per message, offered to
 * every context of the extension, and its round trip costs about 2 ms
 * before the background does anything; a message on a port already open
 * costs about 0.5 ms (session 7, Chromium: a no-op message 2.2 vs 0.5 ms
 * at the median). A reader waits for a lookup on every hover, so lookups
 * take the port; the other messages stay on `sendMessage`, which carries
 * the reader's gesture (the side panel opens only from one).
 */
export const LOOKUP_PORT = 'lookup';

/** What the port helpers need of a `runtime.Port` (lib/ has no browser globals). */
export interface PortLike {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

/** A port left without requests this long is closed, so that an idle page never holds the background awake. */
export const PORT_IDLE_MS = 20_000;

/**
 * A transport for {@link client} over a long-lived port: each message goes
 * as `{id, message}` and its reply comes back as `{id, reply}`. The port is
 * opened on the first call and closed after {@link PORT_IDLE_MS} without a
 * request, or when `signal` aborts. A port the other end closed (a service
 * worker stopped after its idle time, a page put in the back-forward cache)
 * is opened again on the next call, and a request it lost is sent once more
 * on the new port: only idempotent messages (lookups) may use this.
 */
export function portTransport(connect: () => PortLike, signal?: AbortSignal): (message: unknown) => Promise<unknown> {
  type Pending = { message: unknown; resolve: (reply: unknown) => void; reject: (error: Error) => void; retried: boolean };
  const pending = new Map<number, Pending>();
  let port: PortLike | undefined;
  let nextId = 0;
  let idle: ReturnType<typeof setTimeout> | undefined;
  const close = () => {
    const open = port;
    port = undefined;
    open?.disconnect();
  };
  signal?.addEventListener('abort', () => {
    close();
    for (const p of pending.values()) p.reject(new Error('closed'));
    pending.clear();
  });
  const send = (id: number, p: Pending) => {
    if (!port) {
      let opened: PortLike;
      try {
        opened = connect();
      } catch (error) {
        // The extension was reloaded or removed under the page: nobody will answer.
        p.reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      port = opened;
      opened.onMessage.addListener((answer) => {
        if (!isRecord(answer) || typeof answer.id !== 'number') return;
        const waiting = pending.get(answer.id);
        if (!waiting) return;
        pending.delete(answer.id);
        waiting.resolve(answer.reply);
        if (pending.size === 0) {
          clearTimeout(idle);
          idle = setTimeout(() => pending.size === 0 && close(), PORT_IDLE_MS);
        }
      });
      opened.onDisconnect.addListener(() => {
        if (port !== opened) return;
        port = undefined;
        const lost = [...pending];
        pending.clear();
        for (const [lostId, waiting] of lost) {
          if (waiting.retried) waiting.reject(new Error('disconnected'));
          else send(lostId, { ...waiting, retried: true });
        }
      });
    }
    pending.set(id, p);
    port.postMessage({ id, message: p.message });
  };
  return (message) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(new Error('closed'));
      clearTimeout(idle);
      send(++nextId, { message, resolve, reject, retried: false });
    });
}

/**
 * Answers the requests that come over a port opened by {@link portTransport}
 * with `answer` (a {@link listen} listener): each `{id, message}` gets its
 * `{id, reply}`, and a request `answer` does not take gets an error reply
 * rather than none, so the caller never waits for nothing.
 */
export function answerPort<S>(port: PortLike, sender: S, answer: (message: unknown, sender: S, sendResponse: (reply: Reply<unknown>) => void) => true | undefined): void {
  port.onMessage.addListener((envelope) => {
    if (!isRecord(envelope) || typeof envelope.id !== 'number') return;
    const id = envelope.id;
    let answered = false;
    const respond = (reply: Reply<unknown>) => {
      answered = true;
      port.postMessage({ id, reply });
    };
    if (answer(envelope.message, sender, respond) !== true && !answered) respond({ ok: false, error: 'not answered on this port' });
  });
}

// ---------------------------------------------------------------------------
// To the background: from the content script, the card, the popup, the panel.

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

export interface BackgroundApi {
  /** Load the index now, so the first card does not wait for it. */
  warm: { params: Record<string, never>; result: { statements: number } };
  /**
   * What the card shows for a mention: what the detector found (the words,
   * their category and term-table entry) and where (the block's text and the
   * mention's offset in it), so the card answers what was highlighted
   * instead of detecting it again.
   */
  lookup: { params: LookupParams; result: CardAnswer };
  /**
   * Open the side panel at a target (the card's "Read in source"), in the
   * sender's window, or a tab with the panel page where the browser will not
   * open a sidebar from this gesture.
   */
  openPanel: { params: PanelTarget; result: { opened: 'panel' | 'tab' } };
  /** Copy a citation from an extension document: the page never sees the selection or the `copy` event. */
  copyText: { params: { text: string }; result: void };
  /** Open the toolbar popup where the card cannot prove the reader saw it (`opened: false` where the browser will not). */
  confirmTurnOff: { params: Record<string, never>; result: { opened: boolean } };
  /** Inject the card bundle into the sender's frame (see `entrypoints/content/card-loader.ts`). */
  loadCard: { params: Record<string, never>; result: void };
  /** Add our highlight styles to the sender's frame, on its first mention (see `components/ui/highlight-css.ts`). */
  showHighlights: { params: Record<string, never>; result: void };
  /** The sender page's highlighted count, for its toolbar badge; fire-and-forget. */
  mentionCount: { params: { count: number }; result: void };
}

/** Longest text the card asks to copy: a citation is a quote and its source, far below this. */
export const MAX_COPY = 20_000;

/** Statement ids and queries longer than this are not ours. */
const MAX_TARGET = 500;

/** Checks a target's fields; unknown fields are dropped, empty strings count as absent. */
export function parsePanelTarget(value: unknown): PanelTarget | Error {
  if (!isRecord(value)) return new Error('target must be an object');
  const target: PanelTarget = {};
  for (const key of ['read', 'query'] as const) {
    const field = value[key];
    if (field === undefined || field === '') continue;
    if (typeof field !== 'string') return new Error(`${key} must be a string`);
    target[key] = field.slice(0, key === 'query' ? MAX_QUERY : MAX_TARGET);
  }
  return target;
}

const parseText = (params: unknown): { text: string } | Error => {
  const text = isRecord(params) ? params.text : undefined;
  if (typeof text !== 'string' || text === '') return new Error('text must be a non-empty string');
  if (text.length > MAX_COPY) return new Error(`text longer than ${MAX_COPY} characters`);
  return { text };
};

const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/**
 * Over-long lookup text is cut to the limits the search uses (not refused:
 * a long paragraph is a normal context); wrong types are errors.
 */
export const backgroundRequests: Parsers<BackgroundApi> = {
  warm: noParams,
  lookup(p) {
    if (!isRecord(p)) return new Error('params must be an object');
    if (typeof p.mention !== 'string' || p.mention.trim() === '') return new Error('mention must be a non-empty string');
    if (typeof p.context !== 'string') return new Error('context must be a string');
    if (!CATEGORIES.includes(p.category as Category)) return new Error(`unknown category ${String(p.category)}`);
    if (p.term !== undefined && typeof p.term !== 'string') return new Error('term must be a string');
    if (p.at !== undefined && !isCount(p.at)) return new Error('at must be a non-negative integer');
    // The offset is kept only while it still points into the clipped context.
    const context = p.context.slice(0, MAX_CONTEXT);
    const at = typeof p.at === 'number' && p.at < context.length ? p.at : undefined;
    return {
      mention: p.mention.slice(0, MAX_MENTION),
      category: p.category as Category,
      ...(typeof p.term === 'string' ? { term: p.term.slice(0, MAX_MENTION) } : {}),
      context,
      ...(at === undefined ? {} : { at }),
    };
  },
  openPanel: (p) => parsePanelTarget(p ?? {}),
  copyText: parseText,
  confirmTurnOff: noParams,
  loadCard: noParams,
  showHighlights: noParams,
  mentionCount: (p) => (isRecord(p) && isCount(p.count) ? { count: p.count } : new Error('count must be a non-negative integer')),
};

// ---------------------------------------------------------------------------
// To a page's content script: keyboard commands (background), "On this page" (panel), the summary (popup).

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

export interface PageListing {
  url: string;
  title: string;
  mentions: PageMention[];
  total: number;
}

export interface PageSummary {
  counts: Record<Category, number>;
  total: number;
  host: string;
}

export interface ContentApi {
  command: { params: { name: CommandName }; result: { handled: boolean } };
  /** The page's mentions in document order (capped at MAX_LISTED_MENTIONS). */
  listMentions: { params: Record<string, never>; result: PageListing };
  /** Scrolls to the `index`-th mention of the last listing and flashes it; `ok: false` when it is gone. */
  revealMention: { params: { index: number }; result: { ok: boolean } };
  /**
   * For the toolbar popup: mentions found on the page per category (shown or
   * not), `total`, how many are highlighted now (what the badge shows), and
   * the page's `location.hostname` (the popup may not see the tab's URL).
   */
  pageSummary: { params: Record<string, never>; result: PageSummary };
}

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

export const contentRequests: Parsers<ContentApi> = {
  command: (p) => (isRecord(p) && COMMANDS.includes(p.name as CommandName) ? { name: p.name as CommandName } : new Error(`unknown command ${String(isRecord(p) && p.name)}`)),
  listMentions: noParams,
  revealMention: (p) => (isRecord(p) && isCount(p.index) ? { index: p.index } : new Error('index must be a non-negative integer')),
  pageSummary: noParams,
};

const isMention = (m: unknown): m is PageMention =>
  isRecord(m) && Number.isSafeInteger(m.index) && CATEGORIES.includes(m.category as Category) && typeof m.text === 'string' && typeof m.sentence === 'string';

/**
 * What the extension pages accept back from a content script: it reads the
 * page, so its answers are checked like requests. A listing keeps its valid
 * mentions (one bad entry does not hide the rest).
 */
export const contentReplies: ReplyParsers<ContentApi> = {
  listMentions(value) {
    if (!isRecord(value) || typeof value.url !== 'string' || typeof value.title !== 'string' || !Array.isArray(value.mentions)) {
      return new Error('not a listing');
    }
    const mentions = value.mentions.filter(isMention);
    return { url: value.url, title: value.title, mentions, total: typeof value.total === 'number' ? value.total : mentions.length };
  },
  pageSummary(value) {
    if (!isRecord(value) || !isRecord(value.counts) || !isCount(value.total) || typeof value.host !== 'string') return new Error('not a summary');
    const counts = value.counts;
    if (!CATEGORIES.every((c) => isCount(counts[c]))) return new Error('not a summary');
    return { counts: counts as Record<Category, number>, total: value.total, host: value.host };
  },
};

// ---------------------------------------------------------------------------
// To the side panel page: from the background, another extension page, or a content script's broadcast.

/**
 * `show` comes from the background (after opening the panel) or any
 * extension context; `mentionsChanged` is a content script's broadcast that
 * its page's mentions changed, which the panel heeds only from the active
 * tab. `windowId`, when given, keeps a `show` meant for one window's panel
 * from moving the panels of others.
 */
export interface PanelApi {
  show: { params: PanelTarget & { windowId?: number }; result: { shown: boolean } };
  mentionsChanged: { params: Record<string, never>; result: void };
}

export const panelRequests: Parsers<PanelApi> = {
  show(p) {
    const target = parsePanelTarget(p);
    if (target instanceof Error) return target;
    const windowId = (p as { windowId?: unknown }).windowId;
    return typeof windowId === 'number' ? { ...target, windowId } : target;
  },
  // A broadcast that carries nothing and asks for nothing: whatever its params, it only prompts a re-listing.
  mentionsChanged: () => ({}),
};

// ---------------------------------------------------------------------------
// To Chrome's offscreen document: from the background, which has no DOM to copy from.

export interface OffscreenApi {
  offscreenCopy: { params: { text: string }; result: void };
}

export const offscreenRequests: Parsers<OffscreenApi> = { offscreenCopy: parseText };
