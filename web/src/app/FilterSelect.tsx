import { useId } from 'react';

export interface FilterOption {
  value: string | number;
  label: string;
}

/**
 * A filter's labelled dropdown whose empty choice means "all": the page keeps the choice (in
 * the URL) and gets the picked value, `''` for "all". Its own id ties the label to it.
 */
export function FilterSelect({
  label,
  value,
  all,
  options,
  onChange,
  disabled,
}: {
  label: string;
  value: string | number | null | undefined;
  /** The words of the empty choice, e.g. "All classes". */
  all: string;
  options: readonly FilterOption[];
  onChange: (value: string) => void;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
