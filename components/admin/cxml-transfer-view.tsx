import type { AdminCxmlTransfer } from "@/lib/admin/orders";
import { formatDate } from "@/lib/orders/labels";

/** A cXML transfer as it left: where it went, in which form field, and the PunchOutOrderMessage itself. */
export function CxmlTransferView({ transfer, bodyHref }: { transfer: AdminCxmlTransfer; bodyHref: string }) {
  return (
    <section aria-labelledby="cxml-transfer-heading" className="card space-y-4 p-4" data-testid="cxml-transfer">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="cxml-transfer-heading" className="text-lg font-semibold">cXML transfer as sent</h2>
        <a className="btn-secondary" href={bodyHref} download>Download the form body as sent</a>
      </div>
      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">BrowserFormPost URL</dt>
        <dd className="break-all">{transfer.hookUrl ?? "—"}</dd>
        <dt className="font-medium">Form field</dt>
        <dd data-testid="cxml-transfer-field">{transfer.field}</dd>
        <dt className="font-medium">Sent</dt>
        <dd>{formatDate(transfer.sentAt)}</dd>
      </dl>
      <div>
        <h3 className="mb-1 text-sm font-medium" id="cxml-document-heading">PunchOutOrderMessage</h3>
        <pre aria-labelledby="cxml-document-heading" tabIndex={0} className="max-h-[32rem] overflow-auto whitespace-pre-wrap break-all rounded border border-slate-300 bg-slate-50 p-3 text-xs text-slate-900" data-testid="cxml-transfer-document">
          {transfer.document}
        </pre>
      </div>
    </section>
  );
}
