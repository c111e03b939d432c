"use client";

import { useActionState, type InputHTMLAttributes, type ReactNode } from "react";
import type { AdminFormState } from "@/lib/admin/form";
import { FormStatus } from "./form-status";
import { SaveButton } from "./save-button";

type FieldProps = { name: string; label: string; values: Record<string, string>; errors: Record<string, string>; hint?: ReactNode } & InputHTMLAttributes<HTMLInputElement>;

function Input({ name, label, values, errors, hint, ...rest }: FieldProps) {
  const described = [hint ? `${name}-hint` : null, `${name}-error`].filter(Boolean).join(" ");
  return (
    <div>
      <label htmlFor={name} className="label">{label}</label>
      <input id={name} name={name} className="input" defaultValue={values[name]} aria-invalid={Boolean(errors[name])} aria-describedby={described} spellCheck={false} autoComplete="off" {...rest} />
      {hint ? <p id={`${name}-hint`} className="text-sm text-slate-700">{hint}</p> : null}
      <p id={`${name}-error`} className="field-error">{errors[name]}</p>
    </div>
  );
}

const RETURN_FIELDS = [
  ["cxml-urlencoded", "cxml-urlencoded (default)", "The XML as a plain form field. What most procurement systems (SAP Ariba, Coupa) expect; use it unless theirs asks otherwise."],
  ["cxml-base64", "cxml-base64", "The XML base64-encoded. Use it when their system asks for it, or when non-ASCII text (umlauts) arrives garbled."],
] as const;

export type CxmlUserChoice = { id: number; email: string; name: string; active: boolean };

/** A customer's cXML settings: identities, the write-only shared secret, the default user and the return field. */
export function CxmlSettingsForm({
  action,
  customerId,
  version,
  initial,
  secretSet,
  users,
  saved,
}: {
  action: (state: AdminFormState, form: FormData) => Promise<AdminFormState>;
  customerId: number;
  version: number;
  initial: Record<string, string>;
  secretSet: boolean;
  users: CxmlUserChoice[];
  saved?: string;
}) {
  const [state, formAction] = useActionState(action, {});
  const v = state.values ?? initial;
  const f = state.fields ?? {};
  return (
    <form action={formAction} noValidate className="space-y-6" aria-label="cXML settings">
      <FormStatus error={state.error} saved={state.error ? undefined : saved} />
      <input type="hidden" name="id" value={customerId} />
      <input type="hidden" name="version" value={version} />

      <div className="card flex items-center gap-2 p-6">
        <input id="enabled" name="enabled" type="checkbox" defaultChecked={v.enabled === "on"} aria-describedby="enabled-hint" />
        <label htmlFor="enabled" className="font-semibold">Enabled</label>
        <span id="enabled-hint" className="text-sm text-slate-700">— when off, this customer&apos;s setup requests are refused (403).</span>
      </div>

      <fieldset className="card grid gap-4 p-6 md:grid-cols-2">
        <legend className="px-1 text-lg font-semibold">Their From credential</legend>
        <p className="text-sm text-slate-700 md:col-span-2">Names this customer in every setup request (Header/From). No other customer may use the same domain and identity.</p>
        <Input name="fromDomain" label="From domain" values={v} errors={f} maxLength={100} hint="e.g. NetworkID or DUNS" />
        <Input name="fromIdentity" label="From identity" values={v} errors={f} maxLength={200} />
      </fieldset>

      <fieldset className="card grid gap-4 p-6 md:grid-cols-2">
        <legend className="px-1 text-lg font-semibold">Their Sender credential</legend>
        <p className="text-sm text-slate-700 md:col-span-2">The system that sends the request (Header/Sender); it carries the shared secret.</p>
        <Input name="senderDomain" label="Sender domain" values={v} errors={f} maxLength={100} />
        <Input name="senderIdentity" label="Sender identity" values={v} errors={f} maxLength={200} />
      </fieldset>

      <fieldset className="card grid gap-4 p-6 md:grid-cols-2">
        <legend className="px-1 text-lg font-semibold">Our identity (To credential)</legend>
        <p className="text-sm text-slate-700 md:col-span-2">How their system names us (Header/To).</p>
        <Input name="toDomain" label="To domain" values={v} errors={f} maxLength={100} />
        <Input name="toIdentity" label="To identity" values={v} errors={f} maxLength={200} />
      </fieldset>

      <fieldset className="card grid gap-4 p-6 md:grid-cols-2">
        <legend className="px-1 text-lg font-semibold">Shared secret and user</legend>
        <Input
          name="sharedSecret"
          label="Shared secret"
          type="password"
          values={{}}
          errors={f}
          maxLength={200}
          autoComplete="new-password"
          hint={
            <>
              {secretSet ? "A secret is set. " : "No secret is set yet: required for the first save. "}
              {secretSet ? "Leave empty to keep the current secret. " : null}12–200 characters; only its hash is kept, so it is never shown again.
            </>
          }
        />
        <div>
          <label htmlFor="defaultUserId" className="label">Default punchout user</label>
          <select id="defaultUserId" name="defaultUserId" className="input" defaultValue={v.defaultUserId} aria-invalid={Boolean(f.defaultUserId)} aria-describedby="defaultUserId-hint defaultUserId-error">
            <option value="">None (the request must name a user)</option>
            {users.map((u) => (
              <option key={u.id} value={String(u.id)}>
                {u.name} ({u.email}){u.active ? "" : " — disabled"}
              </option>
            ))}
          </select>
          <p id="defaultUserId-hint" className="text-sm text-slate-700">Signed in when the request&apos;s UserEmail extrinsic names none of this customer&apos;s active users.</p>
          <p id="defaultUserId-error" className="field-error">{f.defaultUserId}</p>
        </div>
      </fieldset>

      <fieldset className="card space-y-3 p-6" aria-describedby="returnField-error">
        <legend className="px-1 text-lg font-semibold">Return field</legend>
        <p className="text-sm text-slate-700">The form field that carries the PunchOutOrderMessage back to their system.</p>
        {RETURN_FIELDS.map(([value, label, when]) => (
          <div key={value} className="flex items-start gap-2">
            <input id={`returnField-${value}`} name="returnField" type="radio" value={value} defaultChecked={v.returnField === value} aria-describedby={`returnField-${value}-hint`} className="mt-1" />
            <div>
              <label htmlFor={`returnField-${value}`} className="font-mono">{label}</label>
              <p id={`returnField-${value}-hint`} className="text-sm text-slate-700">{when}</p>
            </div>
          </div>
        ))}
        <p id="returnField-error" className="field-error">{f.returnField}</p>
      </fieldset>

      <SaveButton label="Save" />
    </form>
  );
}
