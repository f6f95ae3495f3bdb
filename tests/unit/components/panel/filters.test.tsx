// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Statement } from '../../../../lib/data/types.ts';
import { dateSpan, FACET_KEYS, facetTable, filterDocs, type FacetCount, type FacetFilters, type FacetKey } from '../../../../lib/search/facets.ts';
import { FACET_STEP, Filters } from '../../../../components/panel/Filters.tsx';
import { App, fakeServices, shipped } from './helpers.tsx';
import { jsonMessageSource, setMessageSource } from '../../../../lib/i18n.ts';
import en from '../../../../public/_locales/en/messages.json';

/** Fixed counts in the shape `filterDocs` answers with. */
function facetCountOf(map: ReadonlyMap<string, number>): FacetCount {
  return { of: (value) => map.get(value) ?? 0, entries: () => map.entries() };
}

// The strings are the English locale file's, through the same lookup rules as the browser's.
beforeAll(() => setMessageSource(jsonMessageSource(en)));

afterEach(cleanup);

const items = () => [...document.querySelectorAll<HTMLElement>('.sc-panel-results .sc-panel-item')];
const count = () => Number(/^(\d+)/.exec(document.querySelector('.sc-panel-results__count')?.textContent ?? '')?.[1]);
const box = (name: string, value: string) => document.querySelector<HTMLInputElement>(`input[name="${name}"][value="${value}"]`)!;
/** Opens the filters (drawn only while open). */
const openFilters = () => fireEvent.click(document.querySelector('.sc-panel-filter-panel__summary')!);
const shownCount = (name: string, value: string) => Number(box(name, value).closest('label')!.querySelector('.sc-panel-check__count')!.textContent);

describe('filters in the panel', () => {
  it('are drawn only while open, and a click on the summary opens them at once', () => {
    render(<App services={fakeServices()} />);
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'no-spy' } });
    expect(box('kinds', 'primary')).toBeNull();
    openFilters();
    expect(document.querySelector<HTMLDetailsElement>('.sc-panel-filter-panel')!.open).toBe(true);
    expect(shownCount('kinds', 'primary')).toBeGreaterThan(0);
    openFilters();
    expect(document.querySelector<HTMLDetailsElement>('.sc-panel-filter-panel')!.open).toBe(false);
    expect(box('kinds', 'primary')).toBeNull();
  });

  it('narrow by kind, then by speaker, each count telling what ticking it leaves', () => {
    render(<App services={fakeServices()} />);
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'no-spy' } });
    openFilters();
    const all = count();
    const primaries = shownCount('kinds', 'primary');
    const counters = shownCount('kinds', 'counterclaim');
    fireEvent.click(box('kinds', 'primary'));
    expect(count()).toBe(primaries);
    expect(count()).toBeLessThan(all);
    expect(items().every((el) => el.classList.contains('sc-panel-item--primary'))).toBe(true);
    // Disjunctive: the other kind still shows what adding it would bring.
    expect(shownCount('kinds', 'counterclaim')).toBe(counters);
    const liang = shownCount('speakers', 'liang-hua');
    fireEvent.click(box('speakers', 'liang-hua'));
    expect(count()).toBe(liang);
    expect(items().every((el) => el.querySelector('.sc-panel-speaker__name')?.textContent === 'Liang Hua')).toBe(true);
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
    openFilters();
    fireEvent.click(box('files', '001_cf337998d25e89a1.txt'));
    const inFile = [...corpus.statements.values()].filter((s) => s.file === '001_cf337998d25e89a1.txt');
    expect(count()).toBe(inFile.length);
    fireEvent.click(box('topics', 'no-spy'));
    expect(count()).toBe(inFile.filter((s) => s.topics.includes('no-spy')).length);
  });

  it('a date range keeps sources that can fall within it, and says how many undated ones it leaves out', () => {
    const { corpus } = shipped();
    render(<App services={fakeServices()} />);
    openFilters();
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2021-02-01' } });
    const expected = [...corpus.statements.values()].filter((s) => (corpus.sources.get(s.file)?.date ?? '').startsWith('2021-02'));
    expect(count()).toBe(expected.length);
    const undated = [...corpus.statements.values()].filter((s) => corpus.sources.get(s.file)?.date == null).length;
    expect(undated).toBeGreaterThan(0);
    expect(screen.getByText(new RegExp(`${undated} statements from undated sources left out`))).toBeTruthy();
  });
});

describe('a long facet (Filters.tsx)', () => {
  const sources = Array.from({ length: 40 }, (_, i) => ({ file: `f${i}.txt`, title: `Source ${i}`, publisher: null, url: null, date: null, author: null }));
  const none = facetCountOf(new Map());
  const counts = {
    kinds: none,
    sides: none,
    topics: none,
    speakers: none,
    // Source i has i matches: f0 has none and is not offered.
    files: facetCountOf(new Map(sources.slice(1).map((s, i) => [s.file, i + 1]))),
    undated: 0,
  };
  const shownFiles = () => [...document.querySelectorAll<HTMLInputElement>('input[name="files"]')].map((b) => b.value);

  it('shows its biggest values first, keeps a ticked one in view, and grows on request', () => {
    const changes: FacetFilters[] = [];
    const { rerender } = render(<Filters filters={{}} counts={counts} speakers={[]} sources={sources} onChange={(f) => changes.push(f)} />);
    expect(shownFiles()).toEqual(Array.from({ length: FACET_STEP }, (_, i) => `f${39 - i}.txt`));
    rerender(<Filters filters={{ files: ['f3.txt'] }} counts={counts} speakers={[]} sources={sources} onChange={(f) => changes.push(f)} />);
    expect(shownFiles()).toHaveLength(FACET_STEP + 1);
    expect(shownFiles().at(-1)).toBe('f3.txt');
    const more = screen.getByRole('button', { name: /Show 12 more/ });
    expect(more.textContent).toContain(`of ${39 - FACET_STEP - 1}`);
    fireEvent.click(more);
    expect(shownFiles()).toHaveLength(2 * FACET_STEP + 1);
    fireEvent.click(box('files', 'f38.txt'));
    expect(changes.at(-1)).toEqual({ files: ['f3.txt', 'f38.txt'] });
  });
});

describe('facets (lib/search/facets.ts)', () => {
  const { corpus } = shipped();
  const table = facetTable(corpus);
  const everyDoc = corpus.byDoc.map((_, doc) => doc);
  const passes = (doc: number, filters: FacetFilters) => filterDocs(table, [doc], filters).passing.length === 1;

  it('reads partial dates as the span they stand for', () => {
    expect(dateSpan('2021-02')).toEqual(['2021-02-01', '2021-02-31']);
    expect(dateSpan('2019')).toEqual(['2019-01-01', '2019-12-31']);
    expect(dateSpan('2019-06-04')).toEqual(['2019-06-04', '2019-06-04']);
    expect(dateSpan(null)).toBeNull();
    expect(dateSpan('June 2019')).toBeNull();
  });

  it('a month-only source date matches a range that touches that month, from either side', () => {
    const feb = corpus.byDoc.findIndex((s) => corpus.sources.get(s.file)?.date === '2021-02');
    expect(feb).toBeGreaterThanOrEqual(0);
    expect(passes(feb, { from: '2021-02-28' })).toBe(true);
    expect(passes(feb, { to: '2021-02-01' })).toBe(true);
    expect(passes(feb, { from: '2021-03-01' })).toBe(false);
    expect(passes(feb, { to: '2021-01-31' })).toBe(false);
  });

  it('counts per value equal the size of the list that ticking it alone would give', () => {
    const filters = { sides: ['huawei' as const] };
    const { counts } = filterDocs(table, everyDoc, filters);
    for (const [kind, n] of counts.kinds.entries()) expect(filterDocs(table, everyDoc, { ...filters, kinds: [kind as never] }).passing).toHaveLength(n);
    for (const [topic, n] of counts.topics.entries()) expect(filterDocs(table, everyDoc, { ...filters, topics: [topic as never] }).passing).toHaveLength(n);
    // The facet's own choice is ignored in its counts.
    expect([...counts.sides.entries()].length).toBeGreaterThan(1);
  });

  it('counts list the values that have any, and read 0 for the others', () => {
    const { counts } = filterDocs(table, everyDoc, { kinds: ['counterclaim'] });
    const sides = [...counts.sides.entries()];
    expect(sides.length).toBeGreaterThan(0);
    for (const [side, n] of sides) {
      expect(n).toBeGreaterThan(0);
      expect(counts.sides.of(side)).toBe(n);
    }
    expect(counts.files.of('no-such-file.txt')).toBe(0);
    const listed = new Set(sides.map(([side]) => side));
    for (const side of table.values.sides) if (!listed.has(side)) expect(counts.sides.of(side)).toBe(0);
  });

  it('agrees with the plain reading of the filters on any combination (property)', () => {
    const statements = corpus.byDoc;
    const valuesOf = (s: Statement): Record<FacetKey, string[]> => ({ kinds: [s.kind], sides: [s.speaker.side], topics: s.topics, speakers: [s.speaker.id], files: [s.file] });
    const pick = (key: FacetKey) => fc.subarray([...new Set(statements.flatMap((s) => valuesOf(s)[key])), 'no-such-value'], { maxLength: 3 });
    const day = fc.constantFrom(undefined, '2019', '2019-06', '2019-06-04', '2020-12-31', '2021-02', '2021-02-28', 'June 2019');
    const inRange = (s: Statement, f: FacetFilters) => {
      if (!f.from && !f.to) return true;
      const span = dateSpan(corpus.sources.get(s.file)?.date);
      const lower = f.from ? dateSpan(f.from)?.[0] : undefined;
      const upper = f.to ? dateSpan(f.to)?.[1] : undefined;
      return span !== null && (lower === undefined || span[1] >= lower) && (upper === undefined || span[0] <= upper);
    };
    const facetOk = (s: Statement, f: FacetFilters, key: FacetKey) => {
      const chosen = f[key] as string[] | undefined;
      return !chosen?.length || valuesOf(s)[key].some((v) => chosen.includes(v));
    };
    fc.assert(
      fc.property(
        fc.record({ kinds: pick('kinds'), sides: pick('sides'), topics: pick('topics'), speakers: pick('speakers'), files: pick('files'), from: day, to: day }),
        fc.subarray(everyDoc, { minLength: 1 }),
        (raw, docs) => {
          const filters = raw as FacetFilters;
          const got = filterDocs(table, docs, filters);
          const expected = docs.filter((d) => FACET_KEYS.every((k) => facetOk(statements[d]!, filters, k)) && inRange(statements[d]!, filters));
          expect(Array.from(got.passing, (i) => docs[i])).toEqual(expected);
          for (const key of FACET_KEYS) {
            const counts = new Map<string, number>();
            for (const d of docs) {
              const s = statements[d]!;
              if (!FACET_KEYS.every((k) => k === key || facetOk(s, filters, k)) || !inRange(s, filters)) continue;
              for (const v of new Set(valuesOf(s)[key])) counts.set(v, (counts.get(v) ?? 0) + 1);
            }
            expect(new Map([...got.counts[key].entries()].sort())).toEqual(new Map([...counts].sort()));
          }
          const ranged = Boolean(filters.from || filters.to);
          const undated = docs.filter((d) => ranged && dateSpan(corpus.sources.get(statements[d]!.file)?.date) === null && FACET_KEYS.every((k) => facetOk(statements[d]!, filters, k)));
          expect(got.counts.undated).toBe(undated.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});
