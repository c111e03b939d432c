import type { Address } from "@/db/schema";
import { VAT_MODES } from "@/lib/admin/customer-schema";
import type { AdminFormState } from "@/lib/admin/form";
import { Field } from "@/components/ui/field";
import { SelectField } from "./select-field";

export type CustomerFormDefaults = {
  name: string;
  debtorNumber: string | null;
  priceListId: number | null;
  vatMode: string;
  ociVendorNumber: string | null;
  billingAddress: Address | null;
  shippingAddress: Address | null;
  active: boolean;
};

const ADDRESS_PARTS = [
  ["name", "Name", 100],
  ["company", "Company (optional)", 100],
  ["street", "Street and house number", 120],
  ["postalCode", "Postal code", 12],
  ["city", "City", 80],
  ["country", "Country (ISO code, e.g. DE)", 2],
] as const;

function AddressFields({ prefix, legend, address, state }: { prefix: "billingAddress" | "shippingAddress"; legend: string; address: Address | null; state: AdminFormState }) {
  const f = state.fields ?? {};
  return (
    <fieldset className="space-y-3 rounded-md border border-slate-200 p-4">
      <legend className="px-1 text-sm font-semibold text-slate-900">{legend}</legend>
      <p className="text-sm text-slate-700">Leave every field empty for no address.</p>
      <div className="grid gap-3 sm:grid-cols-2">
        {ADDRESS_PARTS.map(([part, label, max]) => {
          const name = `${prefix}.${part}`;
          return (
            <Field
              key={name}
              name={name}
              label={label}
              maxLength={max}
              // The operator types someone else's address: their own browser's suggestions do not fit.
              autoComplete="off"
              defaultValue={state.values ? state.values[name] : (address?.[part] ?? "")}
              error={f[name]}
            />
          );
        })}
      </div>
    </fieldset>
  );
}

/** The attributes a customer form edits (new and existing customers alike). */
export function CustomerFields({ defaults, priceLists, state }: { defaults: CustomerFormDefaults; priceLists: { id: number; code: string; name: string }[]; state: AdminFormState }) {
  const f = state.fields ?? {};
  const v = (name: string, fallback: string) => (state.values ? (state.values[name] ?? "") : fallback);
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="name" label="Customer name" required maxLength={200} defaultValue={v("name", defaults.name)} error={f.name} />
        <Field name="debtorNumber" label="Debtor number (required for business customers)" maxLength={20} defaultValue={v("debtorNumber", defaults.debtorNumber ?? "")} error={f.debtorNumber} />
        <SelectField
          name="priceListId"
          label="Price list"
          options={[["", "None (list prices)"], ...priceLists.map((p) => [String(p.id), `${p.code} – ${p.name}`] as const)]}
          defaultValue={v("priceListId", defaults.priceListId ? String(defaults.priceListId) : "")}
          error={f.priceListId}
        />
        <SelectField name="vatMode" label="VAT handling" options={VAT_MODES} defaultValue={v("vatMode", defaults.vatMode)} error={f.vatMode} />
        <Field
          name="ociVendorNumber"
          label="OCI vendor number (our supplier number in their system, optional)"
          maxLength={10}
          defaultValue={v("ociVendorNumber", defaults.ociVendorNumber ?? "")}
          error={f.ociVendorNumber}
        />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <AddressFields prefix="billingAddress" legend="Billing address" address={defaults.billingAddress} state={state} />
        <AddressFields prefix="shippingAddress" legend="Shipping address" address={defaults.shippingAddress} state={state} />
      </div>
      <div className="flex items-center gap-2">
        <input id="active" name="active" type="checkbox" className="size-4" defaultChecked={state.values ? state.values.active === "on" : defaults.active} />
        <label htmlFor="active" className="text-sm font-medium text-slate-800">
          Active (its users can sign in and order)
        </label>
      </div>
    </>
  );
}
