/**
 * The corpus search field. Controlled and undebounced: every keystroke
 * searches (search, filters and counts take well under a frame, even on a
 * corpus 1,000 times today's: see tests/bench), so results never lag
 * behind what was typed.
 */
import type { Ref } from 'preact';
import { t } from '../../lib/i18n.ts';

export interface SearchBoxProps {
  value: string;
  onInput(value: string): void;
  inputRef?: Ref<HTMLInputElement>;
}

export function SearchBox({ value, onInput, inputRef }: SearchBoxProps) {
  return (
    <div class="sc-panel-search" role="search">
      <label class="sc-sr-only" for="sc-panel-query">
        {t('panel_searchLabel')}
      </label>
      <svg class="sc-panel-search__icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
        <circle cx="7" cy="7" r="4.5" stroke="currentColor" stroke-width="1.6" fill="none" />
        <path d="M10.5 10.5l3.5 3.5" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" />
      </svg>
      <input
        ref={inputRef}
        id="sc-panel-query"
        class="sc-panel-search__input"
        type="search"
        value={value}
        placeholder={t('panel_searchPlaceholder')}
        autocomplete="off"
        spellcheck={false}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
    </div>
  );
}
