// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { groupByTopic } from '../../../../components/panel/grouping.ts';
import { statementCount } from '../../../../components/panel/counts.ts';
import { linksOf } from '../../../../components/panel/links.ts';
import { Overview } from '../../../../components/panel/Overview.tsx';
import { FIRST_ROWS, LAID_OUT_ROWS, LIST_STEP } from '../../../../components/panel/ResultList.tsx';
import { searchCorpus } from '../../../../lib/search/search.ts';
import { App, fakeServices, shipped } from './helpers.tsx';
import { ROOT } from '../../files.ts';
import { jsonMessageSource, setMessageSource } from '../../../../lib/i18n.ts';
import en from '../../../../public/_locales/en/messages.json';

// The strings are the English locale file's, through the same lookup rules as the browser's.
beforeAll(() => setMessageSource(jsonMessageSource(en)));

afterEach(cleanup);

const items = () => [...document.querySelectorAll<HTMLElement>('.sc-panel-results .sc-panel-item')];
const speakers = () => items().map((el) => el.querySelector('.sc-panel-speaker__name')?.textContent);
const kinds = () => items().map((el) => el.querySelector('.sc-kind')?.textContent);
const type = (text: string) => fireEvent.input(screen.getByRole('searchbox'), { target: { value: text } });
/** Until the list has drawn its whole step (the rows past the first few come when the page is idle). */
const drawn = () => waitFor(() => expect(document.querySelector('.sc-panel-list[aria-busy]')).toBeNull());
const count = () => Number(/^(\d+)/.exec(document.querySelector('.sc-panel-results__count')?.textContent ?? '')?.[1]);

describe('search', () => {
  it('answers "no-spy" with Liang Hua’s and Huawei’s own words and the counterclaims, with the matched words marked', async () => {
    render(<App services={fakeServices()} />);
    type('no-spy');
    await drawn();
    expect(speakers()).toContain('Liang Hua');
    expect(speakers()).toContain('Huawei');
    expect(kinds()).toContain('Disputing claim');
    const liang = items().find((el) => el.querySelector('.sc-panel-speaker__name')?.textContent === 'Liang Hua')!;
    expect([...liang.querySelectorAll('blockquote mark')].map((m) => m.textContent)).toContain('no-spy');
    expect(document.querySelector('.sc-panel-results__count')?.getAttribute('role')).toBe('status');
    expect(count()).toBe(items().length);
  });

  it('answers as each letter is typed, with prefix and fuzzy matching', () => {
    render(<App services={fakeServices()} />);
    for (const prefix of ['Z', 'Zh', 'Zha', 'Zhao']) type(prefix);
    expect(count()).toBeGreaterThan(0);
    expect(speakers()).toContain('Zhao Lijian');
    type('Zhengfie'); // one typo
    expect(speakers()).toContain('Ren Zhengfei');
    type('sanc'); // prefix
    expect(count()).toBeGreaterThan(0);
  });

  it('says so when nothing matches, without stale results', () => {
    render(<App services={fakeServices()} />);
    type('no-spy');
    expect(items().length).toBeGreaterThan(0);
    type('xylophone quartz');
    expect(items()).toHaveLength(0);
    expect(screen.getByText(/No statements match “xylophone quartz”/)).toBeTruthy();
  });

  it('groups the digits of large counts as the reader writes them', () => {
    expect(statementCount(71223)).toBe(`${(71223).toLocaleString()} statements`);
    expect(statementCount(71223)).toMatch(/^71\D223 statements$/);
    expect(statementCount(1)).toBe('1 statement');
  });

  it('lists a long run of source documents a screenful at a time', () => {
    const sources = Array.from({ length: 70 }, (_, i) => ({ file: `s${i}.txt`, title: `Source ${i}`, publisher: null, url: null, date: null, author: null }));
    const links = linksOf(shipped().corpus);
    const noop = () => {};
    render(<Overview statements={[]} sources={sources} links={links} onRead={noop} onReadDocument={noop} onTopic={noop} copy={async () => {}} />);
    const list = () => within(screen.getByRole('heading', { name: 'Source documents' }).closest('section')!).getAllByRole('listitem');
    expect(list()).toHaveLength(LIST_STEP);
    fireEvent.click(screen.getByRole('button', { name: /^Show 30 more/ }));
    expect(list()).toHaveLength(2 * LIST_STEP);
    fireEvent.click(screen.getByRole('button', { name: /^Show 10 more/ }));
    expect(list()).toHaveLength(70);
    expect(screen.queryByRole('button', { name: /^Show \d+ more/ })).toBeNull();
  });

  it('shows the overview for an empty query: topics that open onto claims and counterclaims, and the documents', () => {
    render(<App services={fakeServices()} />);
    expect(screen.getByRole('heading', { name: 'Topics' })).toBeTruthy();
    const sources = screen.getByRole('heading', { name: 'Source documents' }).closest('section')!;
    expect(within(sources).getAllByRole('listitem')).toHaveLength(shipped().corpus.sources.size);
    const noSpy = [...document.querySelectorAll('details.sc-panel-topic')].find((d) => d.querySelector('.sc-panel-topic__name')?.textContent === 'No-spy pledges')!;
    expect(noSpy.querySelector('.sc-panel-item')).toBeNull(); // closed topics render nothing
    act(() => {
      (noSpy as HTMLDetailsElement).open = true;
      noSpy.dispatchEvent(new Event('toggle'));
    });
    const claims = [...noSpy.querySelectorAll('.sc-panel-item')];
    expect(claims.some((el) => el.querySelector('.sc-panel-speaker__name')?.textContent === 'Liang Hua')).toBe(true);
    expect(noSpy.querySelector('.sc-panel-thread__replies .sc-panel-item--counterclaim')).not.toBeNull();
  });

  it('groups by topic with each counterclaim right under the claim it disputes', () => {
    render(<App services={fakeServices()} />);
    type('no-spy');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Group by topic' }));
    const group = screen.getByRole('region', { name: /^No-spy pledges/ });
    const thread = [...group.querySelectorAll('.sc-panel-thread')].find((t) => t.querySelector('.sc-panel-thread__replies'))!;
    const claimId = thread.querySelector(':scope > .sc-panel-item')!.getAttribute('data-id')!;
    const { corpus } = shipped();
    for (const reply of thread.querySelectorAll('.sc-panel-thread__replies .sc-panel-item')) {
      const r = corpus.statements.get(reply.getAttribute('data-id')!)!;
      const claim = corpus.statements.get(claimId)!;
      expect(r.answers.includes(claimId) || claim.answers.includes(r.id)).toBe(true);
    }
  });

  it('grouping puts every result in each of its topics once, and claims before their replies', () => {
    const { corpus } = shipped();
    const results = searchCorpus(corpus, '', {}).all();
    for (const group of groupByTopic(results)) {
      const ids = [...group.threads.flatMap((t) => [t.claim.id, ...t.replies.map((r) => r.id)]), ...group.loose.map((r) => r.id)];
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBe(group.count);
      for (const t of group.threads) expect(t.claim.kind).toBe('primary');
    }
  });

  it('renders a long answer in steps, while the count covers all of it', async () => {
    render(<App services={fakeServices()} />);
    type('Huawei');
    await drawn();
    const total = count();
    expect(total).toBeGreaterThan(LIST_STEP);
    expect(items()).toHaveLength(LIST_STEP);
    fireEvent.click(within(screen.getByRole('region', { name: 'Results' })).getByRole('button', { name: /^Show \d+ more/ }));
    expect(items()).toHaveLength(Math.min(total, 2 * LIST_STEP));
  });

  it('keeps the items that stay from one keystroke to the next, and starts the steps over', async () => {
    render(<App services={fakeServices()} />);
    type('Huawe');
    await drawn();
    fireEvent.click(within(screen.getByRole('region', { name: 'Results' })).getByRole('button', { name: /^Show \d+ more/ }));
    expect(items().length).toBeGreaterThan(LIST_STEP);
    const before = new Map(items().map((el) => [el.getAttribute('data-id'), el]));
    type('Huawei');
    await drawn();
    expect(items()).toHaveLength(LIST_STEP);
    // Typing one more letter re-ranks, but a result still listed is the same element, not a rebuilt one.
    const kept = items().filter((el) => before.get(el.getAttribute('data-id')) === el);
    expect(kept.length).toBeGreaterThan(LIST_STEP / 2);
  });

  it('a keystroke draws the first rows and the rows already shown at once, the rest of the step when idle, busy until then', async () => {
    // Rows as tall as in a side panel: every row ends below the view, so the rows left for later are out of it.
    const rect = vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue(new DOMRect(0, innerHeight - 100, 400, 200));
    onTestFinished(() => rect.mockRestore());
    render(<App services={fakeServices()} />);
    type('Huawei');
    const first = items().map((el) => el.getAttribute('data-id'));
    expect(first).toHaveLength(FIRST_ROWS);
    expect(document.querySelector('.sc-panel-list')!.getAttribute('aria-busy')).toBe('true');
    await drawn();
    expect(items()).toHaveLength(LIST_STEP);
    expect(items().slice(0, FIRST_ROWS).map((el) => el.getAttribute('data-id'))).toEqual(first);
    // One more letter: every row already shown that stays listed is drawn at once, in the answer's order.
    const shown = new Set(items().map((el) => el.getAttribute('data-id')));
    type('Huawei s');
    const next = searchCorpus(shipped().corpus, 'Huawei s').first(LIST_STEP).map((r) => r.id);
    expect(items().map((el) => el.getAttribute('data-id'))).toEqual(next.filter((id, i) => i < FIRST_ROWS || shown.has(id)));
    await drawn();
    expect(items().map((el) => el.getAttribute('data-id'))).toEqual(next);
  });

  it('draws every row at once where a row left for later would be in view (a tall or scrolled view)', () => {
    // Without layout every row is 0 px tall at the top of the view: all of them are in view.
    render(<App services={fakeServices()} />);
    type('Huawei');
    expect(items()).toHaveLength(LIST_STEP);
    expect(document.querySelector('.sc-panel-list')!.hasAttribute('aria-busy')).toBe(false);
  });

  it('lays out the list items a keystroke can draw near the view: as many first list items as LAID_OUT_ROWS are not content-visibility auto', () => {
    const css = readFileSync(join(ROOT, 'components/panel/panel.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    const rule = /\.sc-list__item:nth-child\(-n \+ (\d+)\)\s*\{([^}]*)\}/.exec(css);
    expect(rule?.[2]).toMatch(/content-visibility:\s*visible/);
    expect(Number(rule?.[1])).toBe(LAID_OUT_ROWS);
  });

  it('starts from the saved search, saves changes, and an outside query replaces the filters', () => {
    const services = fakeServices();
    render(<App services={services} saved={{ query: 'no-spy', filters: { kinds: ['counterclaim'] }, grouped: false }} />);
    expect((screen.getByRole('searchbox') as HTMLInputElement).value).toBe('no-spy');
    expect(new Set(kinds())).toEqual(new Set(['Disputing claim']));
    type('Huawei');
    expect(new Set(kinds())).toEqual(new Set(['Disputing claim']));
    expect(services.saveSearch).toHaveBeenLastCalledWith({ query: 'Huawei', filters: { kinds: ['counterclaim'] }, grouped: false });
    act(() => services.target({ query: 'Ren Zhengfei' }));
    expect((screen.getByRole('searchbox') as HTMLInputElement).value).toBe('Ren Zhengfei');
    expect(services.saveSearch).toHaveBeenLastCalledWith({ query: 'Ren Zhengfei', filters: {}, grouped: false });
    expect(speakers()).toContain('Ren Zhengfei');
  });
});
