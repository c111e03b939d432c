"use client";

import { useActionState, type FormEvent } from "react";
import { startTestRunAction, type TesterFormState } from "@/app/admin/oci-tester/actions";
import { FormStatus } from "@/components/admin/form-status";
import { SaveButton } from "@/components/admin/save-button";
import type { TesterCustomer } from "@/lib/admin/oci-tester";
import { DEFAULT_ECHO_TEXT, PUNCHOUT_WINDOW_NAMES } from "@/lib/admin/oci-tester/call";
import { PunchoutLaunch } from "./launch";

const DEFAULTS: Record<string, string> = { method: "POST", charset: "default", paramCase: "lower", echo: DEFAULT_ECHO_TEXT, window: "same", fn: "none", productId: "", quantity: "1", searchString: "" };

function Choice({ name, legend, options, value, error }: { name: string; legend: string; options: [string, string][]; value: string; error?: string }) {
  return (
    <fieldset aria-describedby={`${name}-error`}>
      <legend className="label">{legend}</legend>
      <div className="flex flex-wrap gap-4">
        {options.map(([v, label]) => (
          <label key={v} className="flex items-center gap-2 text-sm">
            <input type="radio" name={name} value={v} defaultChecked={value === v} /> {label}
          </label>
        ))}
      </div>
      <p id={`${name}-error`} className="field-error">{error}</p>
    </fieldset>
  );
}

function Text({ name, label, value, error, hint }: { name: string; label: string; value: string; error?: string; hint?: string }) {
  return (
    <div>
      <label htmlFor={name} className="label">{label}</label>
      <input id={name} name={name} className="input" defaultValue={value} aria-invalid={Boolean(error)} aria-describedby={`${name}-error`} />
      <p id={`${name}-error`} className={error ? "field-error" : "mt-1 text-xs text-slate-700"}>{error ?? hint}</p>
    </div>
  );
}

/** The tester's options; on start the page sends the punchout call (see PunchoutLaunch). */
export function TesterForm({ customers, punchoutOrigin, separate }: { customers: TesterCustomer[]; punchoutOrigin: string; separate: boolean }) {
  const [state, action] = useActionState<TesterFormState, FormData>(startTestRunAction, {});
  const v = { ...DEFAULTS, ...state.values };
  const e = state.fields ?? {};
  // A popup opened later than the click would be blocked: it opens now, the call loads into it.
  const openPopup = (event: FormEvent<HTMLFormElement>) => {
    const chosen = new FormData(event.currentTarget).get("window");
    if (chosen === "popup") window.open("about:blank", PUNCHOUT_WINDOW_NAMES.popup, "popup,width=1100,height=800");
  };
  return (
    <>
      <form action={action} onSubmit={openPopup} className="card space-y-4 p-4" noValidate>
        <FormStatus error={state.error} saved={state.saved} />
        <div>
          <label htmlFor="userId" className="label">Customer and user</label>
          <select id="userId" name="userId" className="input" defaultValue={v.userId ?? ""} aria-invalid={Boolean(e.userId)} aria-describedby="userId-error" key={v.userId ?? ""}>
            <option value="">Choose a user…</option>
            {customers.map((c) => (
              <optgroup key={c.id} label={`${c.name}${c.debtorNumber ? ` (${c.debtorNumber})` : ""}`}>
                {c.users.map((u) => (
                  <option key={u.id} value={u.id}>{`${c.name} — ${u.email}`}</option>
                ))}
              </optgroup>
            ))}
          </select>
          <p id="userId-error" className="field-error">{e.userId}</p>
        </div>
        <div className="grid gap-4 md:grid-cols-2">
          <Choice name="method" legend="Method" value={v.method!} error={e.method} options={[["POST", "POST (as SAP does by default)"], ["GET", "GET"]]} />
          <Choice name="paramCase" legend="Parameter names" value={v.paramCase!} error={e.paramCase} options={[["lower", "lower case (username)"], ["upper", "upper case (USERNAME)"]]} />
          <div>
            <label htmlFor="charset" className="label">Charset</label>
            <select id="charset" name="charset" className="input" defaultValue={v.charset} key={`charset-${v.charset}`}>
              <option value="default">None (the customer&apos;s OCI profile decides)</option>
              <option value="utf-8">UTF-8</option>
              <option value="iso-8859-1">ISO-8859-1</option>
            </select>
            <p className="field-error">{e.charset}</p>
          </div>
          <Choice name="window" legend="Window" value={v.window!} error={e.window} options={[["same", "Same window"], ["popup", "Popup"], ["iframe", "Iframe on this page"]]} />
        </div>
        <div>
          <label htmlFor="echo" className="label">~ fields (one ~Name=value a line)</label>
          <textarea id="echo" name="echo" rows={4} className="input font-mono" defaultValue={v.echo} aria-invalid={Boolean(e.echo)} aria-describedby="echo-error" />
          <p id="echo-error" className="field-error">{e.echo}</p>
        </div>
        <div className="grid gap-4 md:grid-cols-4">
          <div>
            <label htmlFor="fn" className="label">OCI function</label>
            <select id="fn" name="fn" className="input" defaultValue={v.fn} key={`fn-${v.fn}`}>
              <option value="none">None (shopping session)</option>
              <option value="DETAIL">DETAIL (PRODUCTID)</option>
              <option value="SOURCING">SOURCING (SEARCHSTRING)</option>
              <option value="VALIDATE">VALIDATE (PRODUCTID, QUANTITY)</option>
              <option value="BACKGROUND_SEARCH">BACKGROUND_SEARCH (SEARCHSTRING)</option>
            </select>
            <p className="field-error">{e.fn}</p>
          </div>
          <Text name="productId" label="PRODUCTID" value={v.productId!} error={e.productId} hint="DETAIL, VALIDATE" />
          <Text name="quantity" label="QUANTITY" value={v.quantity!} error={e.quantity} hint="VALIDATE" />
          <Text name="searchString" label="SEARCHSTRING" value={v.searchString!} error={e.searchString} hint="SOURCING, BACKGROUND_SEARCH" />
        </div>
        <p className="text-sm text-slate-700">
          The call goes to <span className="font-mono">{punchoutOrigin}/ocihome</span>
          {separate
            ? " — the shop under a second host name, so the punchout has cookies of its own (in the iframe it is a cross-site frame, as with a real procurement system)."
            : ". That is the address you are signed in at: the punchout will ask to switch accounts and sign you out. Set OCI_TESTER_PUNCHOUT_URL to a second host name of the shop to keep your session."}{" "}
          With GET the single-use test credential is in the /ocihome address for a moment, as in a real OCI GET call; the shop answers at once with a redirect without it.
        </p>
        <SaveButton label="Start punchout" pendingLabel="Starting…" />
      </form>
      {state.launch ? <PunchoutLaunch key={state.launch.id} launch={state.launch} /> : null}
    </>
  );
}
