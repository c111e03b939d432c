"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type MouseEvent } from "react";
import { cancelBasketAction, transferBasketAction, type HookSubmission, type ReturnActionResult } from "@/app/actions/oci";
import type { OciForm } from "@/lib/oci/basket";
import { CART_KEY } from "./use-cart";

const isSapEvent = (action: string) => /^sapevent:/i.test(action);

/**
 * Sends the record while the click's own native submit goes to SAP GUI: a beacon where there is one,
 * else a keepalive fetch, else (older embedded browsers) a synchronous request that finishes first.
 */
function recordBeside(body: URLSearchParams) {
  if (typeof navigator.sendBeacon === "function" && navigator.sendBeacon("/oci/transfer", body)) return;
  if (typeof fetch === "function") {
    void fetch("/oci/transfer", { method: "POST", body, keepalive: true, credentials: "same-origin" }).catch(() => {});
    return;
  }
  const xhr = new XMLHttpRequest();
  xhr.open("POST", "/oci/transfer", false);
  xhr.setRequestHeader("Content-Type", "application/x-www-form-urlencoded");
  xhr.send(body.toString());
}

function HiddenFields({ fields }: { fields: [string, string][] }) {
  return fields.map(([name, value], i) => <input key={`${i}-${name}`} type="hidden" name={name} value={value} />);
}

/** A form that goes to the hook: with script after the shop has recorded it, natively for SAPEVENT. */
function HookForm({ form, label, testId, disabled, onSend, className }: { form: HookSubmission; label: string; testId: string; disabled: boolean; onSend: (e: MouseEvent<HTMLButtonElement>, el: HTMLFormElement) => void; className: string }) {
  const ref = useRef<HTMLFormElement>(null);
  return (
    <form ref={ref} method="post" action={form.action} target={form.target} acceptCharset={form.charset} data-testid={testId}>
      <HiddenFields fields={form.fields} />
      <button type="submit" className={className} disabled={disabled} onClick={(e) => onSend(e, ref.current!)}>
        {label}
      </button>
    </form>
  );
}

/** Without script the buttons post to the shop, which records first and then hands over the hook form. */
function ShopForm({ intent, snapshotId, label, className, disabled }: { intent: "transfer" | "cancel"; snapshotId?: string | null; label: string; className: string; disabled: boolean }) {
  return (
    <form method="post" action="/oci/transfer" data-testid={`oci-${intent}-shop-form`}>
      <input type="hidden" name="intent" value={intent} />
      {snapshotId ? <input type="hidden" name="snapshot" value={snapshotId} /> : null}
      <button type="submit" className={className} disabled={disabled}>
        {label}
      </button>
    </form>
  );
}

/**
 * The OCI return. The server froze the basket as a snapshot; "Return to Procurement System" first
 * records that snapshot as a transferred order (server action), then posts exactly those fields to
 * the hook. SAP GUI's SAPEVENT target only works as the literal form submitted by the click, so
 * there the click submits natively and the same record goes to the shop as a beacon. Before the
 * script runs (or without it) the buttons post to the shop instead (see /oci/transfer).
 */
export function OciTransferForm({ oci, disabled, hasItems }: { oci: OciForm; disabled: boolean; hasItems: boolean }) {
  const client = useQueryClient();
  const [scripted, setScripted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [sent, setSent] = useState<{ intent: "transfer" | "cancel"; form: HookSubmission } | null>(null);
  const pendingSubmit = useRef<HTMLFormElement | null>(null);
  // A ref, not state: a double click arrives before React re-renders the disabled button.
  const inFlight = useRef(false);
  useEffect(() => setScripted(true), []);
  // The recorded form re-renders with the stored fields, then goes to the hook.
  useEffect(() => {
    if (sent && pendingSubmit.current) {
      const form = pendingSubmit.current;
      pendingSubmit.current = null;
      form.submit();
    }
  }, [sent]);

  const sapGui = isSapEvent(oci.action);
  // cXML closes a punchout without items by an empty order message; an inspect returns its lines unchanged that way.
  const cancelLabel = oci.readOnly ? "Return to Procurement System" : "Cancel and return an empty basket";
  const transfer = { action: oci.action, target: oci.target, charset: oci.charset, fields: oci.fields };
  const cancel = { action: oci.action, target: oci.target, charset: oci.charset, fields: oci.cancelFields };

  async function run(e: MouseEvent<HTMLButtonElement>, form: HTMLFormElement, intent: "transfer" | "cancel") {
    if (sapGui) {
      // The native submit goes ahead in this very click; the record travels beside it.
      const body = new URLSearchParams({ intent, sent: "1", ...(intent === "transfer" && oci.snapshotId ? { snapshot: oci.snapshotId } : {}) });
      recordBeside(body);
      setSent({ intent, form: intent === "transfer" ? transfer : cancel });
      return;
    }
    e.preventDefault();
    if (inFlight.current) return;
    if (sent?.intent === intent) {
      // Already recorded: the same record may be sent again while this page is open.
      form.submit();
      return;
    }
    inFlight.current = true;
    setBusy(true);
    setMessage(null);
    let result: ReturnActionResult;
    try {
      result = intent === "transfer" ? await transferBasketAction(oci.snapshotId) : await cancelBasketAction();
    } catch {
      result = { ok: false, message: "The shop could not be reached. Nothing was sent; please try again." };
    }
    inFlight.current = false;
    setBusy(false);
    if (!result.ok) {
      setMessage(result.message);
      if (result.cart) client.setQueryData(CART_KEY, result.cart);
      return;
    }
    pendingSubmit.current = form;
    setSent({ intent, form: result.form });
  }

  const off = disabled || busy;
  if (!scripted) {
    return (
      <div className="space-y-3">
        {oci.error ? <p role="alert" className="field-error">{oci.error}</p> : hasItems && oci.snapshotId ? <ShopForm intent="transfer" snapshotId={oci.snapshotId} label="Return to Procurement System" className="btn-primary w-full" disabled={disabled} /> : null}
        <ShopForm intent="cancel" label={cancelLabel} className={oci.readOnly ? "btn-primary w-full" : "btn-secondary w-full"} disabled={disabled} />
        <Note />
      </div>
    );
  }
  return (
    <div className="space-y-3">
      {message ? <p role="alert" className="field-error" data-testid="oci-message">{message}</p> : null}
      {sent && sapGui ? <p role="status" className="text-sm text-green-800">Your basket was handed to SAP. You can close this window.</p> : null}
      {oci.error ? (
        <p role="alert" className="field-error">{oci.error}</p>
      ) : hasItems && oci.snapshotId ? (
        <HookForm form={sent?.intent === "transfer" ? sent.form : transfer} label="Return to Procurement System" testId="oci-form" disabled={off} onSend={(e, f) => void run(e, f, "transfer")} className="btn-primary w-full" />
      ) : null}
      <HookForm form={sent?.intent === "cancel" ? sent.form : cancel} label={cancelLabel} testId="oci-cancel-form" disabled={off} onSend={(e, f) => void run(e, f, "cancel")} className={oci.readOnly ? "btn-primary w-full" : "btn-secondary w-full"} />
      {oci.fields.length > 0 ? (
        <details className="text-xs text-slate-700">
          <summary className="cursor-pointer">Fields sent to your procurement system</summary>
          <table className="mt-2 w-full" data-testid="oci-fields">
            <thead><tr><th scope="col" className="text-left">Field</th><th scope="col" className="text-left">Value</th></tr></thead>
            <tbody>{oci.fields.map(([n, v], i) => <tr key={`${i}-${n}`}><td className="pr-2 align-top font-mono">{n}</td><td className="break-all">{v}</td></tr>)}</tbody>
          </table>
        </details>
      ) : null}
      <Note />
    </div>
  );
}

function Note() {
  return <p className="fine-print">Your procurement system creates the purchase order. Prices are your net prices at the moment of transfer.</p>;
}
