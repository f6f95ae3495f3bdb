/**
 * The result list, flat (best first) or grouped by topic with each claim
 * followed by what disputes it. Rendering is capped (LIST_STEP items, then
 * "Show more"), and the flat list asks the model for only what it renders,
 * so a broad query costs the same per keystroke as a narrow one; the count
 * and the export always cover every result.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/i18n.ts';
import type { Result } from '../../lib/search/result.ts';
import { groupByTopic, type Thread } from './grouping.ts';
import { topicLabel } from '../ui/labels.ts';
import { formatCount } from './counts.ts';
import type { Links } from './links.ts';
import { ResultItem } from './ResultItem.tsx';
import type { SearchAnswer } from '../../lib/search/search.ts';

/** The part of the search's answer a result list reads. */
export type ResultPages = Pick<SearchAnswer, 'total' | 'first' | 'all'>;

/** Items rendered at first and added per "Show more". */
export const LIST_STEP = 30;
/** Threads rendered per topic group at first. */
export const GROUP_STEP = 5;
/**
 * Rows of a new answer drawn in the keystroke's own frame: a side panel
 * shows three or four (a row is 150 px and up, and the list starts below
 * the search box). Where the view is taller, or scrolled, and a row left
 * for later would be in it, the frame draws them all (see `FlatList`).
 * The rest of the step follows when the page is idle.
 */
export const FIRST_ROWS = 4;
/**
 * List items always laid out (panel.css: `content-visibility: visible`,
 * not `auto`; the two counts are the same number): the rows a keystroke
 * can insert or move near the viewport, new ones and those kept from the
 * previous answer. Skipped, those near the viewport were unlocked inside
 * the keystroke's frame, which then ran style, layout and paint again
 * (tests/bench/README.md, panel).
 */
export const LAID_OUT_ROWS = 8;

/** Runs `task` once the page is idle (soon after the next frame, where there is no idle callback); the canceller. */
function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(task, { timeout: 200 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(task, 0);
  return () => clearTimeout(id);
}

export interface ResultListProps {
  results: ResultPages;
  grouped: boolean;
  links: Links;
  onRead(id: string): void;
  copy(text: string): Promise<void>;
}

/**
 * "Show 30 more of 45", the count still hidden in a smaller span. Two
 * messages because the second part is styled apart; translators see both
 * descriptions.
 */
function ShowMoreLabel({ hidden, step }: { hidden: number; step: number }) {
  return (
    <>
      {t('panel_showMore', formatCount(Math.min(hidden, step)))} <span class="sc-panel-more__rest">{t('panel_showMoreOf', formatCount(hidden))}</span>
    </>
  );
}

/** "Show 30 more of 45" for a list that renders `step` more per click; nothing when none is hidden. */
export function MoreButton({ hidden, step, onClick }: { hidden: number; step: number; onClick(): void }) {
  if (hidden <= 0) return null;
  return (
    <button type="button" class="sc-panel-more" onClick={onClick}>
      <ShowMoreLabel hidden={hidden} step={step} />
    </button>
  );
}

/**
 * A "Show more" limit that starts over when `answer` changes (a new query
 * or new filters). The list itself stays mounted, so results that remain
 * from one keystroke to the next keep their DOM.
 */
function useLimit(first: number, step: number, answer: unknown): [number, () => void] {
  const [state, setState] = useState({ answer, limit: first });
  const limit = state.answer === answer ? state.limit : first;
  return [limit, () => setState({ answer, limit: limit + step })];
}

/**
 * The flat list. A keystroke's frame draws what is in view: a new answer's
 * first FIRST_ROWS rows, and the rows already on screen that stay listed
 * (kept, not drawn again); the rest of the step (up to LIST_STEP) is drawn
 * when the page is next idle, with the list `aria-busy` until then, unless
 * the first row left out would be in view: then all of it at once, before
 * the frame paints. Building, laying out and painting new rows was most of
 * a keystroke's cost (tests/bench, panel).
 */
function FlatList({ results, ...item }: Omit<ResultListProps, 'grouped'>) {
  const [limit, more] = useLimit(LIST_STEP, LIST_STEP, results);
  const shown = useMemo(() => results.first(limit), [results, limit]);
  const [filled, setFilled] = useState<ResultPages | null>(null);
  const drawnIds = useRef<ReadonlySet<string>>(new Set());
  const list = useRef<HTMLOListElement>(null);
  const rows = filled === results ? shown : shown.filter((r, i) => i < FIRST_ROWS || drawnIds.current.has(r.id));
  // Every row before the first one left out is drawn, so the row above where it goes is rows[left - 1].
  const left = rows.length < shown.length ? shown.findIndex((r, i) => rows[i] !== r) : -1;
  useLayoutEffect(() => {
    if (left < 0) return;
    // Style and layout are due before the frame anyway (the browser's editing code forces them after an input event).
    const above = list.current?.children[left - 1];
    if (!above || above.getBoundingClientRect().bottom < innerHeight) setFilled(results);
  });
  useEffect(() => {
    drawnIds.current = new Set(rows.map((r) => r.id));
    if (left >= 0) return whenIdle(() => setFilled(results));
  });
  return (
    <>
      <ol class="sc-panel-list" ref={list} aria-busy={left >= 0 ? 'true' : undefined}>
        {rows.map((r) => (
          <li class="sc-list__item" key={r.id}>
            <ResultItem result={r} {...item} />
          </li>
        ))}
      </ol>
      <MoreButton hidden={results.total - limit} step={LIST_STEP} onClick={more} />
    </>
  );
}

/** A claim with its replies indented under it. */
export function ThreadView({ thread, ...item }: { thread: Thread } & Omit<ResultListProps, 'results' | 'grouped'>) {
  return (
    <div class="sc-panel-thread">
      <ResultItem result={thread.claim} {...item} />
      {thread.replies.length > 0 ? (
        <ol class="sc-panel-thread__replies" aria-label={t('panel_repliesLabel', thread.claim.speaker.name)}>
          {thread.replies.map((r) => (
            <li key={r.id}>
              <ResultItem result={r} {...item} />
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}

function Group({
  heading,
  threads,
  loose,
  answer,
  ...item
}: { heading: string; threads: Thread[]; loose: Result[]; answer: ResultPages } & Omit<ResultListProps, 'results' | 'grouped'>) {
  const [limit, more] = useLimit(GROUP_STEP, LIST_STEP, answer);
  const entries = [...threads.map((thread) => ({ key: thread.claim.id, thread })), ...loose.map((r) => ({ key: r.id, thread: { claim: r, replies: [] } }))];
  return (
    <section class="sc-panel-group" aria-label={heading}>
      <h3 class="sc-panel-group__title">{heading}</h3>
      <ol class="sc-panel-list">
        {entries.slice(0, limit).map(({ key, thread }) => (
          <li class="sc-list__item" key={key}>
            <ThreadView thread={thread} {...item} />
          </li>
        ))}
      </ol>
      <MoreButton hidden={entries.length - limit} step={LIST_STEP} onClick={more} />
    </section>
  );
}

export function ResultList({ results, grouped, ...item }: ResultListProps) {
  const groups = useMemo(() => (grouped ? groupByTopic(results.all()) : []), [results, grouped]);
  if (!grouped) return <FlatList results={results} {...item} />;
  return (
    <>
      {groups.map((g) => (
        <Group
          key={g.topic ?? 'none'}
          heading={`${g.topic ? topicLabel(g.topic) : t('panel_noTopic')} · ${g.count}`}
          threads={g.threads}
          loose={g.loose}
          answer={results}
          {...item}
        />
      ))}
    </>
  );
}
