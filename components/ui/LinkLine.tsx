/**
 * The "Disputes: … / Answered by: …" lines under a statement, in the card and
 * in the side panel's results: one part, so both say it in the same words and
 * look the same. What following a link does is the surface's own (the card
 * reveals the item, the panel opens the reader).
 */
import { Fragment, type ComponentChildren } from 'preact';
import { isVerbatim, type Kind, type Voice } from '../../lib/data/types.ts';
import { t } from '../../lib/i18n.ts';
import { excerpt } from './format.ts';

/** What a line needs of a linked statement (a card item and a corpus statement both have it). */
export interface LinkTarget {
  id: string;
  kind: Kind;
  /** Only a verbatim statement's excerpt is put in quotation marks (see `isVerbatim`). */
  voice: Voice;
  text: string;
  speaker: { name: string };
}

/** "Disputes:" for a counterclaim, "Answers:" for anything else, before what the statement answers. */
export function answersLabel(kind: Kind): string {
  return kind === 'counterclaim' ? t('link_disputes') : t('link_answers');
}

/**
 * The statements that answer one, split into a "Disputed by:" line (the
 * counterclaims) and an "Answered by:" line (the rest), in that order; a line
 * with nothing in it is left out.
 */
export function answeredByLines<T extends LinkTarget>(answeredBy: readonly T[]): { label: string; targets: T[] }[] {
  const disputing = answeredBy.filter((s) => s.kind === 'counterclaim');
  const answering = answeredBy.filter((s) => s.kind !== 'counterclaim');
  return [
    { label: t('link_disputedBy'), targets: disputing },
    { label: t('link_answeredBy'), targets: answering },
  ].filter((line) => line.targets.length > 0);
}

export interface LinkLineProps {
  label: string;
  targets: readonly LinkTarget[];
  /** Each link reads "Speaker — “excerpt…”" (reported speech without the quotation marks); without, the speaker's name only (the card's compact back-links). */
  excerpts: boolean;
  onFollow(id: string): void;
  /** Text after the links (the card: "and 2 statements not shown in this card"). */
  note?: ComponentChildren;
}

/** A label and links to other statements; renders nothing when there is neither a link nor a note. */
export function LinkLine({ label, targets, excerpts, onFollow, note }: LinkLineProps) {
  if (targets.length === 0 && note == null) return null;
  return (
    <p class="sc-pair">
      <span class="sc-pair__label">{label}</span>{' '}
      {targets.map((target, index) => {
        // Only the speaker's exact words go in quotation marks.
        const verbatim = isVerbatim(target.voice);
        return (
        <Fragment key={target.id}>
          {/* An excerpt may hold commas; names do not. */}
          {index > 0 ? (excerpts ? '; ' : ', ') : null}
          <button type="button" class="sc-link" onClick={() => onFollow(target.id)}>
            {excerpts ? t(verbatim ? 'link_target' : 'link_targetReported', [target.speaker.name, excerpt(target.text)]) : target.speaker.name}
          </button>
        </Fragment>
        );
      })}
      {note}
    </p>
  );
}
