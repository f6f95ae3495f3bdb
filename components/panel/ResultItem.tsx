/**
 * One statement in a result list: kind and side, the verbatim words with the
 * matched ones emphasized, who said it, where and when, what it disputes or
 * is disputed by, and the actions (read in source, copy citation).
 */
import { Component } from 'preact';
import { useId } from 'preact/hooks';
import { isVerbatim } from '../../lib/data/types.ts';
import { t } from '../../lib/i18n.ts';
import type { Result } from '../../lib/search/result.ts';
import { Emphasis } from '../ui/Emphasis.tsx';
import { formatDate } from '../ui/format.ts';
import { answeredByLines, answersLabel, LinkLine } from '../ui/LinkLine.tsx';
import { markdownCitation, plainCitation } from './cite.ts';
import { CopyButton } from './CopyButton.tsx';
import type { Links } from './links.ts';
import { KindAndSide } from '../ui/KindAndSide.tsx';

export interface ResultItemProps {
  result: Result;
  links: Links;
  /** Opens the reader at a statement (this one, or one it is linked to). */
  onRead(id: string): void;
  copy(text: string): Promise<void>;
}

/**
 * Whether two rows would show the same: one statement (a result's id fixes
 * every field drawn) with the same matched words, and the same handlers.
 */
function sameRow(a: ResultItemProps, b: ResultItemProps): boolean {
  if (a.result.id !== b.result.id || a.links !== b.links || a.onRead !== b.onRead || a.copy !== b.copy) return false;
  const [x, y] = [a.result.terms, b.result.terms];
  return x.length === y.length && x.every((term, i) => term === y[i]);
}

/**
 * A row that is not drawn again while it would show the same: from one
 * keystroke to the next most listed statements stay, with the same words
 * emphasized, and re-rendering them was a good part of a keystroke's script
 * on a large corpus (tests/bench, panel).
 */
export class ResultItem extends Component<ResultItemProps> {
  override shouldComponentUpdate(next: ResultItemProps): boolean {
    return !sameRow(this.props, next);
  }

  override render() {
    return <ResultRow {...this.props} />;
  }
}

function ResultRow({ result, links, onRead, copy }: ResultItemProps) {
  const role = result.speaker.role.trim();
  const speakerId = `sp${useId().replace(/[^A-Za-z0-9_-]/g, '')}-speaker`;
  return (
    <article class={`sc-panel-item sc-panel-item--${result.kind}`} aria-label={role ? `${result.speaker.name}, ${role}` : result.speaker.name} data-id={result.id}>
      <KindAndSide kind={result.kind} side={result.side} voice={result.voice} />
      {isVerbatim(result.voice) ? (
        <blockquote class="sc-panel-quote">
          <Emphasis text={result.text} terms={result.terms} />
        </blockquote>
      ) : (
        <p class="sc-panel-quote sc-panel-quote--reported">
          <Emphasis text={result.text} terms={result.terms} />
        </p>
      )}
      <p class="sc-panel-speaker" id={speakerId}>
        <span class="sc-panel-speaker__name">{result.speaker.name}</span>
        {role ? <span class="sc-panel-speaker__role">, {role}</span> : null}
      </p>
      <p class="sc-panel-meta">
        {result.source.publisher?.trim() || t('panel_publisherUnknown')}
        <span aria-hidden="true"> · </span>
        {formatDate(result.source.date)}
        {result.source.title ? (
          <>
            <span aria-hidden="true"> · </span>
            <cite class="sc-panel-meta__title">{result.source.title}</cite>
          </>
        ) : null}
      </p>
      <LinkLine label={answersLabel(result.kind)} targets={links.answers(result.id)} excerpts onFollow={onRead} />
      {answeredByLines(links.answeredBy(result.id)).map(({ label, targets }) => (
        <LinkLine key={label} label={label} targets={targets} excerpts onFollow={onRead} />
      ))}
      <div class="sc-panel-actions">
        <button type="button" class="sc-button sc-button--small sc-button--primary" aria-describedby={speakerId} onClick={() => onRead(result.id)}>
          {t('panel_readInSource')}
        </button>
        <CopyButton label={t('panel_copyCitation')} describedBy={speakerId} text={() => plainCitation(result)} copy={copy} />
        <CopyButton label={t('panel_copyMarkdown')} describedBy={speakerId} text={() => markdownCitation(result)} copy={copy} />
      </div>
    </article>
  );
}
