"use client";

import { useActionState } from "react";
import { FormStatus } from "@/components/admin/form-status";
import { SaveButton } from "@/components/admin/save-button";
import { Field } from "@/components/ui/field";
import type { AdminFormState } from "@/lib/admin/form";

/**
 * "Add or change a price": a product (by SKU), the quantity the price applies from, and the price
 * per the product's price unit. The same SKU and quantity again changes that tier's price.
 */
export function TierForm({ action }: { action: (prev: AdminFormState, form: FormData) => Promise<AdminFormState> }) {
  const [state, formAction] = useActionState(action, {});
  const f = state.fields ?? {};
  const v = state.values ?? {};
  return (
    <form action={formAction} noValidate className="space-y-3" aria-labelledby="tier-form-heading">
      <h3 id="tier-form-heading" className="font-semibold">Add or change a price</h3>
      <FormStatus error={state.error} saved={state.saved} />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field name="sku" label="SKU" defaultValue={v.sku} error={f.sku} required autoComplete="off" maxLength={100} />
        <Field name="minQuantity" label="From quantity" inputMode="numeric" defaultValue={v.minQuantity ?? "1"} error={f.minQuantity} required />
        <Field name="price" label="Price per price unit" inputMode="decimal" placeholder="12.50" defaultValue={v.price} error={f.price} required />
      </div>
      <p className="text-sm text-slate-700">Net, in the product&apos;s currency, per its price unit (as the list price); at most 4 decimals; never above the list price.</p>
      <SaveButton label="Save price" />
    </form>
  );
}
