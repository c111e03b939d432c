"use client";

import { useActionState, useState } from "react";
import { placeOrderAction, type CheckoutState } from "@/app/actions/checkout";
import { COUNTRIES } from "@/lib/orders/checkout-schema";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Totals } from "@/components/orders/totals";
import type { TotalsSummary } from "@/lib/orders/totals";

type Summary = { lines: { name: string; quantity: number; total: string }[]; totals: TotalsSummary };

function AddressFields({ prefix, legend, errors, values, defaults }: { prefix: string; legend: string; errors: Record<string, string>; values: Record<string, string>; defaults: { name?: string; company?: string } }) {
  const e = (k: string) => errors[`${prefix}.${k}`];
  const v = (k: string, fallback = "") => values[`${prefix}.${k}`] ?? fallback;
  return (
    <fieldset className="card space-y-3 p-4">
      <legend className="px-1 text-lg font-semibold">{legend}</legend>
      <Field name={`${prefix}.name`} label="Name" error={e("name")} defaultValue={v("name", defaults.name)} autoComplete="name" required />
      <Field name={`${prefix}.company`} label="Company (optional)" error={e("company")} defaultValue={v("company", defaults.company)} autoComplete="organization" />
      <Field name={`${prefix}.street`} label="Street and house number" error={e("street")} defaultValue={v("street")} autoComplete="street-address" required />
      <div className="grid gap-3 sm:grid-cols-[10rem_1fr]">
        <Field name={`${prefix}.postalCode`} label="Postal code" error={e("postalCode")} defaultValue={v("postalCode")} autoComplete="postal-code" required />
        <Field name={`${prefix}.city`} label="City" error={e("city")} defaultValue={v("city")} autoComplete="address-level2" required />
      </div>
      <div>
        <label htmlFor={`${prefix}.country`} className="label">Country</label>
        <select id={`${prefix}.country`} name={`${prefix}.country`} defaultValue={v("country", "DE")} className="input" aria-invalid={Boolean(e("country"))} aria-describedby={`${prefix}.country-error`}>
          {COUNTRIES.map(([code, name]) => (
            <option key={code} value={code}>{name}</option>
          ))}
        </select>
        <p id={`${prefix}.country-error`} className="field-error">{e("country")}</p>
      </div>
    </fieldset>
  );
}

export function CheckoutForm({ idempotencyKey, defaultName, defaultCompany, payment, summary }: { idempotencyKey: string; defaultName: string; defaultCompany: string; payment: string; summary: Summary }) {
  const [state, action, pending] = useActionState<CheckoutState, FormData>(placeOrderAction, {});
  const [sameBilling, setSameBilling] = useState(true);
  const errors = state.fields ?? {};
  const values = state.values ?? {};
  return (
    // The browser keeps what was typed: a failed attempt re-renders the same uncontrolled fields.
    <form action={action} noValidate className="grid gap-6 lg:grid-cols-[1fr_22rem]">
      <div className="space-y-6">
        <FormError message={state.error} />
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        <AddressFields prefix="shipping" legend="Shipping address" errors={errors} values={values} defaults={{ name: defaultName, company: defaultCompany }} />
        <div className="flex items-center gap-2">
          <input id="billingSameAsShipping" name="billingSameAsShipping" type="checkbox" checked={sameBilling} onChange={(e) => setSameBilling(e.target.checked)} className="h-4 w-4" />
          <label htmlFor="billingSameAsShipping" className="text-sm">Billing address is the same as the shipping address</label>
        </div>
        {sameBilling ? null : <AddressFields prefix="billing" legend="Billing address" errors={errors} values={values} defaults={{ company: defaultCompany }} />}
        <fieldset className="card space-y-3 p-4">
          <legend className="px-1 text-lg font-semibold">Order details</legend>
          <Field name="poReference" label="Your order reference (PO number, optional)" error={errors.poReference} defaultValue={values.poReference} maxLength={35} />
          <div>
            <label htmlFor="note" className="label">Note (optional)</label>
            <textarea id="note" name="note" defaultValue={values.note} rows={3} maxLength={500} className="input" aria-describedby="note-error" />
            <p id="note-error" className="field-error">{errors.note}</p>
          </div>
          <p className="text-sm"><span className="font-medium">Payment:</span> {payment}</p>
        </fieldset>
      </div>
      <aside className="card h-fit p-4" aria-labelledby="order-summary">
        <h2 id="order-summary" className="text-lg font-semibold">Your order</h2>
        <ul className="mt-3 space-y-1 text-sm">
          {summary.lines.map((l) => (
            <li key={l.name} className="flex justify-between gap-3"><span>{l.quantity} × {l.name}</span><span className="whitespace-nowrap">{l.total}</span></li>
          ))}
        </ul>
        <Totals totals={summary.totals} testIdPrefix="checkout" className="mt-3 border-t border-slate-200 pt-2" />
        <button type="submit" className="btn-primary mt-4 w-full" disabled={pending}>
          {pending ? "Placing order…" : "Place order"}
        </button>
      </aside>
    </form>
  );
}
