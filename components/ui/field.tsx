import type { InputHTMLAttributes } from "react";

/** A labelled input with its error message wired for screen readers. */
export function Field({ name, label, error, ...rest }: { name: string; label: string; error?: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div>
      <label htmlFor={name} className="label">
        {label}
      </label>
      <input id={name} name={name} className="input" aria-invalid={Boolean(error)} aria-describedby={`${name}-error`} {...rest} />
      <p id={`${name}-error`} className="field-error">
        {error}
      </p>
    </div>
  );
}
