/**
 * Every message between the extension's contexts, in one typed map per
 * direction. The content script and extension pages call the background
 * through {@link createBackgroundClient}; the background checks each request
 * with {@link parseBackgroundRequest} before touching it, because a message
 * is input like any other.
 */
import type { Category } from './detect/types.ts';
import { CATEGORIES } from './detect/types.ts';
import type { Result } from './search/result.ts';
import { MAX_CONTEXT, MAX_MENTION } from './search/query.ts';

/** Requests the background answers: method -> params and result. */
export interface BackgroundApi {
  /** Load the index now, so the first card does not wait for it. */
  warm: { params: Record<string, never>; result: { statements: number } };
  /** What the card shows for a mention in its context. */
  lookup: {
    params: { mention: string; category: Category; context: string };
    result: { primary: Result[]; counterclaims: Result[] };
  };
}

export type BackgroundMethod = keyof BackgroundApi;

/** Keyboard commands from the manifest, forwarded by the background to the active tab. */
export const COMMANDS = ['open-card', 'next-mention', 'previous-mention'] as const;
export type CommandName = (typeof COMMANDS)[number];

/** Messages the content script accepts (from the background only). */
export interface ContentApi {
  command: { params: { name: CommandName }; result: { handled: boolean } };
}

/** Validates a message for the content script; anything else is ignored. */
export function parseContentRequest(message: unknown): { method: 'command'; params: ContentApi['command']['params'] } | Error {
  if (typeof message !== 'object' || message === null) return new Error('message is not an object');
  const { method, params } = message as { method?: unknown; params?: { name?: unknown } };
  if (method !== 'command' || typeof params !== 'object' || params === null) return new Error(`unknown method ${String(method)}`);
  if (!COMMANDS.includes(params.name as CommandName)) return new Error(`unknown command ${String(params.name)}`);
  return { method, params: { name: params.name as CommandName } };
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
      return {
        method,
        params: { mention: p.mention.slice(0, MAX_MENTION), category: p.category as Category, context: p.context.slice(0, MAX_CONTEXT) },
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
