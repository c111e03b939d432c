"use client";

import { useFormStatus } from "react-dom";

/** A form's submit button that says it is working and ignores a second click meanwhile. */
export function SaveButton({ label = "Save", pendingLabel = "Saving…", className = "btn-primary", name, value }: { label?: string; pendingLabel?: string; className?: string; name?: string; value?: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={className} disabled={pending} aria-disabled={pending} name={name} value={value}>
      {pending ? pendingLabel : label}
    </button>
  );
}
