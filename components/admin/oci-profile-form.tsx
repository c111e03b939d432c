"use client";

import { useActionState, useState, type ReactNode } from "react";
import type { AdminFormState } from "@/lib/admin/form";
import { CUST_FIELD_CHOICES } from "@/lib/admin/oci-profile-form";
import { FormStatus } from "./form-status";
import { SaveButton } from "./save-button";

const CUST_FIELD_LABELS: Record<(typeof CUST_FIELD_CHOICES)[number], string> = {
  none: "Not sent",
  fixed: "Fixed value",
  sku: "Our article number (SKU)",
  manufacturer: "Manufacturer",
  unspsc: "UNSPSC",
  manufacturerPartNumber: "Manufacturer part number",
};
const CUST_FIELD_LIMITS = [10, 10, 10, 20, 50];

function Area({ name, label, hint, values, errors, rows = 3 }: { name: string; label: string; hint: string; values: Record<string, string>; errors: Record<string, string>; rows?: number }) {
  return (
    <div>
      <label htmlFor={name} className="label">{label}</label>
      <textarea id={name} name={name} rows={rows} className="input font-mono" defaultValue={values[name]} aria-invalid={Boolean(errors[name])} aria-describedby={`${name}-hint ${name}-error`} spellCheck={false} />
      <p id={`${name}-hint`} className="text-sm text-slate-700">{hint}</p>
      <p id={`${name}-error`} className="field-error">{errors[name]}</p>
    </div>
  );
}

function Input({ name, label, values, errors, hint, ...rest }: { name: string; label: string; values: Record<string, string>; errors: Record<string, string>; hint?: ReactNode } & React.InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div>
      <label htmlFor={name} className="label">{label}</label>
      <input id={name} name={name} className="input" defaultValue={values[name]} aria-invalid={Boolean(errors[name])} aria-describedby={`${name}-error`} {...rest} />
      {hint ? <p className="text-sm text-slate-700">{hint}</p> : null}
      <p id={`${name}-error`} className="field-error">{errors[name]}</p>
    </div>
  );
}

/** Every option of a customer's OCI profile; saved as one versioned, audited change. */
export function OciProfileForm({
  action,
  customerId,
  version,
  initial,
  categories,
  saved,
}: {
  action: (state: AdminFormState, form: FormData) => Promise<AdminFormState>;
  customerId: number;
  version: number;
  initial: Record<string, string>;
  categories: { id: number; label: string }[];
  saved?: string;
}) {
  const [state, formAction] = useActionState(action, {});
  const v = state.values ?? initial;
  const f = state.fields ?? {};
  const [source, setSource] = useState(v.matgroupSource ?? "unspsc");
  return (
    <form action={formAction} noValidate className="space-y-6" aria-label="OCI profile">
      <FormStatus error={state.error} saved={state.error ? undefined : saved} />
      <input type="hidden" name="id" value={customerId} />
      <input type="hidden" name="version" value={version} />

      <fieldset className="card grid gap-4 p-6 md:grid-cols-2">
        <legend className="px-1 text-lg font-semibold">Fields sent with the basket</legend>
        <Input name="vendorNumber" label="VENDOR (our supplier number in their system)" values={v} errors={f} maxLength={10} />
        <div>
          <label htmlFor="description" className="label">DESCRIPTION</label>
          <select id="description" name="description" className="input" defaultValue={v.description}>
            <option value="name">Product name</option>
            <option value="name_and_variant">Product name and variant (manufacturer part number)</option>
          </select>
        </div>
        <Area name="unitCodes" label="Unit codes (ours = theirs)" hint='One per line, e.g. "C62 = PCE". Units not listed are sent unchanged.' values={v} errors={f} />
        <Area name="manufacturerCodes" label="MANUFACTCODE by manufacturer (manufacturer = code)" hint="One per line; manufacturers not listed send no MANUFACTCODE." values={v} errors={f} />
        <div className="flex items-center gap-2 md:col-span-2">
          <input id="sendLongText" name="sendLongText" type="checkbox" defaultChecked={v.sendLongText === "on"} />
          <label htmlFor="sendLongText">Send LONGTEXT (the product description)</label>
        </div>
      </fieldset>

      <fieldset className="card space-y-4 p-6">
        <legend className="px-1 text-lg font-semibold">MATGROUP (material group)</legend>
        <div>
          <label htmlFor="matgroupSource" className="label">Source</label>
          <select id="matgroupSource" name="matgroupSource" className="input" value={source} onChange={(e) => setSource(e.currentTarget.value)} aria-invalid={Boolean(f.matgroupSource)} aria-describedby="matgroupSource-error">
            <option value="unspsc">UNSPSC code of the product (default)</option>
            <option value="category">Their code per category of ours (inherited down the tree)</option>
            <option value="fixed">One fixed value</option>
          </select>
          <p id="matgroupSource-error" className="field-error">{f.matgroupSource}</p>
        </div>
        {/* Both stay in the form without JavaScript; the source decides which one counts. */}
        <div hidden={source !== "fixed"}>
          <Input name="matgroupFixed" label="Fixed MATGROUP" values={v} errors={f} maxLength={10} />
        </div>
        <div hidden={source !== "category"} className="max-h-96 overflow-y-auto">
          <table className="w-full text-sm">
            <caption className="mb-2 text-left text-slate-700">Leave a category empty to use its parent&apos;s code (or UNSPSC when no parent has one).</caption>
            <thead className="border-b border-slate-200 text-left">
              <tr>
                <th scope="col" className="p-2">Our category</th>
                <th scope="col" className="p-2">Their MATGROUP</th>
              </tr>
            </thead>
            <tbody>
              {categories.map((c) => (
                <tr key={c.id} className="border-b border-slate-100">
                  <td className="p-2"><label htmlFor={`matgroup_${c.id}`}>{c.label}</label></td>
                  <td className="p-2"><input id={`matgroup_${c.id}`} name={`matgroup_${c.id}`} className="input" defaultValue={v[`matgroup_${c.id}`]} maxLength={10} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </fieldset>

      <fieldset className="card grid gap-4 p-6 md:grid-cols-2">
        <legend className="px-1 text-lg font-semibold">CUST_FIELD1 … CUST_FIELD5</legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <div key={n} className="grid grid-cols-2 gap-2">
            <div>
              <label htmlFor={`cust${n}Kind`} className="label">CUST_FIELD{n}</label>
              <select id={`cust${n}Kind`} name={`cust${n}Kind`} className="input" defaultValue={v[`cust${n}Kind`]}>
                {CUST_FIELD_CHOICES.map((c) => <option key={c} value={c}>{CUST_FIELD_LABELS[c]}</option>)}
              </select>
            </div>
            <Input name={`cust${n}Value`} label={`Fixed value (≤ ${CUST_FIELD_LIMITS[n - 1]})`} values={v} errors={f} maxLength={50} />
          </div>
        ))}
      </fieldset>

      <fieldset className="card grid gap-4 p-6 md:grid-cols-2">
        <legend className="px-1 text-lg font-semibold">Calls from their system</legend>
        <Area name="allowedHooks" label="Allowed hook URLs" hint='One origin (https://srm.example.com) or URL prefix (http://127.0.0.1:) per line. Empty: any http(s) hook.' values={v} errors={f} />
        <Area name="frameOrigins" label="Framing origins (portals that show the shop in a frame)" hint="One origin per line, in addition to the hook's own origin." values={v} errors={f} />
        <div>
          <label htmlFor="defaultCharset" className="label">Charset when the call names none</label>
          <select id="defaultCharset" name="defaultCharset" className="input" defaultValue={v.defaultCharset}>
            <option value="utf-8">UTF-8</option>
            <option value="iso-8859-1">ISO-8859-1</option>
          </select>
        </div>
        <Input name="idleMinutes" label="Punchout idle lifetime (minutes)" values={v} errors={f} inputMode="numeric" hint="Empty: the shop's default." />
        <div className="flex items-center gap-2">
          <input id="allowSapEvent" name="allowSapEvent" type="checkbox" defaultChecked={v.allowSapEvent === "on"} />
          <label htmlFor="allowSapEvent">Allow SAPEVENT hooks (SAP GUI)</label>
        </div>
      </fieldset>
      <SaveButton label="Save" />
    </form>
  );
}
