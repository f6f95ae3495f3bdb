/**
 * The mentions Source Context found in the active tab, grouped by category,
 * each with its sentence. Activating one scrolls the page to it and flashes
 * it: this list is also the keyboard and screen-reader way to every
 * highlight on the page, which the page itself only shows by colour.
 */
import { useState } from 'preact/hooks';
import type { Category } from '../../lib/vocabulary/categories.ts';
import { CATEGORIES } from '../../lib/vocabulary/categories.ts';
import { t } from '../../lib/i18n.ts';
import { Emphasis } from '../ui/Emphasis.tsx';
import { Swatch } from '../ui/Swatch.tsx';
import { categoryLabel } from '../ui/labels.ts';
import { MoreButton } from './ResultList.tsx';
import type { PageState } from './types.ts';

/** Mentions rendered per category at first; the rest behind "Show more". */
export const MENTION_STEP = 50;

export interface OnThisPageProps {
  state: PageState;
  onReveal(index: number): Promise<boolean>;
}

function Unavailable({ reason }: { reason: 'no-tab' | 'no-script' }) {
  return (
    <div class="sc-panel-empty">
      {reason === 'no-tab' ? (
        <p>{t('panel_page_noTab')}</p>
      ) : (
        <>
          <p>{t('panel_page_noScript')}</p>
          <p class="sc-panel-note">{t('panel_page_noScriptHint')}</p>
        </>
      )}
    </div>
  );
}

function CategoryGroup({ category, mentions, onReveal }: { category: Category; mentions: Extract<PageState, { status: 'ready' }>['mentions']; onReveal(index: number): void }) {
  const [limit, setLimit] = useState(MENTION_STEP);
  const label = categoryLabel(category);
  return (
    <section class="sc-panel-group" aria-label={`${label}, ${mentions.length}`}>
      <h3 class="sc-panel-group__title">
        <Swatch category={category} /> {label} <span class="sc-panel-count">{mentions.length}</span>
      </h3>
      <ol class="sc-panel-mentions">
        {mentions.slice(0, limit).map((m) => (
          <li key={m.index}>
            <button type="button" class="sc-panel-mention" onClick={() => onReveal(m.index)}>
              <span class="sc-panel-mention__text">{m.text}</span>
              <span class="sc-panel-mention__sentence">
                <Emphasis text={m.sentence} terms={[m.text]} />
              </span>
            </button>
          </li>
        ))}
      </ol>
      <MoreButton hidden={mentions.length - limit} step={MENTION_STEP} onClick={() => setLimit(limit + MENTION_STEP)} />
    </section>
  );
}

export function OnThisPage({ state, onReveal }: OnThisPageProps) {
  const [gone, setGone] = useState(false);
  if (state.status === 'loading') return <p class="sc-panel-note sc-panel-pad">{t('panel_page_loading')}</p>;
  if (state.status === 'unavailable') return <Unavailable reason={state.reason} />;
  const reveal = async (index: number) => setGone(!(await onReveal(index)));
  return (
    <div class="sc-panel-page">
      <p class="sc-panel-page__title">
        <span class="sc-panel-page__name">{state.title || state.url}</span>
        <span class="sc-panel-note">
          {state.total === 0
            ? t('panel_page_none')
            : state.total > state.mentions.length
              ? t('panel_page_mentionsCapped', [state.total, state.mentions.length])
              : state.total === 1
                ? t('panel_page_mentions_one', 1)
                : t('panel_page_mentions_other', state.total)}
        </span>
      </p>
      <p class="sc-panel-note" role="status">
        {gone ? t('panel_page_gone') : ''}
      </p>
      {CATEGORIES.map((category) => {
        const mentions = state.mentions.filter((m) => m.category === category);
        return mentions.length ? <CategoryGroup key={category} category={category} mentions={mentions} onReveal={(i) => void reveal(i)} /> : null;
      })}
    </div>
  );
}
