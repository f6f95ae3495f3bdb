/**
 * The hover card: what the parties themselves said about the mention under the
 * pointer, and the statements that dispute them, with the pairing between the
 * two visible. Pure UI: data comes in through props, every effect goes out
 * through callbacks, so the content script owns mounting (shadow root),
 * positioning (floating-ui) and messaging.
 *
 * Styles: `card.css`, which the mounting code injects into the card's shadow
 * root (never into the page: it is not imported here, so it cannot end up in
 * the content script's page CSS). Selectors are prefixed `sc-` and sizes are
 * in px, so the card looks the same whatever the page's root font size.
 */
import type { ComponentChild, TargetedKeyboardEvent } from 'preact';
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { answeredBy as reverseAnswers } from '../../lib/data/answers.ts';
import { t } from '../../lib/i18n.ts';
import { CardItemView } from './CardItemView.tsx';
import { handleTrapKeyDown } from './focusTrap.ts';
import { categoryLabel, topicLabel } from '../ui/labels.ts';
import type { CardItem, CardMention, CardProps, CardReason } from './types.ts';

/** Items shown under "More on this" before "Show N more": enough to compare, few enough to scan. */
export const VISIBLE_PER_SECTION = 3;

interface ResultsProps {
  baseId: string;
  mention: CardMention;
  items: readonly CardItem[];
  reason: CardReason | null;
  onReadInSource: CardProps['onReadInSource'];
  onCopyCitation: CardProps['onCopyCitation'];
  onSearchCorpus: CardProps['onSearchCorpus'];
}

interface SectionProps {
  id: string;
  title: string;
  hint: string;
  items: readonly CardItem[];
  /** A line under the list. */
  note?: string;
  /** Whether the heading shows how many items the section holds (default: yes). */
  counted?: boolean;
  /** Items shown before "Show N more"; all when absent. */
  visibleCount?: number;
  expanded?: boolean;
  onToggle?(): void;
  renderItem(item: CardItem, index: number): ComponentChild;
}

function Section({ id, title, hint, items, note, counted = true, visibleCount = items.length, expanded = false, onToggle, renderItem }: SectionProps) {
  const headingId = `${id}-heading`;
  const listId = `${id}-list`;
  const visible = expanded ? items : items.slice(0, visibleCount);
  const hiddenCount = items.length - visibleCount;
  return (
    <section class="sc-section" aria-labelledby={headingId}>
      <div class="sc-section__head">
        <h3 class="sc-section__title" id={headingId}>
          {title}
          {counted && items.length > 0 ? <span class="sc-count"> {items.length}</span> : null}
        </h3>
        <p class="sc-section__hint">{hint}</p>
      </div>
      <ol class="sc-list" id={listId}>
        {visible.map((item, index) => (
          <li class="sc-list__item" key={item.id}>
            {renderItem(item, index)}
          </li>
        ))}
      </ol>
      {note ? <p class="sc-section__empty">{note}</p> : null}
      {hiddenCount > 0 ? (
        <button type="button" class="sc-toggle" aria-expanded={expanded ? 'true' : 'false'} aria-controls={listId} onClick={onToggle}>
          {expanded ? t('card_showFewer') : t('card_showMore', hiddenCount)}
        </button>
      ) : null}
    </section>
  );
}

/** "About national security and no-spy pledges; words: ban, 5G; Zhao Lijian is named": why the card shows what it shows. */
function Reason({ reason }: { reason: CardReason }) {
  const parts: string[] = [];
  if (reason.topics.length > 0) parts.push(t('card_whyTopics', reason.topics.map(topicLabel).join(', ')));
  if (reason.words.length > 0) parts.push(t('card_whyWords', reason.words.join(', ')));
  if (reason.speaker) parts.push(t('card_whySpeaker', reason.speaker));
  if (parts.length === 0) return null;
  return (
    <p class="sc-why">
      <span class="sc-why__label">{t('card_whyLabel')}</span> {parts.join('; ')}
    </p>
  );
}

/** Whether one of the two answers or disputes the other. */
function paired(a: CardItem, b: CardItem): boolean {
  return a.answers.includes(b.id) || b.answers.includes(a.id);
}

function Results(props: ResultsProps) {
  const { baseId, mention, items } = props;
  const [expanded, setExpanded] = useState(false);
  const [pendingFocus, setPendingFocus] = useState<string | null>(null);
  const itemEls = useRef(new Map<string, HTMLElement>());

  const itemsById = useMemo(() => {
    const map = new Map<string, CardItem>();
    for (const item of items) if (!map.has(item.id)) map.set(item.id, item);
    return map;
  }, [items]);

  const answeredBy = useMemo(() => reverseAnswers(itemsById.values()), [itemsById]);

  // The lead and the statements paired with it are one matter, shown
  // together whatever their kind; the rest follow, best first.
  const { matter, rest } = useMemo(() => {
    const lead = items[0];
    if (!lead) return { matter: [], rest: [] };
    const inMatter = (item: CardItem) => item === lead || paired(item, lead);
    return { matter: items.filter(inMatter), rest: items.filter((item) => !inMatter(item)) };
  }, [items]);

  // Pairing links jump to the other item: reveal it if it is behind
  // "Show N more", then focus it once it is rendered.
  const jumpTo = (id: string) => {
    if (rest.findIndex((item) => item.id === id) >= VISIBLE_PER_SECTION) setExpanded(true);
    setPendingFocus(id);
  };
  useLayoutEffect(() => {
    if (pendingFocus === null) return;
    const el = itemEls.current.get(pendingFocus);
    setPendingFocus(null);
    if (!el) return;
    el.focus();
    el.scrollIntoView?.({ block: 'nearest' });
  }, [pendingFocus, expanded]);

  if (items.length === 0) {
    return (
      <div class="sc-empty">
        <p class="sc-empty__text">{t('card_noMatch')}</p>
        <button type="button" class="sc-button" onClick={() => props.onSearchCorpus(mention.text)}>
          {t('card_searchCorpus', mention.text)}
        </button>
      </div>
    );
  }

  const alone = matter.length === 1;
  // Alone on the card is not alone in the corpus: a lead whose answers fit the paragraph less says so.
  const leftOff = props.reason?.pairedLeftOff ?? 0;
  const aloneNote = leftOff > 0 ? t(leftOff === 1 ? 'card_matterLeftOff_one' : 'card_matterLeftOff_other', leftOff) : t('card_matterAlone');
  const renderItem = (item: CardItem, section: 'matter' | 'more', index: number) => (
    <CardItemView
      item={item}
      domId={`${baseId}-${section}-${index}`}
      itemsById={itemsById}
      answeredBy={answeredBy.get(item.id) ?? []}
      onReadInSource={props.onReadInSource}
      onCopyCitation={props.onCopyCitation}
      onJumpTo={jumpTo}
      itemRef={(el) => {
        if (el) itemEls.current.set(item.id, el);
        else itemEls.current.delete(item.id);
      }}
    />
  );

  return (
    <>
      {props.reason ? <Reason reason={props.reason} /> : null}
      {/* A lead nothing answers gets a heading that promises no answers, and no count of one. */}
      <Section
        id={`${baseId}-matter`}
        title={alone ? t('card_leadHeading') : t('card_matterHeading')}
        hint={alone ? t('card_leadHint') : t('card_matterHint')}
        items={matter}
        counted={!alone}
        note={alone ? aloneNote : undefined}
        renderItem={(item, index) => renderItem(item, 'matter', index)}
      />
      {rest.length > 0 ? (
        <Section
          id={`${baseId}-more`}
          title={t('card_moreHeading')}
          hint={t('card_moreHint')}
          items={rest}
          visibleCount={VISIBLE_PER_SECTION}
          expanded={expanded}
          onToggle={() => setExpanded((prev) => !prev)}
          renderItem={(item, index) => renderItem(item, 'more', index)}
        />
      ) : null}
    </>
  );
}

function Loading() {
  return (
    <div class="sc-loading">
      <p class="sc-loading__text">{t('card_loading')}</p>
      <div class="sc-skeleton" aria-hidden="true">
        {[0, 1].map((n) => (
          <div class="sc-skeleton__item" key={n}>
            <span class="sc-skeleton__line sc-skeleton__line--short" />
            <span class="sc-skeleton__line" />
            <span class="sc-skeleton__line" />
            <span class="sc-skeleton__line sc-skeleton__line--mid" />
          </div>
        ))}
      </div>
    </div>
  );
}

function ErrorView({ message }: { message: string }) {
  return (
    <div class="sc-error" role="alert">
      <p class="sc-error__title">{t('card_loadError')}</p>
      {message.trim() ? <p class="sc-error__message">{message}</p> : null}
    </div>
  );
}

function CloseIcon() {
  return (
    <svg class="sc-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path d="M3.5 3.5l9 9m0-9l-9 9" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" fill="none" />
    </svg>
  );
}

/**
 * The card. Root is `role="dialog"` named by the mention, described by its
 * category; Tab cycles inside it and Escape calls `onClose` (see focusTrap.ts).
 */
export function Card(props: CardProps) {
  const { mention, state } = props;
  const baseId = `sc${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const titleId = `${baseId}-title`;
  const descId = `${baseId}-desc`;
  const rootRef = useRef<HTMLDivElement>(null);

  const autoFocus = props.autoFocus ?? false;
  useEffect(() => {
    if (autoFocus) rootRef.current?.focus();
  }, [autoFocus]);

  const onKeyDown = (event: TargetedKeyboardEvent<HTMLDivElement>) => {
    const root = rootRef.current;
    if (root) handleTrapKeyDown(event, root, { onEscape: props.onClose });
  };

  // Where neither the card nor the popup it tried to open could turn the site off: say where the setting is.
  const [useToolbar, setUseToolbar] = useState(false);
  const turnOff = async () => setUseToolbar((await props.onTurnOffSite()) === 'use-toolbar');

  const busy = state.status === 'loading';
  return (
    <div
      ref={rootRef}
      class="sc-card"
      role="dialog"
      aria-labelledby={titleId}
      aria-describedby={descId}
      aria-busy={busy ? 'true' : 'false'}
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <header class="sc-card__header">
        <div class="sc-card__heading">
          <p class="sc-card__eyebrow" id={descId}>
            <span class="sc-card__brand">{t('extName')}</span>
            <span aria-hidden="true"> · </span>
            <span class={`sc-cat sc-cat--${mention.category}`}>{categoryLabel(mention.category)}</span>
          </p>
          <h2 class="sc-card__title" id={titleId}>
            {mention.text}
          </h2>
        </div>
        <button type="button" class="sc-close" aria-label={t('card_close')} title={t('card_closeTitle')} onClick={props.onClose}>
          <CloseIcon />
        </button>
      </header>

      <div class="sc-card__body">
        {state.status === 'loading' ? (
          <Loading />
        ) : state.status === 'error' ? (
          <ErrorView message={state.message} />
        ) : (
          <Results
            key={`${mention.category}:${mention.text}`}
            baseId={baseId}
            mention={mention}
            items={state.items}
            reason={state.reason}
            onReadInSource={props.onReadInSource}
            onCopyCitation={props.onCopyCitation}
            onSearchCorpus={props.onSearchCorpus}
          />
        )}
      </div>

      <footer class="sc-card__footer">
        {useToolbar ? (
          <p class="sc-card__note" role="status">
            {t('card_turnOffInPopup')}
          </p>
        ) : null}
        <button type="button" class="sc-button sc-button--neutral sc-button--small" onClick={() => void turnOff()}>
          {t('card_turnOffSite')}
        </button>
      </footer>
    </div>
  );
}
