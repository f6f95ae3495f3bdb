import type { Kind } from '../../lib/data/types.ts';
import type { Side } from '../../lib/vocabulary/entities.ts';
import { kindLabel, sideLabel } from './labels.ts';

/**
 * The top line of a statement wherever it is shown (the card, the panel's
 * results, its reader): what sort of text it is, and whose side the speaker
 * is on, in words beside the dot so side is never colour alone.
 */
export function KindAndSide({ kind, side }: { kind: Kind; side: Side }) {
  return (
    <div class="sc-item__top">
      <span class={`sc-kind sc-kind--${kind}`}>{kindLabel(kind)}</span>
      <span class={`sc-side sc-side--${side}`}>
        <span class="sc-side__dot" aria-hidden="true" />
        {sideLabel(side)}
      </span>
    </div>
  );
}
