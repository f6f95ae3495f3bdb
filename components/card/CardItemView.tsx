/**
 * One statement in the card: kind label, the verbatim quote with matched words
 * emphasized (reported speech as plain text, never in quotation marks), who said it (with their side as marker + text), where and when,
 * what it answers or is answered by, and the two actions.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/i18n.ts';
import { Emphasis } from '../ui/Emphasis.tsx';
import { formatDate } from '../ui/format.ts';
import { answeredByLines, answersLabel, LinkLine } from '../ui/LinkLine.tsx';
import { isVerbatim } from '../../lib/data/types.ts';
import type { CardItem } from './types.ts';
import { KindAndSide } from '../ui/KindAndSide.tsx';

/** How long "Copied" stays on the button. Long enough to notice, short enough not to linger. */
export const COPIED_FEEDBACK_MS = 2000;

/**
 * Without layout (tests, or before the card is laid out) the quote cannot be
 * measured; past this many characters it is assumed to exceed four lines of a
 * 420px card (about 50 characters a line at 15px) and gets the "More" toggle.
 */
export const CLAMP_FALLBACK_CHARS = 220;

export interface CardItemViewProps {
  item: CardItem;
  /** DOM id prefix, unique within the card. */
  domId: string;
  /** Every item in the card by id, to resolve `answers` into excerpts. */
  itemsById: ReadonlyMap<string, CardItem>;
  /** Items in the card whose `answers` include this one. */
  answeredBy: readonly CardItem[];
  onReadInSource(item: CardItem): void;
  onCopyCitation(item: CardItem): void | Promise<void>;
  /** Reveal and focus another item of the card (pairing links). */
  onJumpTo(id: string): void;
  /** Receives the item's element, so the card can focus it on a jump. */
  itemRef?(el: HTMLElement | null): void;
}

type CopyStatus = 'idle' | 'copied' | 'failed';

/** "a statement not shown in this card", or "and 2 statements…" after links to the ones that are. */
function missingLabel(missing: number, afterLinks: boolean): string {
  if (afterLinks) return missing === 1 ? t('card_pairMissingAlso_one') : t('card_pairMissingAlso_other', missing);
  return missing === 1 ? t('card_pairMissing_one') : t('card_pairMissing_other', missing);
}

/** "Disputes: Liang Hua — “We are willing to sign no-spy…”" (links jump to the item), then "Disputed by: Mike Pompeo". */
function Pairing({ item, itemsById, answeredBy, onJumpTo }: Pick<CardItemViewProps, 'item' | 'itemsById' | 'answeredBy' | 'onJumpTo'>) {
  const ids = [...new Set(item.answers)].filter((id) => id !== item.id);
  const found = ids.map((id) => itemsById.get(id)).filter((x): x is CardItem => x !== undefined);
  const missing = ids.length - found.length;
  return (
    <>
      <LinkLine
        label={answersLabel(item.kind)}
        targets={found}
        excerpts
        onFollow={onJumpTo}
        note={missing === 0 ? null : (found.length > 0 ? ' ' : '') + missingLabel(missing, found.length > 0)}
      />
      {answeredByLines(answeredBy).map(({ label, targets }) => (
        <LinkLine key={label} label={label} targets={targets} excerpts={false} onFollow={onJumpTo} />
      ))}
    </>
  );
}

export function CardItemView(props: CardItemViewProps) {
  const { item, domId, onReadInSource, onCopyCitation } = props;
  const quoteId = `${domId}-quote`;
  const speakerId = `${domId}-speaker`;

  // Visual clamp only: the full verbatim text is always in the DOM and in the
  // accessibility tree. The clamp applies whenever the quote is not expanded
  // (a short quote is unaffected by it); "More" appears only when the clamp
  // actually hides lines, measured on the clamped element.
  const quoteRef = useRef<HTMLElement | null>(null);
  // A callback ref: the text is a <blockquote> or a <p> (reported speech), and one ref object cannot type both.
  const setQuoteEl = useCallback((el: HTMLElement | null) => {
    quoteRef.current = el;
  }, []);
  const [expanded, setExpanded] = useState(false);
  const [clampable, setClampable] = useState(false);
  useLayoutEffect(() => {
    const el = quoteRef.current;
    if (!el || expanded) return;
    const measure = () => {
      const laidOut = el.clientHeight > 0;
      setClampable(laidOut ? el.scrollHeight > el.clientHeight + 1 : Array.from(item.text).length > CLAMP_FALLBACK_CHARS);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [item.text, expanded]);

  const [copyStatus, setCopyStatus] = useState<CopyStatus>('idle');
  const alive = useRef(true);
  const resetTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
      clearTimeout(resetTimer.current);
    };
  }, []);
  const copyCitation = async () => {
    let status: CopyStatus;
    try {
      await onCopyCitation(item);
      status = 'copied';
    } catch {
      status = 'failed';
    }
    if (!alive.current) return;
    setCopyStatus(status);
    clearTimeout(resetTimer.current);
    resetTimer.current = setTimeout(() => {
      if (alive.current) setCopyStatus('idle');
    }, COPIED_FEEDBACK_MS);
  };

  const role = item.speaker.role.trim();
  const publisher = item.source.publisher?.trim() || t('card_publisherUnknown');
  const date = formatDate(item.source.date);
  const clampClass = expanded ? '' : ' sc-quote--clamped';
  const isoDate = item.source.date && /^\d{4}(-\d{2}){0,2}$/.test(item.source.date.trim()) ? item.source.date.trim() : undefined;

  return (
    <article
      class={`sc-item sc-item--${item.kind}`}
      aria-label={role ? `${item.speaker.name}, ${role}` : item.speaker.name}
      tabIndex={-1}
      data-item-id={item.id}
      ref={(el) => props.itemRef?.(el)}
    >
      <KindAndSide kind={item.kind} side={item.speaker.side} voice={item.voice} />

      {isVerbatim(item.voice) ? (
        <blockquote ref={setQuoteEl} id={quoteId} class={`sc-quote${clampClass}`} cite={item.source.url ?? undefined}>
          <Emphasis text={item.text} terms={item.matchedTerms} />
        </blockquote>
      ) : (
        <p ref={setQuoteEl} id={quoteId} class={`sc-quote sc-quote--reported${clampClass}`}>
          <Emphasis text={item.text} terms={item.matchedTerms} />
        </p>
      )}
      {clampable ? (
        <button
          type="button"
          class="sc-more"
          aria-expanded={expanded ? 'true' : 'false'}
          aria-controls={quoteId}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? t('card_quoteLess') : t('card_quoteMore')}
        </button>
      ) : null}

      <p class="sc-speaker" id={speakerId}>
        <span class="sc-speaker__name">{item.speaker.name}</span>
        {role ? <span class="sc-speaker__role">, {role}</span> : null}
      </p>
      <p class="sc-meta">
        <span class="sc-meta__publisher">{publisher}</span>
        <span class="sc-meta__sep" aria-hidden="true">
          {' · '}
        </span>
        <time class="sc-meta__date" dateTime={isoDate}>
          {date}
        </time>
      </p>

      <Pairing item={item} itemsById={props.itemsById} answeredBy={props.answeredBy} onJumpTo={props.onJumpTo} />

      <div class="sc-actions">
        <button type="button" class="sc-button" aria-describedby={speakerId} onClick={() => onReadInSource(item)}>
          {t('card_readInSource')}
        </button>
        <button
          type="button"
          class={`sc-button sc-button--neutral${copyStatus === 'copied' ? ' sc-button--done' : ''}`}
          aria-describedby={speakerId}
          onClick={copyCitation}
        >
          {copyStatus === 'copied' ? t('card_copied') : copyStatus === 'failed' ? t('card_copyFailed') : t('card_copyCitation')}
        </button>
        <span class="sc-sr-only" role="status">
          {copyStatus === 'copied' ? t('card_citationCopied') : copyStatus === 'failed' ? t('card_citationCopyFailed') : ''}
        </span>
      </div>
    </article>
  );
}
