"use client";

import { useActionState } from "react";
import type { AdminFormState } from "@/lib/admin/form";
import { PRODUCT_RULES } from "@/lib/admin/product-rules";
import { Field } from "@/components/ui/field";
import { FormStatus } from "./form-status";
import { SaveButton } from "./save-button";

export type ProductFormValues = Record<string, string> & { active: string; featured: string };

/**
 * Every attribute of a product, labelled as the product page labels it. `id`/`version` are empty
 * for a new product; an edit carries the version it was loaded at (the optimistic check).
 */
export function ProductForm({
  action,
  initial,
  categories,
  id,
  version,
  saved,
}: {
  action: (state: AdminFormState, form: FormData) => Promise<AdminFormState>;
  initial: ProductFormValues;
  categories: { id: number; label: string }[];
  id?: number;
  version?: number;
  saved?: string;
}) {
  const [state, formAction] = useActionState(action, {});
  const v = state.values ?? initial;
  const f = state.fields ?? {};
  const text = (name: string, label: string, extra: Record<string, unknown> = {}) => <Field name={name} label={label} defaultValue={v[name]} error={f[name]} {...extra} />;
  return (
    <form action={formAction} noValidate className="card space-y-5 p-6" aria-label="Product">
      <FormStatus error={state.error} saved={state.error ? undefined : saved} />
      <input type="hidden" name="id" value={id ?? ""} />
      <input type="hidden" name="version" value={version ?? ""} />
      <div className="grid gap-4 md:grid-cols-2">
        {id ? (
          <div>
            <span className="label">Article number</span>
            <p className="py-2 font-mono" data-testid="product-sku">{initial.sku}</p>
          </div>
        ) : (
          text("sku", "Article number", { required: true, maxLength: 64, autoComplete: "off" })
        )}
        {text("name", "Name", { required: true, maxLength: PRODUCT_RULES.nameMax })}
        <div className="md:col-span-2">
          <label htmlFor="description" className="label">Description</label>
          <textarea id="description" name="description" rows={5} className="input" defaultValue={v.description} aria-invalid={Boolean(f.description)} aria-describedby="description-error" maxLength={PRODUCT_RULES.descriptionMax} />
          <p id="description-error" className="field-error">{f.description}</p>
        </div>
        {text("manufacturer", "Manufacturer", { maxLength: PRODUCT_RULES.manufacturerMax })}
        {text("manufacturerPartNumber", "Manufacturer part number", { maxLength: PRODUCT_RULES.manufacturerPartNumberMax })}
        <div>
          <label htmlFor="categoryId" className="label">Category</label>
          <select id="categoryId" name="categoryId" className="input" defaultValue={v.categoryId} aria-invalid={Boolean(f.categoryId)} aria-describedby="categoryId-error">
            <option value="">Choose…</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>{c.label}</option>
            ))}
          </select>
          <p id="categoryId-error" className="field-error">{f.categoryId}</p>
        </div>
        {text("unspsc", "UNSPSC", { inputMode: "numeric", maxLength: 10 })}
      </div>
      <fieldset className="grid gap-4 md:grid-cols-3">
        <legend className="mb-2 text-lg font-semibold">Price and unit</legend>
        {text("listPrice", "List price", { inputMode: "decimal", required: true })}
        {text("currency", "Currency", { maxLength: 3 })}
        {text("priceUnit", "Price unit", { inputMode: "numeric" })}
        {text("unit", "Unit", { maxLength: 3 })}
        {text("vatRate", "VAT rate", { inputMode: "decimal" })}
        {text("leadTimeDays", "Lead time (days)", { inputMode: "numeric" })}
      </fieldset>
      <fieldset className="grid gap-4 md:grid-cols-3">
        <legend className="mb-2 text-lg font-semibold">Stock and quantities</legend>
        {text("stock", "Stock", { inputMode: "numeric" })}
        {text("minQuantity", "Minimum order quantity", { inputMode: "numeric" })}
        {text("packQuantity", "Pack quantity", { inputMode: "numeric" })}
      </fieldset>
      <div className="flex flex-wrap gap-6">
        <label className="flex items-center gap-2">
          <input type="checkbox" name="active" defaultChecked={v.active === "on"} /> Active (shown in the shop)
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="featured" defaultChecked={v.featured === "on"} /> Featured on the home page
        </label>
      </div>
      <SaveButton label="Save" />
    </form>
  );
}
