import type { Kind, Voice } from '../../lib/data/types.ts';
import type { Side } from '../../lib/vocabulary/entities.ts';
import { t } from '../../lib/i18n.ts';
import { kindLabel, sideLabel } from './labels.ts';

/**
 * The top line of a statement wherever it is shown (the card, the panel's
 * results, its reader): what sort of text it is, and whose side the speaker
 * is on, in words beside the dot so side is never colour alone. A party's
 * words that the writer paraphrased ("Zhao said that ...") say so in words
 * too: their text is not drawn as a quotation, and the marker tells why.
 */
export function KindAndSide({ kind, side, voice }: { kind: Kind; side: Side; voice: Voice }) {
  return (
    <div class="sc-item__top">
      <span class="sc-item__what">
        <span class={`sc-kind sc-kind--${kind}`}>{kindLabel(kind)}</span>
        {voice === 'reported' ? <span class="sc-voice">{t('voice_reported')}</span> : null}
      </span>
      <span class={`sc-side sc-side--${side}`}>
        <span class="sc-side__dot" aria-hidden="true" />
        {sideLabel(side)}
      </span>
    </div>
  );
}
