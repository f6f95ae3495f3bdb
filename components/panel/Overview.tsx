/**
 * What an empty search shows: the corpus at a glance. Each topic opens onto
 * its claims, each followed by the counterclaims that dispute it; then the
 * source documents, each opening in the reader. A topic's statements render
 * only while it is open.
 */
import { useMemo, useState } from 'preact/hooks';
import type { DocumentMeta } from '../../lib/data/types.ts';
import type { Topic } from '../../lib/vocabulary/topics.ts';
import { t } from '../../lib/i18n.ts';
import type { Result } from '../../lib/search/result.ts';
import { formatDate } from '../ui/format.ts';
import { groupByTopic, type TopicGroup } from './grouping.ts';
import { topicLabel } from '../ui/labels.ts';
import { statementCount } from './counts.ts';
import type { Links } from './links.ts';
import { GROUP_STEP, LIST_STEP, MoreButton, ThreadView } from './ResultList.tsx';

/** Grouping of the whole corpus, kept per corpus: the overview comes back each time the query is cleared. */
const groupsOf = new WeakMap<readonly Result[], TopicGroup[]>();

export interface OverviewProps {
  statements: readonly Result[];
  sources: readonly DocumentMeta[];
  links: Links;
  onRead(id: string): void;
  onReadDocument(file: string): void;
  /** Shows every statement of a topic in the result list (the topic filter). */
  onTopic(topic: Topic): void;
  copy(text: string): Promise<void>;
}

function TopicEntry({ group, ...props }: { group: TopicGroup } & Omit<OverviewProps, 'statements' | 'sources' | 'onReadDocument'>) {
  const [open, setOpen] = useState(false);
  const [limit, setLimit] = useState(GROUP_STEP);
  const members = [...group.threads.flatMap((thread) => [thread.claim, ...thread.replies]), ...group.loose];
  const own = members.filter((r) => r.kind === 'primary').length;
  const disputing = members.filter((r) => r.kind === 'counterclaim').length;
  const label = group.topic ? topicLabel(group.topic) : t('panel_noTopic');
  // The parties' positions: claims with their counterclaims, then counterclaims answering nothing here.
  const entries = [...group.threads, ...group.loose.filter((r) => r.kind === 'counterclaim').map((claim) => ({ claim, replies: [] }))];
  return (
    <details class="sc-panel-topic" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary class="sc-panel-topic__summary">
        <span class="sc-panel-topic__name">{label}</span>
        <span class="sc-panel-topic__counts">
          {own === 1 ? t('panel_claims_one', 1) : t('panel_claims_other', own)} ·{' '}
          {disputing === 1 ? t('panel_counterclaims_one', 1) : t('panel_counterclaims_other', disputing)} · {t('panel_inAll', group.count)}
        </span>
      </summary>
      {open ? (
        <div class="sc-panel-topic__body">
          {entries.length === 0 ? <p class="sc-panel-note">{t('panel_topicOnlyReporting')}</p> : null}
          <ol class="sc-panel-list">
            {entries.slice(0, limit).map((thread) => (
              <li class="sc-list__item" key={thread.claim.id}>
                <ThreadView thread={thread} links={props.links} onRead={props.onRead} copy={props.copy} />
              </li>
            ))}
          </ol>
          {entries.length > limit ? (
            <button type="button" class="sc-panel-more" onClick={() => setLimit(entries.length)}>
              {t('panel_showMore', entries.length - limit)}
            </button>
          ) : null}
          {group.topic ? (
            <button type="button" class="sc-button sc-button--small" onClick={() => props.onTopic(group.topic!)}>
              {group.count === 1 ? t('panel_topicAll_one', [1, label]) : t('panel_topicAll_other', [group.count, label])}
            </button>
          ) : null}
        </div>
      ) : null}
    </details>
  );
}

export function Overview({ statements, sources, onReadDocument, ...props }: OverviewProps) {
  // Once per corpus, not per render or remount: on a large corpus this is every statement.
  let groups = groupsOf.get(statements);
  if (!groups) groupsOf.set(statements, (groups = groupByTopic(statements)));
  // A large corpus has thousands of sources: they come a screenful at a time.
  const [shownSources, setShownSources] = useState(LIST_STEP);
  const perFile = useMemo(() => {
    const counts = new Map<string, number>();
    for (const s of statements) counts.set(s.source.file, (counts.get(s.source.file) ?? 0) + 1);
    return counts;
  }, [statements]);
  return (
    <div class="sc-panel-overview">
      <section class="sc-panel-overview__section" aria-labelledby="sc-panel-topics-heading">
        <h2 class="sc-panel-heading" id="sc-panel-topics-heading">
          {t('panel_topicsHeading')}
        </h2>
        <p class="sc-panel-note">{t('panel_topicsHint')}</p>
        {groups.map((g) => (
          <TopicEntry key={g.topic ?? 'none'} group={g} {...props} />
        ))}
      </section>
      <section class="sc-panel-overview__section" aria-labelledby="sc-panel-sources-heading">
        <h2 class="sc-panel-heading" id="sc-panel-sources-heading">
          {t('panel_sourcesHeading')}
        </h2>
        <ol class="sc-panel-sources">
          {sources.slice(0, shownSources).map((s) => (
            <li class="sc-panel-source" key={s.file}>
              <button type="button" class="sc-panel-source__title sc-link" onClick={() => onReadDocument(s.file)}>
                {s.title ?? s.file}
              </button>
              <p class="sc-panel-meta">
                {s.publisher ?? t('panel_publisherUnknown')}
                <span aria-hidden="true"> · </span>
                {formatDate(s.date)}
                <span aria-hidden="true"> · </span>
                {statementCount(perFile.get(s.file) ?? 0)}
              </p>
            </li>
          ))}
        </ol>
        <MoreButton hidden={sources.length - shownSources} step={LIST_STEP} onClick={() => setShownSources(shownSources + LIST_STEP)} />
      </section>
    </div>
  );
}
