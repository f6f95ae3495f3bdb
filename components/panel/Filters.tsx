/**
 * Facet filters with counts: kind, side, speaker, topic, source document,
 * and a date range. Values within a facet are alternatives, facets combine
 * (see lib/search/facets.ts). A value shows when it has matches or is
 * ticked, so a choice can always be undone.
 */
import type { DocumentMeta } from '../../lib/corpus/types.ts';
import type { FacetCounts, FacetFilters, FacetKey } from '../../lib/search/facets.ts';
import { hasFilters } from '../../lib/search/facets.ts';
import { KIND_LABELS, SIDE_LABELS, TOPIC_LABELS } from './labels.ts';

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
  /** Orders values by count, for long lists; short fixed lists keep their natural order. */
  byCount?: boolean;
}

function Facet({ name, legend, options, filters, counts, onChange, byCount }: FacetProps) {
  const chosen = (filters[name] ?? []) as readonly string[];
  const count = (value: string) => counts[name].get(value) ?? 0;
  const shown = options.filter((o) => count(o.value) > 0 || chosen.includes(o.value));
  if (byCount) shown.sort((a, b) => count(b.value) - count(a.value) || a.label.localeCompare(b.label));
  if (shown.length === 0) return null;
  return (
    <fieldset class="sp-facet">
      <legend class="sp-facet__legend">{legend}</legend>
      <ul class="sp-facet__list">
        {shown.map((o) => (
          <li key={o.value}>
            <label class="sp-check">
              <input
                type="checkbox"
                name={name}
                value={o.value}
                checked={chosen.includes(o.value)}
                onChange={() => onChange({ ...filters, [name]: toggle(filters[name] as string[] | undefined, o.value) })}
              />
              <span class="sp-check__label">{o.label}</span>
              <span class="sp-check__count" aria-label={`${count(o.value)} statements`}>
                {count(o.value)}
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

const kindOptions = Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }));
const sideOptions = Object.entries(SIDE_LABELS).map(([value, label]) => ({ value, label }));
const topicOptions = Object.entries(TOPIC_LABELS).map(([value, label]) => ({ value, label }));

export function Filters({ filters, counts, speakers, sources, onChange }: FiltersProps) {
  const sourceOptions = sources.map((s) => ({ value: s.file, label: s.title ?? s.file }));
  const shared = { filters, counts, onChange };
  const ranged = Boolean(filters.from || filters.to);
  return (
    <div class="sp-filters">
      <div class="sp-filters__grid">
        <Facet name="kinds" legend="Kind" options={kindOptions} {...shared} />
        <Facet name="sides" legend="Side" options={sideOptions} {...shared} />
        <Facet name="speakers" legend="Speaker" options={speakers} byCount {...shared} />
        <Facet name="topics" legend="Topic" options={topicOptions} byCount {...shared} />
        <Facet name="files" legend="Source document" options={sourceOptions} {...shared} />
      </div>
      <fieldset class="sp-facet sp-dates">
        <legend class="sp-facet__legend">Source date</legend>
        <label class="sp-dates__field">
          <span>From</span>
          <input type="date" value={filters.from ?? ''} onChange={(e) => onChange({ ...filters, from: e.currentTarget.value || undefined })} />
        </label>
        <label class="sp-dates__field">
          <span>To</span>
          <input type="date" value={filters.to ?? ''} onChange={(e) => onChange({ ...filters, to: e.currentTarget.value || undefined })} />
        </label>
        {ranged && counts.undated > 0 ? (
          <p class="sp-note">
            {counts.undated === 1 ? '1 statement' : `${counts.undated} statements`} from undated sources left out.
          </p>
        ) : null}
      </fieldset>
      {hasFilters(filters) ? (
        <button type="button" class="sp-btn sp-btn--quiet" onClick={() => onChange({})}>
          Clear filters
        </button>
      ) : null}
    </div>
  );
}
