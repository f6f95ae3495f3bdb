import type { ComponentChildren } from 'preact';

export interface SwitchProps {
  checked: boolean;
  onChange(checked: boolean): void;
  children: ComponentChildren;
  /** Accessible name when the visible label is not enough (e.g. "Highlight Huawei" for a row that shows "Huawei 7"). */
  ariaLabel?: string;
  disabled?: boolean;
  name?: string;
}

/**
 * An on/off setting: a native checkbox with `role="switch"`, so keyboard,
 * forms and screen readers ("switch, on") work without script, drawn as a
 * track by base.css. The label is the whole row, so the row is the target.
 */
export function Switch({ checked, onChange, children, ariaLabel, disabled, name }: SwitchProps) {
  return (
    <label class="sc-switch">
      <span class="sc-switch__label">{children}</span>
      <input
        class="sc-switch__input"
        type="checkbox"
        role="switch"
        name={name}
        checked={checked}
        disabled={disabled}
        aria-label={ariaLabel}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
    </label>
  );
}
