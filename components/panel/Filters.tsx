/**
 * Facet filters with counts: kind, side, speaker, topic, source document,
 * and a date range. Values within a facet are alternatives, facets combine
 * (see lib/search/facets.ts). A value shows when it has matches or is
 * ticked, so a choice can always be undone. A long list (a large corpus has
 * thousands of source documents) shows its biggest values first and
 * grows on request, so the filters cost the same per keystroke whatever
 * the corpus size.
 */
import { useMemo, useState } from 'preact/hooks';
import type { DocumentMeta } from '../../lib/data/types.ts';
import type { FacetCounts, FacetFilters, FacetKey } from '../../lib/search/facets.ts';
import { hasFilters } from '../../lib/search/facets.ts';
import { topK } from '../../lib/search/top.ts';
import { t, type MessageKey } from '../../lib/i18n.ts';
import { KIND_KEYS, SIDE_KEYS, TOPIC_KEYS } from '../ui/labels.ts';
import { statementCount } from './counts.ts';
import { MoreButton } from './ResultList.tsx';

/**
 * Values a long facet shows before "Show more", and adds per click. A list
 * is long past twice that: hiding two speakers of fourteen behind a button
 * would cost a click and save nothing.
 */
export const FACET_STEP = 12;

export interface FacetOption {
  value: string;
  label: string;
}

export interface FiltersProps {
  filters: FacetFilters;
  counts: FacetCounts;
  /** Every speaker in the corpus, id and name. */
  speakers: readonly FacetOption[];
  sources: readonly DocumentMeta[];
  onChange(filters: FacetFilters): void;
}

function toggle(list: readonly string[] | undefined, value: string): string[] {
  const current = list ?? [];
  return current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
}

interface FacetProps {
  name: FacetKey;
  legend: string;
  options: readonly FacetOption[];
  filters: FacetFilters;
  counts: FacetCounts;
  onChange(filters: FacetFilters): void;
  /** Orders values by count; short fixed lists keep their natural order (lists longer than FACET_STEP always go by count). */
  byCount?: boolean;
}

function Facet({ name, legend, options, filters, counts, onChange, byCount }: FacetProps) {
  const chosen = (filters[name] ?? []) as readonly string[];
  const count = (value: string) => counts[name].of(value);
  const [limit, setLimit] = useState(FACET_STEP);
  // Each option's place in collation order, once per option list, so ties in count compare as numbers.
  const labelRank = useMemo(() => {
    const rank = new Map([...options].sort((a, b) => a.label.localeCompare(b.label)).map((o, i) => [o, i]));
    return options.map((o) => rank.get(o)!);
  }, [options]);
  // One pass over the options (thousands of sources on a large corpus): what is offered, with its count and rank.
  const offered: number[] = [];
  const countOf: number[] = [];
  options.forEach((o, i) => {
    countOf[i] = count(o.value);
    if (countOf[i]! > 0 || chosen.includes(o.value)) offered.push(i);
  });
  const inOrder = (a: number, b: number) => countOf[b]! - countOf[a]! || labelRank[a]! - labelRank[b]!;
  let picked = offered;
  if (offered.length > 2 * FACET_STEP) {
    // Only the biggest `limit` are ranked; ticked values stay in view.
    const top = topK(offered.length, limit, (i, j) => inOrder(offered[i]!, offered[j]!)).map((i) => offered[i]!);
    const inTop = new Set(top);
    picked = [...top, ...offered.filter((i) => !inTop.has(i) && chosen.includes(options[i]!.value))];
  } else if (byCount) picked = [...offered].sort(inOrder);
  const shown = picked.map((i) => options[i]!);
  if (shown.length === 0) return null;
  const hidden = offered.length - shown.length;
  return (
    <fieldset class="sc-panel-facet">
      <legend class="sc-panel-facet__legend">{legend}</legend>
      <ul class="sc-panel-facet__list">
        {shown.map((o) => (
          <li key={o.value}>
            <label class="sc-panel-check">
              <input
                type="checkbox"
                name={name}
                value={o.value}
                checked={chosen.includes(o.value)}
                onChange={() => onChange({ ...filters, [name]: toggle(filters[name] as string[] | undefined, o.value) })}
              />
              <span class="sc-panel-check__label">{o.label}</span>
              <span class="sc-panel-check__count" aria-label={statementCount(count(o.value))}>
                {count(o.value)}
              </span>
            </label>
          </li>
        ))}
      </ul>
      <MoreButton hidden={hidden} step={FACET_STEP} onClick={() => setLimit(limit + FACET_STEP)} />
    </fieldset>
  );
}

/** Options of a fixed vocabulary, labelled at render time (the message source is set after module load). */
function optionsOf(keys: Readonly<Record<string, MessageKey>>): FacetOption[] {
  return Object.entries(keys).map(([value, key]) => ({ value, label: t(key) }));
}

export function Filters({ filters, counts, speakers, sources, onChange }: FiltersProps) {
  const sourceOptions = useMemo(() => sources.map((s) => ({ value: s.file, label: s.title ?? s.file })), [sources]);
  const kindOptions = optionsOf(KIND_KEYS);
  const sideOptions = optionsOf(SIDE_KEYS);
  const topicOptions = optionsOf(TOPIC_KEYS);
  const shared = { filters, counts, onChange };
  const ranged = Boolean(filters.from || filters.to);
  return (
    <div class="sc-panel-filters">
      <div class="sc-panel-filters__grid">
        <Facet name="kinds" legend={t('panel_filter_kind')} options={kindOptions} {...shared} />
        <Facet name="sides" legend={t('panel_filter_side')} options={sideOptions} {...shared} />
        <Facet name="speakers" legend={t('panel_filter_speaker')} options={speakers} byCount {...shared} />
        <Facet name="topics" legend={t('panel_filter_topic')} options={topicOptions} byCount {...shared} />
        <Facet name="files" legend={t('panel_filter_source')} options={sourceOptions} {...shared} />
      </div>
      <fieldset class="sc-panel-facet sc-panel-dates">
        <legend class="sc-panel-facet__legend">{t('panel_filter_dates')}</legend>
        <label class="sc-panel-dates__field">
          <span>{t('panel_filter_from')}</span>
          <input type="date" value={filters.from ?? ''} onChange={(e) => onChange({ ...filters, from: e.currentTarget.value || undefined })} />
        </label>
        <label class="sc-panel-dates__field">
          <span>{t('panel_filter_to')}</span>
          <input type="date" value={filters.to ?? ''} onChange={(e) => onChange({ ...filters, to: e.currentTarget.value || undefined })} />
        </label>
        {ranged && counts.undated > 0 ? (
          <p class="sc-panel-note">
            {counts.undated === 1 ? t('panel_undated_one', 1) : t('panel_undated_other', counts.undated)}
          </p>
        ) : null}
      </fieldset>
      {hasFilters(filters) ? (
        <button type="button" class="sc-button sc-button--neutral" onClick={() => onChange({})}>
          {t('panel_clearFilters')}
        </button>
      ) : null}
    </div>
  );
}
