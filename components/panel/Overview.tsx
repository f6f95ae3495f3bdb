/**
 * What an empty search shows: the corpus at a glance. Each topic opens onto
 * its claims, each followed by the counterclaims that dispute it; then the
 * source documents, each opening in the reader. A topic's statements render
 * only while it is open.
 */
import { useState } from 'preact/hooks';
import type { DocumentMeta, Topic } from '../../lib/corpus/types.ts';
import type { Result } from '../../lib/search/result.ts';
import { formatDate } from '../card/format.ts';
import { groupByTopic, type TopicGroup } from './grouping.ts';
import { TOPIC_LABELS } from './labels.ts';
import type { Links } from './links.ts';
import { GROUP_STEP, ThreadView } from './ResultList.tsx';

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

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function TopicEntry({ group, ...props }: { group: TopicGroup } & Omit<OverviewProps, 'statements' | 'sources' | 'onReadDocument'>) {
  const [open, setOpen] = useState(false);
  const [limit, setLimit] = useState(GROUP_STEP);
  const members = [...group.threads.flatMap((t) => [t.claim, ...t.replies]), ...group.loose];
  const own = members.filter((r) => r.kind === 'primary').length;
  const disputing = members.filter((r) => r.kind === 'counterclaim').length;
  const label = group.topic ? TOPIC_LABELS[group.topic] : 'No topic';
  // The parties' positions: claims with their counterclaims, then counterclaims answering nothing here.
  const entries = [...group.threads, ...group.loose.filter((r) => r.kind === 'counterclaim').map((claim) => ({ claim, replies: [] }))];
  return (
    <details class="sp-topic" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary class="sp-topic__summary">
        <span class="sp-topic__name">{label}</span>
        <span class="sp-topic__counts">
          {plural(own, 'claim', 'claims')} · {plural(disputing, 'counterclaim', 'counterclaims')} · {group.count} in all
        </span>
      </summary>
      {open ? (
        <div class="sp-topic__body">
          {entries.length === 0 ? <p class="sp-note">No claims or counterclaims on this topic, only reporting.</p> : null}
          <ol class="sp-list">
            {entries.slice(0, limit).map((thread) => (
              <li class="sp-list__item" key={thread.claim.id}>
                <ThreadView thread={thread} links={props.links} onRead={props.onRead} copy={props.copy} />
              </li>
            ))}
          </ol>
          {entries.length > limit ? (
            <button type="button" class="sp-more" onClick={() => setLimit(entries.length)}>
              Show {entries.length - limit} more
            </button>
          ) : null}
          {group.topic ? (
            <button type="button" class="sp-btn sp-btn--small" onClick={() => props.onTopic(group.topic!)}>
              All {plural(group.count, 'statement', 'statements')} on {label}, with reporting
            </button>
          ) : null}
        </div>
      ) : null}
    </details>
  );
}

export function Overview({ statements, sources, onReadDocument, ...props }: OverviewProps) {
  const perFile = new Map<string, number>();
  for (const s of statements) perFile.set(s.source.file, (perFile.get(s.source.file) ?? 0) + 1);
  return (
    <div class="sp-overview">
      <section class="sp-overview__section" aria-labelledby="sp-topics-heading">
        <h2 class="sp-heading" id="sp-topics-heading">
          Topics
        </h2>
        <p class="sp-note">Each claim is followed by the counterclaims that dispute it.</p>
        {groupByTopic(statements).map((g) => (
          <TopicEntry key={g.topic ?? 'none'} group={g} {...props} />
        ))}
      </section>
      <section class="sp-overview__section" aria-labelledby="sp-sources-heading">
        <h2 class="sp-heading" id="sp-sources-heading">
          Source documents
        </h2>
        <ol class="sp-sources">
          {sources.map((s) => (
            <li class="sp-source" key={s.file}>
              <button type="button" class="sp-source__title sp-link" onClick={() => onReadDocument(s.file)}>
                {s.title ?? s.file}
              </button>
              <p class="sp-meta">
                {s.publisher ?? 'Publisher unknown'}
                <span aria-hidden="true"> · </span>
                {formatDate(s.date)}
                <span aria-hidden="true"> · </span>
                {plural(perFile.get(s.file) ?? 0, 'statement', 'statements')}
              </p>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
