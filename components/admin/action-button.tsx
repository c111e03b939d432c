"use client";

import { useActionState } from "react";
import type { AdminFormState } from "@/lib/admin/form";
import { FormStatus } from "./form-status";
import { SaveButton } from "./save-button";

/**
 * A one-button form (Deactivate, Enable, Confirm …) posting hidden values to a server action; its
 * refusal is shown next to it. Works without JavaScript as a plain form post.
 */
export function ActionButton({
  action,
  hidden,
  label,
  pendingLabel = "Working…",
  className = "btn-secondary",
}: {
  action: (state: AdminFormState, form: FormData) => Promise<AdminFormState>;
  hidden: Record<string, string | number>;
  label: string;
  pendingLabel?: string;
  className?: string;
}) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className="inline-flex flex-col gap-2">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={String(value)} />
      ))}
      <SaveButton label={label} pendingLabel={pendingLabel} className={className} />
      <FormStatus error={state.error} />
    </form>
  );
}
