"use client";

import { useRef } from "react";
import type { OciForm } from "@/lib/oci/basket";

/**
 * Tells the shop that the basket left, without holding up the post itself: a keepalive request
 * survives the navigation to the hook URL, and the form submits at once.
 */
function useNotifyOnce(url: string) {
  const sent = useRef(false);
  return () => {
    if (sent.current) return;
    sent.current = true;
    void fetch(url, { method: "POST", keepalive: true, credentials: "same-origin", headers: { "Content-Type": "application/json" }, body: "{}" }).catch(() => {});
  };
}

function HiddenFields({ fields }: { fields: [string, string][] }) {
  return fields.map(([name, value], i) => <input key={`${i}-${name}`} type="hidden" name={name} value={value} />);
}

/**
 * The OCI return form: a real form posting straight to the hook URL as the procurement system gave
 * it, with a real submit button — so it works without JavaScript and with SAP GUI's SAPEVENT target.
 */
export function OciTransferForm({ oci, disabled, hasItems }: { oci: OciForm; disabled: boolean; hasItems: boolean }) {
  const notifyTransfer = useNotifyOnce("/api/oci/transfer");
  const notifyCancel = useNotifyOnce("/api/oci/cancel");
  return (
    <div className="space-y-3">
      {oci.error ? (
        <p role="alert" className="field-error">{oci.error}</p>
      ) : hasItems ? (
        <form method="post" action={oci.action} target={oci.target} acceptCharset={oci.charset} onSubmit={notifyTransfer} data-testid="oci-form">
          <HiddenFields fields={oci.fields} />
          <button type="submit" className="btn-primary w-full" disabled={disabled}>
            Return to Procurement System
          </button>
        </form>
      ) : null}
      <form method="post" action={oci.action} target={oci.target} acceptCharset={oci.charset} onSubmit={notifyCancel} data-testid="oci-cancel-form">
        <HiddenFields fields={oci.cancelFields} />
        <button type="submit" className="btn-secondary w-full" disabled={disabled}>
          Cancel and return an empty basket
        </button>
      </form>
      <p className="text-xs text-slate-600">
        Your procurement system creates the purchase order. Prices are your net prices at the moment of transfer.
      </p>
    </div>
  );
}
