/**
 * The side panel: corpus search (with filters, grouping, export), the reader,
 * and the active tab's mentions. One Preact tree for Chrome's side panel,
 * Firefox's sidebar, and the same page opened in a tab. State that should
 * survive closing the panel goes out through `services.saveSearch`;
 * everything else lives here.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { TargetedKeyboardEvent } from 'preact';
import type { Topic } from '../../lib/vocabulary/topics.ts';
import type { PanelTarget } from '../../lib/messages.ts';
import { t } from '../../lib/i18n.ts';
import { FACET_KEYS, hasFilters, type FacetFilters } from '../../lib/search/facets.ts';
import { exportName, toCsv, toJson } from './export.ts';
import { Filters } from './Filters.tsx';
import { formatCount, statementCount } from './counts.ts';
import { linksOf } from './links.ts';
import { OnThisPage } from './OnThisPage.tsx';
import { Overview } from './Overview.tsx';
import { Reader } from './Reader.tsx';
import { ResultList } from './ResultList.tsx';
import { allStatements, searchCorpus } from '../../lib/search/search.ts';
import { SearchBox } from './SearchBox.tsx';
import { EMPTY_SEARCH, type PageState, type PanelData, type PanelServices, type SavedSearch } from './types.ts';

export interface PanelAppProps extends PanelData {
  services: PanelServices;
  /** The search restored from the session. */
  saved?: SavedSearch;
  /** Where to open (URL hash or a pending request); wins over `saved`. */
  target?: PanelTarget;
}

type Tab = 'search' | 'page';
interface Reading {
  file: string;
  selected?: string;
}

function readingFor(data: PanelData, id: string): Reading {
  return { file: data.corpus.statements.get(id)?.file ?? '', selected: id };
}

/** An outside query starts a fresh search: filters left from earlier would hide its answer. */
function searchFor(saved: SavedSearch, target: PanelTarget | undefined): SavedSearch {
  return target?.query !== undefined ? { ...saved, query: target.query, filters: {} } : saved;
}

function activeFilterCount(filters: FacetFilters): number {
  return FACET_KEYS.reduce((n, k) => n + (filters[k]?.length ?? 0), 0) + (filters.from ? 1 : 0) + (filters.to ? 1 : 0);
}

export function PanelApp({ corpus, documents, services, saved = EMPTY_SEARCH, target }: PanelAppProps) {
  const data = { corpus, documents };
  const [search, setSearch] = useState<SavedSearch>(() => searchFor(saved, target));
  const [reading, setReading] = useState<Reading | null>(() => (target?.read ? readingFor(data, target.read) : null));
  const [tab, setTab] = useState<Tab>('search');
  const [page, setPage] = useState<PageState>({ status: 'loading' });
  // The filters are drawn only while open: on a large corpus the source facet alone ranks thousands of documents per keystroke.
  const [filtersOpen, setFiltersOpen] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const listScroll = useRef(0);
  const links = linksOf(corpus);
  const sources = useMemo(() => [...corpus.sources.values()], [corpus]);
  const speakers = useMemo(() => {
    const byId = new Map<string, string>();
    for (const s of corpus.statements.values()) byId.set(s.speaker.id, s.speaker.name);
    return [...byId].map(([value, label]) => ({ value, label }));
  }, [corpus]);
  const model = useMemo(() => searchCorpus(corpus, search.query, search.filters), [corpus, search.query, search.filters]);

  useEffect(() => services.saveSearch(search), [search]);

  useEffect(
    () =>
      services.watchTargets((next) => {
        setSearch((current) => searchFor(current, next));
        if (next.read) setReading(readingFor(data, next.read));
        else if (next.query !== undefined) setReading(null);
        setTab('search');
      }),
    [services],
  );

  // The page list is read only while it is shown: a panel kept on search costs the pages nothing.
  useEffect(() => {
    if (tab !== 'page') return;
    setPage({ status: 'loading' });
    return services.watchPage(setPage);
  }, [tab, services]);

  useEffect(() => {
    if (!reading && tab === 'search') inputRef.current?.focus({ preventScroll: true });
  }, []);

  // Back from the reader lands where the list was left.
  useLayoutEffect(() => {
    if (!reading && tab === 'search') document.scrollingElement?.scrollTo?.(0, listScroll.current);
  }, [reading]);

  // One function for the panel's life, so result rows that stay listed are not drawn again for a new handler.
  const readingNow = useRef(reading);
  readingNow.current = reading;
  const read = useCallback(
    (id: string) => {
      if (!readingNow.current) listScroll.current = document.scrollingElement?.scrollTop ?? 0;
      setReading(readingFor({ corpus, documents }, id));
    },
    [corpus, documents],
  );
  const readDocument = (file: string) => {
    if (!reading) listScroll.current = document.scrollingElement?.scrollTop ?? 0;
    setReading({ file });
  };
  const setFilters = (filters: FacetFilters) => setSearch((s) => ({ ...s, filters }));
  const showTopic = (topic: Topic) => setSearch((s) => ({ ...s, filters: { topics: [topic] } }));
  const exportAs = (kind: 'csv' | 'json') =>
    services.download(
      `${exportName(search.query, new Date())}.${kind}`,
      kind === 'csv' ? 'text/csv;charset=utf-8' : 'application/json',
      kind === 'csv' ? toCsv(model.all()) : toJson(model.all()),
    );

  const onTabKey = (event: TargetedKeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const next: Tab = tab === 'search' ? 'page' : 'search';
    setTab(next);
    event.currentTarget.querySelector<HTMLElement>(`#sc-panel-tab-${next}`)?.focus();
  };

  const browsing = !search.query.trim() && !hasFilters(search.filters);
  const filterCount = activeFilterCount(search.filters);
  const count = model.total;

  return (
    <div class="sc-panel-app">
      <header class="sc-panel-header">
        <p class="sc-panel-brand">{t('extName')}</p>
        <div class="sc-panel-tabs" role="tablist" aria-label={t('panel_sections')} onKeyDown={onTabKey}>
          {(['search', 'page'] as const).map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              id={`sc-panel-tab-${name}`}
              class="sc-panel-tab"
              aria-selected={tab === name ? 'true' : 'false'}
              aria-controls={`sc-panel-panel-${name}`}
              tabIndex={tab === name ? 0 : -1}
              onClick={() => setTab(name)}
            >
              {name === 'search' ? t('panel_tab_search') : t('panel_tab_page')}
            </button>
          ))}
        </div>
      </header>

      <div id="sc-panel-panel-search" role="tabpanel" aria-labelledby="sc-panel-tab-search" hidden={tab !== 'search'} class="sc-panel-main">
        {reading ? (
          <Reader
            corpus={corpus}
            document={documents.get(reading.file)}
            meta={corpus.sources.get(reading.file)}
            selected={reading.selected}
            onSelect={(id) => setReading(readingFor(data, id))}
            onBack={() => setReading(null)}
            copy={services.copy}
          />
        ) : null}
        <div hidden={reading !== null}>
          <SearchBox value={search.query} onInput={(query) => setSearch((s) => ({ ...s, query }))} inputRef={inputRef} />
          <details class="sc-panel-filter-panel" open={filtersOpen} onToggle={(e) => setFiltersOpen(e.currentTarget.open)}>
            <summary
              class="sc-panel-filter-panel__summary"
              onClick={(e) => {
                // Opened by the state, in the same task as the click: the filters are there when the click returns.
                e.preventDefault();
                setFiltersOpen(!filtersOpen);
              }}
            >
              {t('panel_filters')}
              {filterCount ? <span class="sc-panel-badge">{t('panel_filtersActive', filterCount)}</span> : null}
            </summary>
            {filtersOpen ? <Filters filters={search.filters} counts={model.counts} speakers={speakers} sources={sources} onChange={setFilters} /> : null}
          </details>
          {browsing ? (
            <Overview
              statements={allStatements(corpus)}
              sources={sources}
              links={links}
              onRead={read}
              onReadDocument={readDocument}
              onTopic={showTopic}
              copy={services.copy}
            />
          ) : (
            <section class="sc-panel-results" aria-label={t('panel_results')}>
              <div class="sc-panel-results__bar">
                <p class="sc-panel-results__count" role="status">
                  {statementCount(count)}
                  {model.matched > count ? <span class="sc-panel-note"> {t('panel_ofMatching', formatCount(model.matched))}</span> : null}
                </p>
                <label class="sc-panel-check sc-panel-check--inline">
                  <input type="checkbox" checked={search.grouped} onChange={(e) => setSearch((s) => ({ ...s, grouped: e.currentTarget.checked }))} />
                  <span class="sc-panel-check__label">{t('panel_groupByTopic')}</span>
                </label>
              </div>
              {count > 0 ? (
                <div class="sc-panel-export" role="group" aria-label={t('panel_exportLabel')}>
                  <span class="sc-panel-note">{count === 1 ? t('panel_export_one') : t('panel_export_other', formatCount(count))}</span>
                  {/* File format names, the same in every language: not messages. */}
                  <button type="button" class="sc-button sc-button--small" onClick={() => exportAs('csv')}>
                    CSV
                  </button>
                  <button type="button" class="sc-button sc-button--small" onClick={() => exportAs('json')}>
                    JSON
                  </button>
                </div>
              ) : (
                <div class="sc-panel-empty">
                  <p>
                    {search.query.trim()
                      ? filterCount
                        ? t('panel_noMatchQueryFilters', search.query.trim())
                        : t('panel_noMatchQuery', search.query.trim())
                      : t('panel_noMatchFilters')}
                  </p>
                  {filterCount ? (
                    <button type="button" class="sc-button" onClick={() => setFilters({})}>
                      {t('panel_clearFilters')}
                    </button>
                  ) : null}
                </div>
              )}
              <ResultList
                results={model}
                grouped={search.grouped}
                links={links}
                onRead={read}
                copy={services.copy}
              />
            </section>
          )}
        </div>
      </div>

      <div id="sc-panel-panel-page" role="tabpanel" aria-labelledby="sc-panel-tab-page" hidden={tab !== 'page'} class="sc-panel-main">
        {tab === 'page' ? <OnThisPage state={page} onReveal={services.revealMention} /> : null}
      </div>
    </div>
  );
}
