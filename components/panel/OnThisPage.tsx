/**
 * The mentions Source Context found in the active tab, grouped by category,
 * each with its sentence. Activating one scrolls the page to it and flashes
 * it: this list is also the keyboard and screen-reader way to every
 * highlight on the page, which the page itself only shows by colour.
 */
import { useState } from 'preact/hooks';
import type { Category } from '../../lib/detect/types.ts';
import { CATEGORIES } from '../../lib/detect/types.ts';
import { Emphasis } from '../card/Emphasis.tsx';
import { CATEGORY_LABELS } from './labels.ts';
import type { PageState } from './types.ts';

/** Mentions rendered per category at first; the rest behind "Show more". */
export const MENTION_STEP = 50;

export interface OnThisPageProps {
  state: PageState;
  onReveal(index: number): Promise<boolean>;
}

function Unavailable({ reason }: { reason: 'no-tab' | 'no-script' }) {
  return (
    <div class="sp-empty">
      {reason === 'no-tab' ? (
        <p>There is no page in this window to read.</p>
      ) : (
        <>
          <p>Source Context is not running on this page, so it cannot list mentions here.</p>
          <p class="sp-note">
            Browser pages (new tab, settings, add-on stores), the extension’s own pages and sites where you turned Source Context off are never read.
            A page that was open before the extension was installed or updated needs a reload.
          </p>
        </>
      )}
    </div>
  );
}

function CategoryGroup({ category, mentions, onReveal }: { category: Category; mentions: Extract<PageState, { status: 'ready' }>['mentions']; onReveal(index: number): void }) {
  const [limit, setLimit] = useState(MENTION_STEP);
  return (
    <section class="sp-group" aria-label={`${CATEGORY_LABELS[category]}, ${mentions.length}`}>
      <h3 class={`sp-group__title sp-cat sp-cat--${category}`}>
        {CATEGORY_LABELS[category]} <span class="sp-count">{mentions.length}</span>
      </h3>
      <ol class="sp-mentions">
        {mentions.slice(0, limit).map((m) => (
          <li key={m.index}>
            <button type="button" class="sp-mention" onClick={() => onReveal(m.index)}>
              <span class="sp-mention__text">{m.text}</span>
              <span class="sp-mention__sentence">
                <Emphasis text={m.sentence} terms={[m.text]} />
              </span>
            </button>
          </li>
        ))}
      </ol>
      {mentions.length > limit ? (
        <button type="button" class="sp-more" onClick={() => setLimit(limit + MENTION_STEP)}>
          Show {Math.min(MENTION_STEP, mentions.length - limit)} more <span class="sp-more__rest">of {mentions.length - limit}</span>
        </button>
      ) : null}
    </section>
  );
}

export function OnThisPage({ state, onReveal }: OnThisPageProps) {
  const [gone, setGone] = useState(false);
  if (state.status === 'loading') return <p class="sp-note sp-pad">Reading the page…</p>;
  if (state.status === 'unavailable') return <Unavailable reason={state.reason} />;
  const reveal = async (index: number) => setGone(!(await onReveal(index)));
  return (
    <div class="sp-page">
      <p class="sp-page__title">
        <span class="sp-page__name">{state.title || state.url}</span>
        <span class="sp-note">
          {state.total === 0 ? 'No mentions found on this page.' : `${state.total} ${state.total === 1 ? 'mention' : 'mentions'}`}
          {state.total > state.mentions.length ? `, the first ${state.mentions.length} listed` : ''}
        </span>
      </p>
      <p class="sp-note" role="status">
        {gone ? 'That mention is no longer on the page; the list updates as the page changes.' : ''}
      </p>
      {CATEGORIES.map((category) => {
        const mentions = state.mentions.filter((m) => m.category === category);
        return mentions.length ? <CategoryGroup key={category} category={category} mentions={mentions} onReveal={(i) => void reveal(i)} /> : null;
      })}
    </div>
  );
}
