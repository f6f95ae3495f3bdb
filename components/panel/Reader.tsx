/**
 * A source document as the corpus holds it (cleaned paragraphs), with every
 * statement the pipeline extracted marked in place by kind, and one of them
 * selected: scrolled to, outlined, and described above the text. Unmarked
 * text is what the pipeline left out. Corpus text reaches the DOM as text
 * nodes only.
 */
import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import type { DocumentMeta, ReaderDocument, Statement } from '../../lib/data/types.ts';
import { t } from '../../lib/i18n.ts';
import { safeHttpUrl } from '../../lib/safe-url.ts';
import type { Corpus } from '../../lib/search/load.ts';
import { toResult } from '../../lib/search/result.ts';
import { formatDate } from '../ui/format.ts';
import { markdownCitation, plainCitation } from './cite.ts';
import { CopyButton } from './CopyButton.tsx';
import { kindLabel } from '../ui/labels.ts';
import { markParagraph, placementsIn } from './reader-marks.ts';
import { KindAndSide } from '../ui/KindAndSide.tsx';

export interface ReaderProps {
  corpus: Corpus;
  document: ReaderDocument | undefined;
  meta: DocumentMeta | undefined;
  /** The selected statement; none when the document was opened as a whole. */
  selected?: string;
  onSelect(id: string): void;
  onBack(): void;
  copy(text: string): Promise<void>;
}

function hostOf(url: string): string {
  return new URL(url).host.replace(/^www\./, '');
}

function Selected({ corpus, statement, position, total, onSelect, order, copy }: {
  corpus: Corpus;
  statement: Statement;
  position: number;
  total: number;
  order: readonly string[];
  onSelect(id: string): void;
  copy(text: string): Promise<void>;
}) {
  const result = toResult(corpus, statement, 1, new Set());
  const role = statement.speaker.role.trim();
  const previous = order[position - 2];
  const next = order[position];
  return (
    <section class={`sc-panel-selected sc-panel-selected--${statement.kind}`} aria-label={t('panel_selected')}>
      <KindAndSide kind={statement.kind} side={statement.speaker.side} voice={statement.voice} />
      <p class="sc-panel-speaker">
        <span class="sc-panel-speaker__name">{statement.speaker.name}</span>
        {role ? <span class="sc-panel-speaker__role">, {role}</span> : null}
      </p>
      <div class="sc-panel-selected__nav">
        <button type="button" class="sc-button sc-button--small" disabled={!previous} onClick={() => previous && onSelect(previous)}>
          {t('panel_previous')}
        </button>
        <span class="sc-panel-selected__pos" aria-live="polite">
          {t('panel_position', [position, total])}
        </span>
        <button type="button" class="sc-button sc-button--small" disabled={!next} onClick={() => next && onSelect(next)}>
          {t('panel_next')}
        </button>
      </div>
      <div class="sc-panel-actions">
        <CopyButton label={t('panel_copyCitation')} text={() => plainCitation(result)} copy={copy} />
        <CopyButton label={t('panel_copyMarkdown')} text={() => markdownCitation(result)} copy={copy} />
      </div>
    </section>
  );
}

export function Reader({ corpus, document: doc, meta, selected, onSelect, onBack, copy }: ReaderProps) {
  const articleRef = useRef<HTMLElement>(null);
  const placements = useMemo(() => (doc ? placementsIn(doc.file, corpus.statements.values()) : []), [doc, corpus]);
  const order = useMemo(() => [...new Set(placements.map((p) => p.id))], [placements]);
  const statement = selected ? corpus.statements.get(selected) : undefined;

  // Bring the selected statement into view and give it focus, so a screen reader starts there.
  useLayoutEffect(() => {
    const root = articleRef.current;
    if (!root) return;
    const mark = selected ? root.querySelector<HTMLElement>(`[data-statement-id="${CSS.escape(selected)}"]`) : null;
    if (mark) {
      mark.scrollIntoView?.({ block: 'center' });
      mark.focus({ preventScroll: true });
    } else {
      root.scrollIntoView?.({ block: 'start' });
    }
  }, [selected, doc]);

  const back = (
    <button type="button" class="sc-panel-back" onClick={onBack}>
      {t('panel_back')}
    </button>
  );
  if (!doc) {
    return (
      <div class="sc-panel-reader">
        {back}
        <p class="sc-panel-empty" role="alert">
          {t('panel_notInCorpus')}
        </p>
      </div>
    );
  }
  const url = safeHttpUrl(meta?.url);
  const title = meta?.title ?? doc.file;
  return (
    <div class="sc-panel-reader">
      {back}
      <header class="sc-panel-reader__header">
        <h2 class="sc-panel-reader__title">{title}</h2>
        <dl class="sc-panel-facts">
          <dt>{t('panel_fact_publisher')}</dt>
          <dd>{meta?.publisher ?? t('panel_factUnknown')}</dd>
          <dt>{t('panel_fact_date')}</dt>
          <dd>{meta?.date ? formatDate(meta.date) : t('panel_factUnknown')}</dd>
          <dt>{t('panel_fact_author')}</dt>
          <dd>{meta?.author ?? t('panel_factUnknown')}</dd>
          <dt>{t('panel_fact_original')}</dt>
          <dd>
            {url ? (
              <a class="sc-link" href={url} target="_blank" rel="noopener noreferrer">
                {hostOf(url)} ↗
              </a>
            ) : (
              t('panel_noAddress')
            )}
          </dd>
        </dl>
      </header>
      <p class="sc-panel-legend">
        <span class="sc-panel-st sc-panel-st--primary">{kindLabel('primary')}</span> <span class="sc-panel-st sc-panel-st--counterclaim">{kindLabel('counterclaim')}</span>{' '}
        <span class="sc-panel-st sc-panel-st--context">{kindLabel('context')}</span> <span class="sc-panel-legend__plain">{t('panel_legendUnmarked')}</span>
      </p>
      <article class="sc-panel-doc" ref={articleRef} aria-label={t('panel_documentText', title)}>
        {doc.paragraphs.map((paragraph) => {
          const pieces = markParagraph(
            paragraph,
            placements.filter((p) => p.span[0] < paragraph.span[1] && p.span[1] > paragraph.span[0]),
          );
          const content = pieces.map((piece, index) =>
            piece.statement ? (
              <mark
                key={index}
                class={`sc-panel-st sc-panel-st--${piece.statement.kind}${piece.statement.id === selected ? ' sc-panel-st--selected' : ''}`}
                data-statement-id={piece.statement.id}
                tabIndex={-1}
                onClick={() => onSelect(piece.statement!.id)}
              >
                {piece.text}
              </mark>
            ) : (
              piece.text
            ),
          );
          const Tag = paragraph.role === 'body' ? 'p' : 'h3';
          return (
            <Tag key={paragraph.span[0]} class={`sc-panel-doc__${paragraph.role}`}>
              {content}
            </Tag>
          );
        })}
      </article>
      {/* After the text, so Tab from the selected passage reaches Previous / Next; pinned to the bottom while reading. */}
      {statement && order.includes(statement.id) ? (
        <Selected corpus={corpus} statement={statement} position={order.indexOf(statement.id) + 1} total={order.length} order={order} onSelect={onSelect} copy={copy} />
      ) : null}
    </div>
  );
}
