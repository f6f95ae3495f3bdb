// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { searchModel } from '../../../components/panel/search-model.ts';
import { applyFilters, dateSpan, facetCounts, passesFilters } from '../../../lib/search/facets.ts';
import { App, fakeServices, shipped } from './helpers.tsx';
import { jsonMessageSource, setMessageSource } from '../../../lib/i18n.ts';
import en from '../../../public/_locales/en/messages.json';

// The strings are the English locale file's, through the same lookup rules as the browser's.
beforeAll(() => setMessageSource(jsonMessageSource(en)));

afterEach(cleanup);

const items = () => [...document.querySelectorAll<HTMLElement>('.sp-results .sp-item')];
const count = () => Number(/^(\d+)/.exec(document.querySelector('.sp-results__count')?.textContent ?? '')?.[1]);
const box = (name: string, value: string) => document.querySelector<HTMLInputElement>(`input[name="${name}"][value="${value}"]`)!;
const shownCount = (name: string, value: string) => Number(box(name, value).closest('label')!.querySelector('.sp-check__count')!.textContent);

describe('filters in the panel', () => {
  it('narrow by kind, then by speaker, each count telling what ticking it leaves', () => {
    render(<App services={fakeServices()} />);
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'no-spy' } });
    const all = count();
    const primaries = shownCount('kinds', 'primary');
    const counters = shownCount('kinds', 'counterclaim');
    fireEvent.click(box('kinds', 'primary'));
    expect(count()).toBe(primaries);
    expect(count()).toBeLessThan(all);
    expect(items().every((el) => el.classList.contains('sp-item--primary'))).toBe(true);
    // Disjunctive: the other kind still shows what adding it would bring.
    expect(shownCount('kinds', 'counterclaim')).toBe(counters);
    const liang = shownCount('speakers', 'liang-hua');
    fireEvent.click(box('speakers', 'liang-hua'));
    expect(count()).toBe(liang);
    expect(items().every((el) => el.querySelector('.sp-speaker__name')?.textContent === 'Liang Hua')).toBe(true);
    // Liang Hua disputes nobody: with his name ticked, "Disputing claim" has nothing to add and is not offered,
    // while the ticked kind stays so it can be unticked.
    expect(box('kinds', 'counterclaim')).toBeNull();
    expect(box('kinds', 'primary').checked).toBe(true);
    fireEvent.click(screen.getAllByRole('button', { name: 'Clear filters' })[0]!);
    expect(count()).toBe(all);
  });

  it('filter by topic and source document without a query browses the corpus', () => {
    const { corpus } = shipped();
    render(<App services={fakeServices()} />);
    fireEvent.click(box('files', '001_cf337998d25e89a1.txt'));
    const inFile = [...corpus.statements.values()].filter((s) => s.file === '001_cf337998d25e89a1.txt');
    expect(count()).toBe(inFile.length);
    fireEvent.click(box('topics', 'no-spy'));
    expect(count()).toBe(inFile.filter((s) => s.topics.includes('no-spy')).length);
  });

  it('a date range keeps sources that can fall within it, and says how many undated ones it leaves out', () => {
    const { corpus } = shipped();
    render(<App services={fakeServices()} />);
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2021-02-01' } });
    const expected = [...corpus.statements.values()].filter((s) => (corpus.sources.get(s.file)?.date ?? '').startsWith('2021-02'));
    expect(count()).toBe(expected.length);
    const undated = [...corpus.statements.values()].filter((s) => corpus.sources.get(s.file)?.date == null).length;
    expect(undated).toBeGreaterThan(0);
    expect(screen.getByText(new RegExp(`${undated} statements from undated sources left out`))).toBeTruthy();
  });
});

describe('facets (lib/search/facets.ts)', () => {
  const { corpus } = shipped();
  const all = searchModel(corpus, '', {}).matches;

  it('reads partial dates as the span they stand for', () => {
    expect(dateSpan('2021-02')).toEqual(['2021-02-01', '2021-02-31']);
    expect(dateSpan('2019')).toEqual(['2019-01-01', '2019-12-31']);
    expect(dateSpan('2019-06-04')).toEqual(['2019-06-04', '2019-06-04']);
    expect(dateSpan(null)).toBeNull();
    expect(dateSpan('June 2019')).toBeNull();
  });

  it('a month-only source date matches a range that touches that month, from either side', () => {
    const feb = all.find((r) => r.source.date === '2021-02')!;
    expect(passesFilters(feb, { from: '2021-02-28' })).toBe(true);
    expect(passesFilters(feb, { to: '2021-02-01' })).toBe(true);
    expect(passesFilters(feb, { from: '2021-03-01' })).toBe(false);
    expect(passesFilters(feb, { to: '2021-01-31' })).toBe(false);
  });

  it('counts per value equal the size of the list that ticking it alone would give', () => {
    const filters = { sides: ['huawei' as const] };
    const counts = facetCounts(all, filters);
    for (const [kind, n] of counts.kinds) expect(applyFilters(all, { ...filters, kinds: [kind as never] })).toHaveLength(n);
    for (const [topic, n] of counts.topics) expect(applyFilters(all, { ...filters, topics: [topic as never] })).toHaveLength(n);
    // The facet's own choice is ignored in its counts.
    expect([...counts.sides.keys()].length).toBeGreaterThan(1);
  });
});
