// @vitest-environment happy-dom
import '../../fake-browser-globals.ts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { badgeText, reportMentionCount, setupBadge } from '../../../../entrypoints/background/badge.ts';
import { BADGE_DEBOUNCE_MS, servePageSummary } from '../../../../entrypoints/content/page-summary.ts';
import type { Highlighter, PlacedMention } from '../../../../entrypoints/content/highlighter.ts';
import type { Category } from '../../../../lib/vocabulary/categories.ts';
import { backgroundRequests, contentRequests, parseRequest } from '../../../../lib/messages.ts';
import { defaultSettings } from '../../../../lib/settings/schema.ts';

const parseMentionCountRequest = (message: unknown) => parseRequest(message, backgroundRequests, ['mentionCount']);

/** Just enough of a Highlighter for the summary: its mentions. */
function highlighterWith(categories: Category[]): Highlighter {
  return { mentions: () => categories.map((category) => ({ category }) as PlacedMention) } as unknown as Highlighter;
}

const ALL_ON: Record<Category, boolean> = { huawei: true, sanctions: true, 'no-spy': true };

describe('page summary (content side)', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  /** The content script's answers go through sendResponse. */
  const ask = async (message: unknown) => {
    const answers: unknown[] = [];
    await fakeBrowser.runtime.onMessage.trigger(message, {}, (answer: unknown) => answers.push(answer));
    // Every answer is a Reply: the results of ok ones are what the popup reads.
    return answers.map((answer) => ((answer as { ok: boolean }).ok ? (answer as { result: unknown }).result : answer));
  };

  it('answers pageSummary with counts per category and the highlighted total; leaves other messages alone', async () => {
    const controller = new AbortController();
    const visible = { ...ALL_ON, sanctions: false };
    servePageSummary({ highlighter: () => highlighterWith(['huawei', 'huawei', 'sanctions', 'no-spy']), visible: () => visible, send: async () => {} }, controller.signal);
    expect(await ask({ method: 'pageSummary', params: {} })).toEqual([{ counts: { huawei: 2, sanctions: 1, 'no-spy': 1 }, total: 3, host: location.hostname }]);
    expect(await ask({ method: 'listMentions', params: {} })).toEqual([]);
    controller.abort();
    expect(await ask({ method: 'pageSummary', params: {} })).toEqual([]);
  });

  it('answers zeros while the page is off (no highlighter), so the popup can tell "off" from "cannot run"', async () => {
    servePageSummary({ highlighter: () => undefined, visible: () => ALL_ON, send: async () => {} }, new AbortController().signal);
    expect(await ask({ method: 'pageSummary', params: {} })).toEqual([{ counts: { huawei: 0, sanctions: 0, 'no-spy': 0 }, total: 0, host: location.hostname }]);
  });

  it('answers a pageSummary that arrives before the settings are read, counting as the defaults do', async () => {
    const defaults = defaultSettings().categories;
    servePageSummary({ highlighter: () => highlighterWith(['huawei', 'sanctions', 'no-spy', 'no-spy']), visible: () => undefined, send: async () => {} }, new AbortController().signal);
    const [answer] = await ask({ method: 'pageSummary', params: {} });
    expect(answer).toEqual({ counts: { huawei: 1, sanctions: 1, 'no-spy': 2 }, total: (defaults.huawei ? 1 : 0) + (defaults.sanctions ? 1 : 0) + (defaults['no-spy'] ? 2 : 0), host: location.hostname });
  });

  it('reports the badge count at most once per interval, only when it changed', async () => {
    const sent: unknown[] = [];
    let mentions: Category[] = [];
    const summary = servePageSummary({ highlighter: () => highlighterWith(mentions), visible: () => ALL_ON, send: async (m) => void sent.push(m) }, new AbortController().signal);
    for (let i = 1; i <= 5; i++) {
      mentions = Array.from({ length: i }, () => 'huawei');
      summary.onChange();
    }
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(BADGE_DEBOUNCE_MS);
    expect(sent).toEqual([{ method: 'mentionCount', params: { count: 5 } }]);
    summary.onChange();
    await vi.advanceTimersByTimeAsync(BADGE_DEBOUNCE_MS);
    expect(sent).toHaveLength(1);
    mentions = [];
    summary.onChange();
    await vi.advanceTimersByTimeAsync(BADGE_DEBOUNCE_MS);
    expect(sent.at(-1)).toEqual({ method: 'mentionCount', params: { count: 0 } });
  });

  it('a page mutating all the time still gets its count out', async () => {
    const sent: unknown[] = [];
    const summary = servePageSummary({ highlighter: () => highlighterWith(['no-spy']), visible: () => ALL_ON, send: async (m) => void sent.push(m) }, new AbortController().signal);
    for (let t = 0; t < BADGE_DEBOUNCE_MS * 2; t += 10) {
      summary.onChange();
      await vi.advanceTimersByTimeAsync(10);
    }
    expect(sent).toEqual([{ method: 'mentionCount', params: { count: 1 } }]);
  });
});

describe('badge (background side)', () => {
  beforeEach(() => fakeBrowser.reset());

  // The background's one listener routes `mentionCount` here, after checking the sender is this extension.
  const report = async (message: unknown, sender: object) => {
    const request = parseMentionCountRequest(message);
    if (request instanceof Error) return request;
    return reportMentionCount(request.params.count, { id: fakeBrowser.runtime.id, ...sender });
  };

  it('shows each tab its own count, nothing for none, 999+ beyond', async () => {
    setupBadge();
    await report({ method: 'mentionCount', params: { count: 12 } }, { tab: { id: 3 }, frameId: 0 });
    await report({ method: 'mentionCount', params: { count: 4000 } }, { tab: { id: 4 }, frameId: 0 });
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: 3 })).toBe('12'));
    expect(await fakeBrowser.action.getBadgeText({ tabId: 4 })).toBe('999+');
    expect([badgeText(0), badgeText(1), badgeText(999), badgeText(1000)]).toEqual(['', '1', '999', '999+']);
  });

  it('ignores frames and refuses malformed counts', async () => {
    setupBadge();
    await report({ method: 'mentionCount', params: { count: 5 } }, { tab: { id: 3 }, frameId: 2 });
    expect(await report({ method: 'mentionCount', params: { count: -1 } }, { tab: { id: 3 }, frameId: 0 })).toBeInstanceOf(Error);
    await new Promise((r) => setTimeout(r, 10));
    expect(await fakeBrowser.action.getBadgeText({ tabId: 3 })).toBe('');
    for (const bad of [null, {}, { method: 'mentionCount' }, { method: 'mentionCount', params: { count: 1.5 } }, { method: 'mentionCount', params: { count: '3' } }]) {
      expect(parseMentionCountRequest(bad)).toBeInstanceOf(Error);
    }
  });

  it('clears a tab’s count when it starts loading a new page', async () => {
    setupBadge();
    await report({ method: 'mentionCount', params: { count: 7 } }, { tab: { id: 3 }, frameId: 0 });
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: 3 })).toBe('7'));
    await fakeBrowser.tabs.onUpdated.trigger(3, { status: 'loading' }, { id: 3 } as never);
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: 3 })).toBe(''));
  });
});

describe('pageSummary message', () => {
  it('is accepted only where asked for, with empty params', () => {
    expect(parseRequest({ method: 'pageSummary', params: { x: 1 } }, contentRequests, ['pageSummary'])).toEqual({ method: 'pageSummary', params: {} });
    expect(parseRequest({ method: 'pageSummary', params: {} }, contentRequests, ['command'])).toBeInstanceOf(Error);
    expect(parseRequest({ method: 'pageSummary' }, contentRequests, ['pageSummary'])).toBeInstanceOf(Error);
  });
});
