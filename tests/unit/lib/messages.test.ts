import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backgroundRequests, client, parseRequest, type BackgroundApi } from '../../../lib/messages.ts';

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
