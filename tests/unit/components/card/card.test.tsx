// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Card, VISIBLE_PER_SECTION } from '../../../../components/card/Card.tsx';
import { COPIED_FEEDBACK_MS } from '../../../../components/card/CardItemView.tsx';
import type { CardItem } from '../../../../components/card/types.ts';
import { counter, liangHua, makeItem, makeProps, ministry, readyState, rebuttal } from './fixtures.ts';
import { jsonMessageSource, setMessageSource } from '../../../../lib/i18n.ts';
import en from '../../../../public/_locales/en/messages.json';

// The strings are the English locale file's, through the same lookup rules as the browser's.
beforeAll(() => setMessageSource(jsonMessageSource(en)));

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const dialog = () => screen.getByRole('dialog');
const section = (name: RegExp) => screen.getByRole('region', { name });
const quoteOf = (item: CardItem) => {
  const el = document.querySelector(`[data-item-id="${item.id}"] blockquote`);
  if (!el) throw new Error(`no quote for ${item.id}`);
  return el;
};

function many(prefix: string, count: number, kind: CardItem['kind']): CardItem[] {
  return Array.from({ length: count }, (_, i) =>
    makeItem({ id: `${prefix}${i}`, kind, text: `${prefix} statement number ${i}.`, speaker: { name: `${prefix} speaker ${i}`, role: 'Fixture', side: 'press' } }),
  );
}

describe('Card: header and dialog semantics', () => {
  it('is a dialog named by the mention and described by its category', () => {
    render(<Card {...makeProps()} />);
    const root = dialog();
    const title = screen.getByRole('heading', { level: 2 });
    expect(title.textContent).toBe('no-spy agreement');
    expect(root.getAttribute('aria-labelledby')).toBe(title.id);
    expect(root).toBe(screen.getByRole('dialog', { name: 'no-spy agreement' }));
    const desc = document.getElementById(root.getAttribute('aria-describedby') ?? '');
    expect(desc?.textContent).toContain('No-spy pledges');
  });

  it.each([
    ['huawei', 'Huawei'],
    ['sanctions', 'Sanctions'],
    ['no-spy', 'No-spy pledges'],
  ] as const)('labels category %s as "%s"', (category, label) => {
    render(<Card {...makeProps({ mention: { text: 'x', category } })} />);
    expect(dialog().querySelector('.sc-cat')?.textContent).toBe(label);
  });

  it('close button and footer button are real buttons that call back', () => {
    const props = makeProps();
    render(<Card {...props} />);
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(props.onClose).toHaveBeenCalledTimes(1);
    const off = screen.getByRole('button', { name: 'Turn off on this site' });
    expect(off.tagName).toBe('BUTTON');
    fireEvent.click(off);
    expect(props.onTurnOffSite).toHaveBeenCalledTimes(1);
    expect(props.onClose).toHaveBeenCalledTimes(1);
  });
});

describe('Card: states', () => {
  it('results: the lead and what disputes it together, then the rest; kind labels neutral', () => {
    render(<Card {...makeProps()} />);
    const matter = section(/The claim and its answers/);
    const more = section(/More on this/);
    const quotes = (region: HTMLElement) => within(region).getAllByRole('article').map((a) => a.querySelector('blockquote')?.textContent);
    expect(quotes(matter)).toEqual([liangHua.text, counter.text]);
    expect(quotes(more)).toEqual([ministry.text]);
    // Both sides in the same layout: the claim and the counterclaim are items of one list.
    expect(within(matter).getByText('Own words')).toBeTruthy();
    expect(within(matter).getByText('Disputing claim')).toBeTruthy();
    expect(dialog().getAttribute('aria-busy')).toBe('false');
  });

  it('says why it shows the statements: topics, shared words, the named speaker', () => {
    render(<Card {...makeProps()} />);
    expect(dialog().querySelector('.sc-why')?.textContent).toBe(
      'Why these: the paragraph is about No-spy pledges; shared words: no-spy, agreements; Liang Hua is named',
    );
  });

  it('no why-line when there is no reason to give', () => {
    render(<Card {...makeProps({ state: readyState([liangHua]) })} />);
    expect(dialog().querySelector('.sc-why')).toBeNull();
  });

  it('shows a context item as "Reporting"', () => {
    const report = makeItem({ id: 'r', kind: 'context', text: 'Reporters noted the offer.' });
    render(<Card {...makeProps({ state: readyState([report]) })} />);
    expect(screen.getByText('Reporting')).toBeTruthy();
  });

  it('a lead nothing disputes says so honestly, under a heading that promises no answers, and the rest follow', () => {
    render(<Card {...makeProps({ state: readyState([ministry, liangHua]) })} />);
    expect(screen.queryByRole('region', { name: /The claim and its answers/ })).toBeNull();
    const matter = section(/^What fits the paragraph best$/);
    expect(within(matter).getAllByRole('article')).toHaveLength(1);
    expect(matter.textContent).toContain('Nothing in the corpus answers or disputes this statement.');
    expect(matter.querySelector('.sc-count')).toBeNull();
    expect(within(section(/More on this/)).getAllByRole('article')).toHaveLength(1);
  });

  it('a lead whose pairings were left off as fitting the paragraph less says so, not that nothing answers it', () => {
    render(<Card {...makeProps({ state: readyState([ministry, liangHua], { topics: [], words: [], speaker: null, pairedLeftOff: 2 }) })} />);
    const matter = section(/^What fits the paragraph best$/);
    expect(matter.textContent).toContain('The corpus pairs this statement with 2 more, which fit this paragraph less and are not shown.');
    expect(matter.textContent).not.toContain('Nothing in the corpus answers');
    cleanup();
    render(<Card {...makeProps({ state: readyState([ministry], { topics: [], words: [], speaker: null, pairedLeftOff: 1 }) })} />);
    expect(section(/^What fits the paragraph best$/).textContent).toContain('The corpus pairs this statement with one more, which fits this paragraph less and is not shown.');
  });

  it('a counterclaim can lead: the claim it disputes sits next to it; pairing to a missing item is honest', () => {
    render(<Card {...makeProps({ state: readyState([counter, liangHua]) })} />);
    expect(within(section(/The claim and its answers/)).getAllByRole('article')).toHaveLength(2);
    cleanup();
    render(<Card {...makeProps({ state: readyState([counter]) })} />);
    expect(screen.getByRole('article').textContent).toContain('Disputes: a statement not shown in this card');
  });

  it('empty: honest message and a search button that calls back with the mention', () => {
    const props = makeProps({ state: readyState([]) });
    render(<Card {...props} />);
    expect(screen.getByText('Nothing in the corpus is about what this paragraph says.')).toBeTruthy();
    expect(screen.queryByRole('region')).toBeNull();
    expect(screen.queryAllByRole('article')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Search the corpus for “no-spy agreement”' }));
    expect(props.onSearchCorpus).toHaveBeenCalledWith('no-spy agreement');
  });

  it('loading: aria-busy, a skeleton hidden from assistive tech, no items', () => {
    render(<Card {...makeProps({ state: { status: 'loading' } })} />);
    expect(dialog().getAttribute('aria-busy')).toBe('true');
    expect(screen.getByText('Loading statements…')).toBeTruthy();
    expect(dialog().querySelector('.sc-skeleton')?.getAttribute('aria-hidden')).toBe('true');
    expect(screen.queryAllByRole('article')).toHaveLength(0);
    // Still closable and switchable off while loading.
    expect(screen.getByRole('button', { name: 'Close' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Turn off on this site' })).toBeTruthy();
  });

  it('error: shows the message as text in an alert, without crashing', () => {
    const message = 'Background not reachable <script>alert(1)</script>';
    render(<Card {...makeProps({ state: { status: 'error', message } })} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Couldn’t load statements for this mention.');
    expect(alert.textContent).toContain(message);
    expect(alert.querySelector('script')).toBeNull();
    expect(dialog().getAttribute('aria-busy')).toBe('false');
  });

  it('moves from loading to results when the state prop changes', () => {
    const props = makeProps({ state: { status: 'loading' } });
    const { rerender } = render(<Card {...props} />);
    expect(screen.queryAllByRole('article')).toHaveLength(0);
    rerender(<Card {...props} state={readyState([liangHua, counter])} />);
    expect(screen.getAllByRole('article')).toHaveLength(2);
    expect(dialog().getAttribute('aria-busy')).toBe('false');
  });
});

describe('Card: item content', () => {
  it('shows the verbatim quote, speaker with role, side label, publisher and formatted date', () => {
    render(<Card {...makeProps()} />);
    const item = screen.getByRole('article', { name: 'Liang Hua, Chairman, Huawei' });
    expect(quoteOf(liangHua).textContent).toBe(liangHua.text);
    expect(item.querySelector('.sc-side')?.textContent).toBe('Huawei');
    expect(item.querySelector('.sc-side__dot')?.getAttribute('aria-hidden')).toBe('true');
    expect(item.querySelector('.sc-meta')?.textContent).toBe('Reuters · 14 May 2019');
    expect(item.querySelector('time')?.getAttribute('datetime')).toBe('2019-05-14');
  });

  it('formats partial dates and says "date unknown" when there is none', () => {
    render(<Card {...makeProps()} />);
    const mfa = screen.getByRole('article', { name: /Foreign ministry spokesperson/ });
    expect(mfa.querySelector('.sc-meta')?.textContent).toBe('Ministry of Foreign Affairs · Feb 2021');
    expect(mfa.querySelector('.sc-side')?.textContent).toBe('Chinese government');
    const official = screen.getByRole('article', { name: /Test Official/ });
    expect(official.querySelector('.sc-meta')?.textContent).toBe('Example Wire · date unknown');
    expect(official.querySelector('time')?.hasAttribute('datetime')).toBe(false);
  });

  it('says "Publisher unknown" when the publisher is missing', () => {
    const item = makeItem({ id: 'np', text: 'x' });
    render(<Card {...makeProps({ state: readyState([item]) })} />);
    expect(dialog().querySelector('.sc-meta')?.textContent).toBe('Publisher unknown · date unknown');
  });

  it('emphasizes the matched words and nothing else', () => {
    render(<Card {...makeProps()} />);
    const marks = Array.from(quoteOf(liangHua).querySelectorAll('mark')).map((m) => m.textContent);
    expect(marks).toEqual(['no-spy', 'agreements', 'no-spy']);
    expect(Array.from(quoteOf(ministry).querySelectorAll('mark')).map((m) => m.textContent)).toEqual(['intelligence']);
    // Terms of one item do not leak into another.
    expect(Array.from(quoteOf(counter).querySelectorAll('mark')).map((m) => m.textContent)).toEqual(['no-spy']);
  });

  it('shows reported speech as reported: no quotation element, a plain "Reported" marker; a verbatim quote has neither', () => {
    const reported = makeItem({
      id: 'c-reported',
      kind: 'counterclaim',
      voice: 'reported',
      text: 'Test Official said that such pledges meant nothing. (test fixture)',
      speaker: { name: 'Test Official', role: 'Fixture: US official', side: 'us-government' },
      answers: ['p-liang'],
    });
    render(<Card {...makeProps({ state: readyState([liangHua, reported]) })} />);
    const item = screen.getByRole('article', { name: /Test Official/ });
    expect(item.querySelector('blockquote')).toBeNull();
    const text = item.querySelector('.sc-quote');
    expect(text?.tagName).toBe('P');
    expect(text?.classList.contains('sc-quote--reported')).toBe(true);
    expect(text?.textContent).toBe(reported.text);
    expect(item.querySelector('.sc-item__top')?.textContent).toBe('Disputing claimReportedUS government');
    const quoted = screen.getByRole('article', { name: /Liang Hua/ });
    expect(quoteOf(liangHua).classList.contains('sc-quote--reported')).toBe(false);
    expect(quoted.querySelector('.sc-voice')).toBeNull();
  });

  it('renders HTML in corpus text as inert text: no element is created', () => {
    const hostile = makeItem({
      id: 'evil',
      text: 'Huawei said <img src=x onerror="globalThis.__cardPwned=1"> and <a href="javascript:alert(1)">click</a>',
      matchedTerms: ['huawei', 'img'],
      speaker: { name: '<b>Name</b>', role: '<i>role</i>', side: 'press' },
      source: { file: 'f', title: null, publisher: '<u>Pub</u>', date: null, url: null },
    });
    render(<Card {...makeProps({ state: readyState([hostile]), mention: { text: '<img src=y>', category: 'huawei' } })} />);
    const root = dialog();
    for (const tag of ['img', 'a', 'b', 'i', 'u']) expect(root.querySelector(tag)).toBeNull();
    expect(quoteOf(hostile).textContent).toBe(hostile.text);
    expect(root.textContent).toContain('<b>Name</b>');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('<img src=y>');
    expect((globalThis as { __cardPwned?: number }).__cardPwned).toBeUndefined();
  });
});

describe('Card: pairing', () => {
  it('a counterclaim shows which claim it disputes, with speaker and excerpt', () => {
    render(<Card {...makeProps()} />);
    const item = screen.getByRole('article', { name: /Test Official/ });
    const pair = item.querySelector('.sc-pair');
    expect(pair?.textContent).toBe('Disputes: Liang Hua — “We are willing to sign no-spy agreements with…”');
  });

  it('the disputed claim shows who disputes it', () => {
    render(<Card {...makeProps()} />);
    const item = screen.getByRole('article', { name: 'Liang Hua, Chairman, Huawei' });
    expect(item.textContent).toContain('Disputed by: Test Official');
  });

  it('a primary item that rebuts a counterclaim shows "Answers: …", and the counterclaim "Answered by"', () => {
    render(<Card {...makeProps({ state: readyState([liangHua, counter, rebuttal]) })} />);
    const reb = screen.getByRole('article', { name: /Test Spokesperson/ });
    expect(reb.querySelector('.sc-pair')?.textContent).toBe(
      'Answers: Test Official — “A no-spy agreement cannot override a national…”',
    );
    const official = screen.getByRole('article', { name: /Test Official/ });
    expect(official.textContent).toContain('Answered by: Test Spokesperson');
  });

  it('a pairing link reveals and focuses the answered item, even behind "Show N more"', () => {
    const hiddenTarget = makeItem({ id: 'deep', text: 'The deep claim.', speaker: { name: 'Deep Speaker', role: 'Fixture', side: 'huawei' } });
    const disputing = makeItem({ id: 'c', kind: 'counterclaim', text: 'Not so.', answers: ['deep'] });
    render(<Card {...makeProps({ state: readyState([liangHua, disputing, ...many('p', VISIBLE_PER_SECTION, 'primary'), hiddenTarget]) })} />);
    expect(screen.queryByText('The deep claim.')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Deep Speaker — “The deep claim.”' }));
    const target = screen.getByRole('article', { name: /Deep Speaker/ });
    expect(document.activeElement).toBe(target);
    expect(screen.getByRole('button', { name: 'Show fewer' })).toBeTruthy();
  });
});

describe('Card: long lists and long quotes', () => {
  it('shows the matter whole, the best 3 of the rest and a "Show N more" toggle', () => {
    render(<Card {...makeProps({ state: readyState([liangHua, counter, ...many('p', 5, 'primary')]) })} />);
    expect(within(section(/The claim and its answers/)).getAllByRole('article')).toHaveLength(2);
    const more = section(/More on this/);
    expect(within(more).getAllByRole('article')).toHaveLength(3);
    expect(within(more).getByText('p statement number 0.')).toBeTruthy();
    expect(within(more).queryByText('p statement number 3.')).toBeNull();
    const toggle = within(more).getByRole('button', { name: 'Show 2 more' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');

    fireEvent.click(toggle);
    expect(within(more).getAllByRole('article')).toHaveLength(5);
    const fewer = within(more).getByRole('button', { name: 'Show fewer' });
    expect(fewer.getAttribute('aria-expanded')).toBe('true');

    fireEvent.click(fewer);
    expect(within(more).getAllByRole('article')).toHaveLength(3);
  });

  it('no toggle when the rest fits', () => {
    render(<Card {...makeProps({ state: readyState(many('p', 4, 'primary')) })} />);
    expect(screen.queryByRole('button', { name: /more$/ })).toBeNull();
  });

  it('clamps a long quote visually only; "More" lifts the clamp and the full text stays in the DOM', () => {
    const long = makeItem({ id: 'long', text: `${'Huawei has never been asked to spy. '.repeat(12)}End.` });
    render(<Card {...makeProps({ state: readyState([long, liangHua]) })} />);
    const quote = quoteOf(long);
    expect(quote.textContent).toBe(long.text);
    expect(quote.classList.contains('sc-quote--clamped')).toBe(true);
    const more = screen.getByRole('button', { name: 'More' });
    expect(more.getAttribute('aria-controls')).toBe(quote.id);
    expect(more.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(more);
    expect(quote.classList.contains('sc-quote--clamped')).toBe(false);
    expect(screen.getByRole('button', { name: 'Less' }).getAttribute('aria-expanded')).toBe('true');
    // A short quote gets no toggle.
    expect(screen.getAllByRole('button', { name: /^(More|Less)$/ })).toHaveLength(1);
    expect(within(screen.getByRole('article', { name: /Liang Hua/ })).queryByRole('button', { name: 'More' })).toBeNull();
  });
});

describe('Card: actions', () => {
  it('"Read in source" calls back with the item', () => {
    const props = makeProps();
    render(<Card {...props} />);
    const item = screen.getByRole('article', { name: /Test Official/ });
    fireEvent.click(within(item).getByRole('button', { name: 'Read in source' }));
    expect(props.onReadInSource).toHaveBeenCalledWith(counter);
  });

  it('"Copy citation" calls back, shows "Copied", then reverts', async () => {
    vi.useFakeTimers();
    const props = makeProps({ onCopyCitation: vi.fn(() => Promise.resolve()) });
    render(<Card {...props} />);
    const item = screen.getByRole('article', { name: 'Liang Hua, Chairman, Huawei' });
    await act(async () => {
      fireEvent.click(within(item).getByRole('button', { name: 'Copy citation' }));
    });
    expect(props.onCopyCitation).toHaveBeenCalledWith(liangHua);
    expect(within(item).getByRole('button', { name: 'Copied' })).toBeTruthy();
    expect(within(item).getByRole('status').textContent).toBe('Citation copied');
    // Other items are not affected.
    expect(screen.getAllByRole('button', { name: 'Copy citation' })).toHaveLength(2);
    await act(async () => {
      vi.advanceTimersByTime(COPIED_FEEDBACK_MS + 10);
    });
    expect(within(item).getByRole('button', { name: 'Copy citation' })).toBeTruthy();
  });

  it('works with a synchronous callback too', async () => {
    const props = makeProps();
    render(<Card {...props} />);
    fireEvent.click(screen.getAllByRole('button', { name: 'Copy citation' })[0]!);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Copied' })).toBeTruthy());
  });

  it('says "Copy failed" when the callback rejects', async () => {
    const props = makeProps({ onCopyCitation: vi.fn(() => Promise.reject(new Error('denied'))) });
    render(<Card {...props} />);
    fireEvent.click(screen.getAllByRole('button', { name: 'Copy citation' })[0]!);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Copy failed' })).toBeTruthy());
    expect(screen.queryByRole('button', { name: 'Copied' })).toBeNull();
  });
});

describe('Card: keyboard', () => {
  it('Escape anywhere in the card calls onClose and does not reach the page', () => {
    const props = makeProps();
    const pageListener = vi.fn();
    document.addEventListener('keydown', pageListener);
    try {
      render(<Card {...props} />);
      const readButton = screen.getAllByRole('button', { name: 'Read in source' })[0]!;
      fireEvent.keyDown(readButton, { key: 'Escape' });
      expect(props.onClose).toHaveBeenCalledTimes(1);
      expect(pageListener).not.toHaveBeenCalled();
    } finally {
      document.removeEventListener('keydown', pageListener);
    }
  });

  it('Tab from the last control wraps to the first; Shift+Tab from the first wraps to the last', () => {
    render(<Card {...makeProps()} />);
    const close = screen.getByRole('button', { name: 'Close' });
    const off = screen.getByRole('button', { name: 'Turn off on this site' });

    off.focus();
    const tab = fireEvent.keyDown(off, { key: 'Tab' });
    expect(tab).toBe(false); // default prevented
    expect(document.activeElement).toBe(close);

    fireEvent.keyDown(close, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(off);
  });

  it('Tab in the middle is left to the browser', () => {
    render(<Card {...makeProps()} />);
    const read = screen.getAllByRole('button', { name: 'Read in source' })[0]!;
    read.focus();
    expect(fireEvent.keyDown(read, { key: 'Tab' })).toBe(true); // not prevented
    expect(document.activeElement).toBe(read);
  });

  it('Tab on the focused card root goes to the first control', () => {
    render(<Card {...makeProps()} autoFocus />);
    expect(document.activeElement).toBe(dialog());
    fireEvent.keyDown(dialog(), { key: 'Tab' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Close' }));
  });

  it('does not take focus on mount unless asked', () => {
    const outside = document.createElement('button');
    document.body.append(outside);
    outside.focus();
    render(<Card {...makeProps()} />);
    expect(document.activeElement).toBe(outside);
    outside.remove();
  });
});
