"use client";

import { useFormStatus } from "react-dom";

/**
 * A small submit button of a table row. `about` (the row's object) is added for screen readers, so
 * the many "Disable" buttons of a table are told apart when listed out of context.
 */
export function RowButton({ label, pendingLabel, about }: { label: string; pendingLabel: string; about: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className="btn-secondary px-3 py-1" disabled={pending} aria-disabled={pending}>
      {pending ? pendingLabel : label}
      <span className="sr-only"> {about}</span>
    </button>
  );
}
