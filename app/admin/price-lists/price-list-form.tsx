"use client";

import { useActionState } from "react";
import { FormStatus } from "@/components/admin/form-status";
import { SaveButton } from "@/components/admin/save-button";
import { Field } from "@/components/ui/field";
import type { AdminFormState } from "@/lib/admin/form";

type Initial = { code: string; name: string; currency: string; version: number };

/** Create a price list (no `initial`) or edit its code, name and currency. */
export function PriceListForm({ action, initial }: { action: (prev: AdminFormState, form: FormData) => Promise<AdminFormState>; initial?: Initial }) {
  const [state, formAction] = useActionState(action, {});
  const f = state.fields ?? {};
  const value = (name: "code" | "name" | "currency") => state.values?.[name] ?? initial?.[name] ?? (name === "currency" ? "EUR" : "");
  return (
    <form action={formAction} noValidate className="space-y-3">
      <FormStatus error={state.error} saved={state.saved} />
      {initial ? <input type="hidden" name="version" value={initial.version} /> : null}
      <div className="grid gap-3 sm:grid-cols-3">
        <Field name="code" label="Code" defaultValue={value("code")} error={f.code} required maxLength={40} autoComplete="off" />
        <Field name="name" label="Name" defaultValue={value("name")} error={f.name} required maxLength={120} />
        <Field name="currency" label="Currency (3 capitals, like EUR)" defaultValue={value("currency")} error={f.currency} required maxLength={3} autoComplete="off" />
      </div>
      <SaveButton label={initial ? "Save price list" : "Create price list"} />
    </form>
  );
}
