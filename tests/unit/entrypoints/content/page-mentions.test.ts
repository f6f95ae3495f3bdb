// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CHANGE_GAP_MS, FLASH_MS, servePageMentions } from '../../../../entrypoints/content/page-mentions.ts';
import { MAX_SENTENCE, sentenceAround } from '../../../../lib/detect/sentence.ts';
import type { Highlighter, PlacedMention } from '../../../../entrypoints/content/highlighter.ts';
import { contentRequests, MAX_LISTED_MENTIONS, MAX_LISTED_TEXT, MAX_TITLE, MAX_URL, panelRequests, parseRequest, type ContentApi } from '../../../../lib/messages.ts';

const parseContentRequest = (message: unknown, methods: readonly (keyof ContentApi)[] = ['command']) => parseRequest(message, contentRequests, methods);
const parsePanelRequest = (message: unknown) => parseRequest(message, panelRequests);
import { acceptPending, panelHash, parsePanelHash, PENDING_TTL_MS } from '../../../../lib/panel-link.ts';

describe('sentenceAround', () => {
  it('takes the sentence holding the span', () => {
    const text = 'One thing. Huawei said it would sign. Three more.';
    expect(sentenceAround(text, text.indexOf('Huawei'), text.indexOf('Huawei') + 6)).toBe('Huawei said it would sign.');
  });

  it('does not stop at abbreviations', () => {
    const text = 'Before. The U.S. added Huawei to the list in May. After.';
    expect(sentenceAround(text, text.indexOf('Huawei'), text.indexOf('Huawei') + 6)).toBe('The U.S. added Huawei to the list in May.');
  });

  it('ends Chinese sentences at 。 and collapses whitespace', () => {
    expect(sentenceAround('第一句。在深圳，华为表示愿意。', 9, 11)).toBe('在深圳，华为表示愿意。');
    expect(sentenceAround('Huawei\n   said   so.', 0, 6)).toBe('Huawei said so.');
  });

  it('cuts a long sentence around the mention, with ellipses', () => {
    const text = `${'word '.repeat(100)}Huawei ${'more '.repeat(100)}end.`;
    const out = sentenceAround(text, text.indexOf('Huawei'), text.indexOf('Huawei') + 6, 80);
    expect(out.length).toBeLessThanOrEqual(82);
    expect(out).toContain('Huawei');
    expect(out.startsWith('…') && out.endsWith('…')).toBe(true);
  });
});

/** A stand-in for the content script's Highlighter: the mentions it holds and the active one. */
function fakeHighlighter(mentions: PlacedMention[]) {
  const state = { active: undefined as PlacedMention | undefined };
  const highlighter = {
    mentions: () => mentions,
    shownMentions: () => mentions,
    has: (node: Node) => mentions.some((m) => m.nodes.includes(node)),
    setActive: (m: PlacedMention | undefined) => (state.active = m),
  };
  return { highlighter: highlighter as unknown as Highlighter, state };
}

function mention(node: Text, text: string, category: PlacedMention['category'] = 'huawei'): PlacedMention {
  const start = node.data.indexOf(text);
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(node, start + text.length);
  return { category, text, term: text, block: node.data, at: start, range: range as unknown as StaticRange, nodes: [node] };
}

/** Delivers a message to the content script's listeners as the browser would; the first answer (through sendResponse) wins. */
async function send(message: unknown): Promise<unknown> {
  const answers: unknown[] = [];
  await fakeBrowser.runtime.onMessage.trigger(message, {}, (answer: unknown) => answers.push(answer));
  // Every answer is a Reply: the result of an ok one is what the panel reads.
  const first = answers[0] as { ok: boolean; result?: unknown } | undefined;
  return first?.ok ? first.result : first;
}

describe('servePageMentions', () => {
  let controller: AbortController;
  beforeEach(() => {
    fakeBrowser.reset();
    controller = new AbortController();
    document.title = 'News';
    document.body.innerHTML = '<p id="a">First. Liang Hua offered a no-spy deal. Then more.</p><p id="b">Later, <b>Huawei</b> said no.</p>';
  });
  afterEach(() => {
    controller.abort();
    vi.useRealTimers();
  });

  const texts = () => ({ a: document.querySelector('#a')!.firstChild as Text, b: document.querySelector('#b b')!.firstChild as Text });

  it('lists mentions in document order with their sentences, and reveals one by scrolling and flashing it', async () => {
    vi.useFakeTimers();
    const { a, b } = texts();
    // Registered out of order, as category highlights are: the listing sorts them.
    const ms = [mention(b, 'Huawei'), mention(a, 'no-spy deal', 'no-spy'), mention(a, 'Liang Hua')];
    const { highlighter, state } = fakeHighlighter(ms);
    servePageMentions(highlighter, controller.signal);
    const listing = (await send({ method: 'listMentions', params: {} })) as { mentions: { text: string; sentence: string; index: number }[]; title: string; total: number };
    expect(listing.title).toBe('News');
    expect(listing.total).toBe(3);
    expect(listing.mentions.map((m) => [m.index, m.text, m.sentence])).toEqual([
      [0, 'Liang Hua', 'Liang Hua offered a no-spy deal.'],
      [1, 'no-spy deal', 'Liang Hua offered a no-spy deal.'],
      [2, 'Huawei', 'Later, Huawei said no.'],
    ]);
    const scrolled = vi.fn();
    document.querySelector<HTMLElement>('#b b')!.scrollIntoView = scrolled;
    expect(await send({ method: 'revealMention', params: { index: 2 } })).toEqual({ ok: true });
    expect(scrolled).toHaveBeenCalledWith({ block: 'center' });
    expect(state.active?.text).toBe('Huawei');
    vi.advanceTimersByTime(FLASH_MS);
    expect(state.active).toBeUndefined();
  });

  it('caps every field of a listing, so a full one stays under 1 MB whatever the page', async () => {
    // Huge blocks and title, and "mentions" stretched by white space.
    document.title = 'T'.repeat(1_000_000);
    const filler = 'x '.repeat(50_000);
    const stretched = `Entity${' '.repeat(50_000)}List`;
    document.body.innerHTML = '';
    const ms: PlacedMention[] = [];
    for (let i = 0; i < 3; i++) {
      const p = document.createElement('p');
      p.append(`${filler}${stretched} ${filler}`);
      document.body.append(p);
      ms.push(mention(p.firstChild as Text, stretched, 'sanctions'));
    }
    servePageMentions(fakeHighlighter(ms).highlighter, controller.signal);
    const listing = (await send({ method: 'listMentions', params: {} })) as { mentions: { text: string; sentence: string }[]; title: string; url: string };
    expect(listing.title.length).toBe(MAX_TITLE);
    const largest = Math.max(...listing.mentions.map((m) => JSON.stringify({ ...m, index: MAX_LISTED_MENTIONS, category: 'sanctions' }).length));
    expect(largest).toBeLessThanOrEqual(MAX_LISTED_TEXT + MAX_SENTENCE + 2 + 80);
    expect(listing.mentions[0]!.sentence).toContain('Entity');
    expect(MAX_LISTED_MENTIONS * largest + MAX_TITLE + MAX_URL).toBeLessThan(1_000_000);
  });

  it('refuses to reveal a mention that has left the page', async () => {
    const { a } = texts();
    const { highlighter } = fakeHighlighter([mention(a, 'Liang Hua')]);
    servePageMentions(highlighter, controller.signal);
    await send({ method: 'listMentions', params: {} });
    a.parentElement!.remove();
    expect(await send({ method: 'revealMention', params: { index: 0 } })).toEqual({ ok: false });
    expect(await send({ method: 'revealMention', params: { index: 7 } })).toEqual({ ok: false });
  });

  it('tells panels about changes at most once per gap, and only once a panel has listed the page', async () => {
    vi.useFakeTimers();
    const broadcast = vi.fn(async () => undefined);
    const { highlighter } = fakeHighlighter([]);
    const { onChange } = servePageMentions(highlighter, controller.signal, { broadcast });
    onChange();
    vi.advanceTimersByTime(CHANGE_GAP_MS * 2);
    expect(broadcast).not.toHaveBeenCalled();
    await send({ method: 'listMentions', params: {} });
    for (let i = 0; i < 50; i++) onChange();
    vi.advanceTimersByTime(CHANGE_GAP_MS);
    expect(broadcast).toHaveBeenCalledTimes(1);
    expect(broadcast).toHaveBeenCalledWith({ method: 'mentionsChanged', params: {} });
    onChange();
    controller.abort();
    vi.advanceTimersByTime(CHANGE_GAP_MS);
    expect(broadcast).toHaveBeenCalledTimes(1);
  });
});

describe('panel messages', () => {
  it('each content listener parses only its own methods', () => {
    expect(parseContentRequest({ method: 'listMentions', params: {} })).toBeInstanceOf(Error);
    expect(parseContentRequest({ method: 'listMentions', params: {} }, ['listMentions', 'revealMention'])).toEqual({ method: 'listMentions', params: {} });
    expect(parseContentRequest({ method: 'command', params: { name: 'open-card' } }, ['listMentions'])).toBeInstanceOf(Error);
    expect(parseContentRequest({ method: 'revealMention', params: { index: -1 } }, ['revealMention'])).toBeInstanceOf(Error);
    expect(parseContentRequest({ method: 'revealMention', params: { index: 1.5 } }, ['revealMention'])).toBeInstanceOf(Error);
  });

  it('show carries a checked target and an optional window', () => {
    expect(parsePanelRequest({ method: 'show', params: { read: 'a#b', windowId: 3, extra: 1 } })).toEqual({ method: 'show', params: { read: 'a#b', windowId: 3 } });
    expect(parsePanelRequest({ method: 'show', params: { query: 42 } })).toBeInstanceOf(Error);
    expect(parsePanelRequest({ method: 'mentionsChanged' })).toEqual({ method: 'mentionsChanged', params: {} });
    expect(parsePanelRequest({ method: 'lookup', params: {} })).toBeInstanceOf(Error);
  });

  it('the URL hash round-trips statement ids with their # and any query', () => {
    const target = { read: '001_cf337998d25e89a1#1b2c3d4e', query: 'no-spy & "Ren"' };
    expect(parsePanelHash(panelHash(target))).toEqual(target);
    expect(panelHash({})).toBe('');
    expect(parsePanelHash('#q=')).toEqual({});
  });

  it('a pending target is taken only by its window and only while fresh', () => {
    const now = 1_000_000;
    expect(acceptPending({ query: 'x', at: now, windowId: 1 }, 1, now)).toEqual({ query: 'x' });
    expect(acceptPending({ query: 'x', at: now, windowId: 1 }, 2, now)).toBeUndefined();
    expect(acceptPending({ query: 'x', at: now - PENDING_TTL_MS - 1 }, 1, now)).toBeUndefined();
    expect(acceptPending({ at: now }, 1, now)).toBeUndefined();
    expect(acceptPending('junk', 1, now)).toBeUndefined();
  });
});
