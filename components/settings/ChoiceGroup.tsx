export interface ChoiceGroupProps<T extends string> {
  /** Radio group name, also the legend's id prefix. */
  name: string;
  legend: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange(value: T): void;
}

/** One of a few choices: native radios in a fieldset, so arrow keys and screen readers treat them as one group. */
export function ChoiceGroup<T extends string>({ name, legend, value, options, onChange }: ChoiceGroupProps<T>) {
  return (
    <fieldset class="sc-settings-choices">
      {/* The section heading shows the same words; the legend names the group for screen readers only. */}
      <legend class="sc-sr-only">{legend}</legend>
      {options.map((option) => (
        <label key={option.value} class="sc-settings-choice">
          <input type="radio" name={name} value={option.value} checked={option.value === value} onChange={() => onChange(option.value)} />
          <span>{option.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
