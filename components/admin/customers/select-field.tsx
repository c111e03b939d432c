import type { SelectHTMLAttributes } from "react";

/** A labelled select with its error message wired for screen readers (the select twin of Field). */
export function SelectField({ name, label, error, options, ...rest }: { name: string; label: string; error?: string; options: readonly (readonly [string, string])[] } & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <div>
      <label htmlFor={name} className="label">
        {label}
      </label>
      <select id={name} name={name} className="input" aria-invalid={Boolean(error)} aria-describedby={`${name}-error`} {...rest}>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
      <p id={`${name}-error`} className="field-error">
        {error}
      </p>
    </div>
  );
}
