"use client";

import { useActionState } from "react";
import { updateCustomerAction } from "@/app/admin/customers/actions";
import { FormStatus } from "@/components/admin/form-status";
import { SaveButton } from "@/components/admin/save-button";
import type { AdminFormState } from "@/lib/admin/form";
import { CustomerFields, type CustomerFormDefaults } from "./customer-fields";

/** The edit form of one customer, saved against the version it was loaded at. */
export function CustomerForm({ id, version, defaults, priceLists }: { id: number; version: number; defaults: CustomerFormDefaults; priceLists: { id: number; code: string; name: string }[] }) {
  const [state, action] = useActionState<AdminFormState, FormData>(updateCustomerAction, {});
  return (
    <form action={action} noValidate className="card space-y-5 p-6">
      <FormStatus error={state.error} saved={state.saved} />
      <input type="hidden" name="id" value={id} />
      {/* After a refusal the version typed against stays, so a second click cannot overwrite a newer save. */}
      <input type="hidden" name="version" value={state.values?.version || version} />
      <CustomerFields defaults={defaults} priceLists={priceLists} state={state} />
      <SaveButton />
    </form>
  );
}
