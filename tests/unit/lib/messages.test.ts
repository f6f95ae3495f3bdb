import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { answerPort, backgroundRequests, client, listen, parseRequest, PORT_IDLE_MS, type PortLike, portTransport, type BackgroundApi } from '../../../lib/messages.ts';

const parseBackgroundRequest = (message: unknown) => parseRequest(message, backgroundRequests);
const createBackgroundClient = (send: (message: unknown) => Promise<unknown>) => client<BackgroundApi>(send);
import { MAX_CONTEXT, MAX_MENTION } from '../../../lib/search/limits.ts';

describe('parseBackgroundRequest', () => {
  it('accepts a well-formed lookup and cuts over-long text instead of processing it', () => {
    const request = parseBackgroundRequest({
      method: 'lookup',
      params: { mention: 'H'.repeat(MAX_MENTION + 50), category: 'huawei', context: 'x'.repeat(MAX_CONTEXT * 10) },
    });
    expect(request).not.toBeInstanceOf(Error);
    const { params } = request as { params: { mention: string; context: string } };
    expect(params.mention).toHaveLength(MAX_MENTION);
    expect(params.context).toHaveLength(MAX_CONTEXT);
  });

  it.each([
    ['not an object', 'lookup'],
    ['null', null],
    ['unknown method', { method: 'eval', params: {} }],
    ['prototype key as method', { method: '__proto__', params: {} }],
    ['missing params', { method: 'lookup' }],
    ['mention of the wrong type', { method: 'lookup', params: { mention: 42, category: 'huawei', context: '' } }],
    ['empty mention', { method: 'lookup', params: { mention: '  ', category: 'huawei', context: '' } }],
    ['unknown category', { method: 'lookup', params: { mention: 'Huawei', category: 'apple', context: '' } }],
    ['context of the wrong type', { method: 'lookup', params: { mention: 'Huawei', category: 'huawei', context: {} } }],
  ])('refuses %s with an error, never a throw', (_, message) => {
    expect(parseBackgroundRequest(message)).toBeInstanceOf(Error);
  });

  it('never throws, whatever arrives', () => {
    fc.assert(
      fc.property(fc.anything(), (message) => {
        const out = parseBackgroundRequest(message);
        expect(out instanceof Error || typeof out === 'object').toBe(true);
      }),
    );
  });
});

describe('createBackgroundClient', () => {
  it('returns the result of a successful reply and rejects with the error of a failed one', async () => {
    const ok = createBackgroundClient(async () => ({ ok: true, result: { statements: 95 } }));
    await expect(ok('warm', {})).resolves.toEqual({ statements: 95 });
    const failing = createBackgroundClient(async () => ({ ok: false, error: 'lookup: unknown category apple' }));
    await expect(failing('warm', {})).rejects.toThrow('unknown category apple');
    const silent = createBackgroundClient(async () => undefined);
    await expect(silent('warm', {})).rejects.toThrow('no answer to warm');
  });
});

/** Two ends of a port, as `runtime.connect` and `runtime.onConnect` hand them out: each end's messages reach the other's listeners, asynchronously. */
function portPair(): { near: PortLike; far: PortLike; sent: unknown[] } {
  const listeners = { near: [] as ((m: unknown) => void)[], far: [] as ((m: unknown) => void)[] };
  const gone = { near: [] as (() => void)[], far: [] as (() => void)[] };
  let open = true;
  const sent: unknown[] = [];
  const end = (self: 'near' | 'far', other: 'near' | 'far'): PortLike => ({
    postMessage: (m) => {
      if (!open) throw new Error('Attempting to use a disconnected port object');
      if (self === 'near') sent.push(m);
      const copy = structuredClone(m);
      queueMicrotask(() => listeners[other].forEach((f) => f(copy)));
    },
    disconnect: () => {
      if (!open) return;
      open = false;
      // As in the browsers: the other end hears of it, the end that closed does not.
      queueMicrotask(() => gone[other].forEach((f) => f()));
    },
    onMessage: { addListener: (f) => listeners[self].push(f) },
    onDisconnect: { addListener: (f) => gone[self].push(f) },
  });
  return { near: end('near', 'far'), far: end('far', 'near'), sent };
}

describe('lookups over a port (portTransport, answerPort)', () => {
  const params = { mention: 'Huawei', category: 'huawei' as const, context: 'Huawei said.' };
  /** A background that answers lookups with the mention it got, counting ports it was given. */
  function background() {
    const ends: PortLike[] = [];
    const answer = listen<BackgroundApi, 'lookup', string>(backgroundRequests, { lookup: (p) => ({ results: [], reason: null, asked: p.mention }) as never });
    const connect = () => {
      const { near, far } = portPair();
      ends.push(far);
      answerPort(far, 'sender', answer);
      return near;
    };
    return { ends, connect };
  }

  it('answers through the same client as sendMessage, on one port for many lookups', async () => {
    const bg = background();
    const call = client<BackgroundApi>(portTransport(bg.connect));
    const [a, b] = await Promise.all([call('lookup', params), call('lookup', { ...params, mention: 'Ren' })]);
    expect((a as unknown as { asked: string }).asked).toBe('Huawei');
    expect((b as unknown as { asked: string }).asked).toBe('Ren');
    await call('lookup', params);
    expect(bg.ends).toHaveLength(1);
  });

  it('refuses bad params and methods the port does not answer with an error reply, never silence', async () => {
    const bg = background();
    const call = client<BackgroundApi>(portTransport(bg.connect));
    await expect(call('lookup', { ...params, category: 'apple' as never })).rejects.toThrow(/unknown category apple/);
    await expect(call('warm', {})).rejects.toThrow(/not answered on this port/);
  });

  it('opens a new port after the background closed the old one, and sends a request lost with it once more', async () => {
    let ends = 0;
    let drop = true;
    const answer = listen<BackgroundApi, 'lookup', string>(backgroundRequests, { lookup: () => ({ results: [], reason: null }) });
    const connect = () => {
      const { near, far } = portPair();
      ends++;
      // The first port: the worker stops before it answers.
      if (drop) {
        drop = false;
        far.onMessage.addListener(() => far.disconnect());
      } else answerPort(far, 'sender', answer);
      return near;
    };
    const call = client<BackgroundApi>(portTransport(connect));
    await expect(call('lookup', params)).resolves.toEqual({ results: [], reason: null });
    expect(ends).toBe(2);
  });

  it('gives up on a request lost twice, and on everything once the extension is gone', async () => {
    const connect = () => {
      const { near, far } = portPair();
      far.onMessage.addListener(() => far.disconnect());
      return near;
    };
    await expect(client<BackgroundApi>(portTransport(connect))('lookup', params)).rejects.toThrow(/disconnected/);
    const invalidated = () => {
      throw new Error('Extension context invalidated.');
    };
    await expect(client<BackgroundApi>(portTransport(invalidated))('lookup', params)).rejects.toThrow(/context invalidated/);
  });

  it('closes an idle port, and everything when its signal aborts', async () => {
    vi.useFakeTimers();
    try {
      const bg = background();
      const disconnects: number[] = [];
      const connect = () => {
        const port = bg.connect();
        const close = port.disconnect;
        port.disconnect = () => {
          disconnects.push(bg.ends.length);
          close();
        };
        return port;
      };
      const abort = new AbortController();
      const call = client<BackgroundApi>(portTransport(connect, abort.signal));
      await call('lookup', params);
      await vi.advanceTimersByTimeAsync(PORT_IDLE_MS + 1);
      expect(disconnects).toEqual([1]);
      await call('lookup', params);
      expect(bg.ends).toHaveLength(2);
      abort.abort();
      expect(disconnects).toEqual([1, 2]);
      await expect(call('lookup', params)).rejects.toThrow(/closed/);
    } finally {
      vi.useRealTimers();
    }
  });
});
