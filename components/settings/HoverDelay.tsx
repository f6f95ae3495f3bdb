import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n.ts';
import { HOVER_DELAY_MAX_MS, HOVER_DELAY_MIN_MS } from '../../lib/settings/schema.ts';

export interface HoverDelayProps {
  value: number;
  disabled: boolean;
  onCommit(ms: number): void;
}

/**
 * The hover delay slider. It shows the value while dragging but saves only
 * when the reader lets go: `storage.sync` allows about two writes a second,
 * and a drag would send dozens.
 */
export function HoverDelay({ value, disabled, onCommit }: HoverDelayProps) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  return (
    <div class={`sc-settings-delay${disabled ? ' sc-settings-delay--disabled' : ''}`}>
      <label class="sc-settings-delay__label" for="sc-settings-hover-delay">
        {t('settings_hoverDelay')}
      </label>
      <output class="sc-settings-delay__value" for="sc-settings-hover-delay">
        {t('settings_hoverDelayValue', draft)}
      </output>
      <input
        id="sc-settings-hover-delay"
        class="sc-settings-delay__range"
        type="range"
        min={HOVER_DELAY_MIN_MS}
        max={HOVER_DELAY_MAX_MS}
        step={50}
        value={draft}
        disabled={disabled}
        aria-describedby="sc-settings-hover-delay-hint"
        aria-valuetext={t('settings_hoverDelayValue', draft)}
        onInput={(event) => setDraft(Number(event.currentTarget.value))}
        onChange={(event) => onCommit(Number(event.currentTarget.value))}
      />
      <p id="sc-settings-hover-delay-hint" class="sc-settings-hint">
        {t('settings_hoverDelayHint')}
      </p>
    </div>
  );
}
