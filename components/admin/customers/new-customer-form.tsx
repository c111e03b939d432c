"use client";

import { useActionState } from "react";
import { createCustomerAction, type PasswordFormState } from "@/app/admin/customers/actions";
import { FormStatus } from "@/components/admin/form-status";
import { SaveButton } from "@/components/admin/save-button";
import { Field } from "@/components/ui/field";
import { CustomerFields } from "./customer-fields";
import { SelectField } from "./select-field";
import { ShownPassword } from "./shown-password";

const EMPTY = { name: "", debtorNumber: null, priceListId: null, vatMode: "standard", ociVendorNumber: null, billingAddress: null, shippingAddress: null, active: true };

/** A new customer with its first buyer; the answer shows the buyer's generated password once. */
export function NewCustomerForm({ priceLists }: { priceLists: { id: number; code: string; name: string }[] }) {
  const [state, action] = useActionState<PasswordFormState, FormData>(createCustomerAction, {});
  if (state.created) {
    return (
      <div className="card space-y-4 p-6">
        <FormStatus saved={state.saved} />
        <ShownPassword email={state.created.email} password={state.created.password} />
        <div className="flex flex-wrap gap-3">
          {/* Plain links, a full page load: client navigation would keep this page (and the password) mounted out of sight. */}
          <a className="btn-primary" href={`/admin/customers/${state.created.id}`}>Open the customer</a>
          <a className="btn-secondary" href="/admin/customers/new">Create another customer</a>
        </div>
      </div>
    );
  }
  const f = state.fields ?? {};
  return (
    <form action={action} noValidate className="card space-y-5 p-6">
      <FormStatus error={state.error} />
      <SelectField
        name="kind"
        label="Kind (cannot be changed later)"
        options={[["b2b", "Business customer (B2B, net prices)"], ["consumer", "Consumer (prices incl. VAT)"]]}
        defaultValue={state.values?.kind ?? "b2b"}
        error={f.kind}
      />
      <CustomerFields defaults={EMPTY} priceLists={priceLists} state={state} />
      <fieldset className="space-y-3 rounded-md border border-slate-200 p-4">
        <legend className="px-1 text-sm font-semibold text-slate-900">First buyer</legend>
        <p className="text-sm text-slate-700">Signs in with this e-mail address or the debtor number; a strong password is generated and shown once.</p>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field name="buyerEmail" label="Buyer's e-mail address" type="email" autoComplete="off" required defaultValue={state.values?.buyerEmail} error={f.buyerEmail} />
          <Field name="buyerName" label="Buyer's name" autoComplete="off" required maxLength={100} defaultValue={state.values?.buyerName} error={f.buyerName} />
        </div>
      </fieldset>
      <SaveButton label="Create customer" pendingLabel="Creating…" />
    </form>
  );
}
