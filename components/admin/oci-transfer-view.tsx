import type { AdminTransfer } from "@/lib/admin/orders";
import { amount, compare, toFixed } from "@/lib/money/decimal";
import { formatDate } from "@/lib/orders/labels";

function Verdict({ ok, problems }: { ok: boolean; problems: string[] }) {
  if (ok) return <span className="font-medium text-green-800">ok</span>;
  return (
    <span className="text-red-800">
      <span className="font-medium">not ok</span>: {problems.join("; ")}
    </span>
  );
}

/**
 * A punchout transfer as it left: where it went, in which charset, and every field in the order
 * sent, each checked against the OCI rules; then each item's PRICE × QUANTITY / PRICEUNIT and the
 * basket total beside the order's own net subtotal.
 */
export function OciTransferView({ transfer, bodyHref, orderSubtotal, orderCurrency }: { transfer: AdminTransfer; bodyHref: string; orderSubtotal: string; orderCurrency: string }) {
  const { checks } = transfer;
  const [only] = checks.totals.length === 1 ? checks.totals : [];
  const totalMatches = only ? only.currency === orderCurrency && compare(amount(only.total), amount(orderSubtotal)) === 0 : false;
  return (
    <section aria-labelledby="transfer-heading" className="card space-y-4 p-4" data-testid="oci-transfer">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="transfer-heading" className="text-lg font-semibold">Punchout transfer as sent</h2>
        <a className="btn-secondary" href={bodyHref} download>Download as sent</a>
      </div>
      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">Hook origin</dt>
        <dd data-testid="transfer-hook-origin">{transfer.hookOrigin ?? "—"}</dd>
        <dt className="font-medium">Hook URL</dt>
        <dd className="break-all">{transfer.hookUrl ?? "—"}</dd>
        <dt className="font-medium">Charset</dt>
        <dd data-testid="transfer-charset">{transfer.charset ?? "utf-8"}</dd>
        <dt className="font-medium">Sent</dt>
        <dd>{formatDate(transfer.sentAt)}</dd>
        <dt className="font-medium">Form target</dt>
        <dd>{transfer.target ?? "—"}</dd>
        <dt className="font-medium">OCI checks</dt>
        <dd data-testid="transfer-verdict">{checks.ok ? <span className="font-medium text-green-800">all fields ok</span> : <span className="font-medium text-red-800">problems found</span>}</dd>
      </dl>
      {checks.problems.length ? (
        <ul className="list-disc pl-5 text-sm text-red-800">{checks.problems.map((p) => <li key={p}>{p}</li>)}</ul>
      ) : null}

      <div className="overflow-x-auto">
        <table className="w-full text-sm" data-testid="transfer-fields">
          <caption className="sr-only">Fields sent to the procurement system, in order, with their OCI check</caption>
          <thead className="border-b border-slate-200 text-left">
            <tr>
              <th scope="col" className="p-2">#</th>
              <th scope="col" className="p-2">Field</th>
              <th scope="col" className="p-2">Value</th>
              <th scope="col" className="p-2">Check</th>
            </tr>
          </thead>
          <tbody>
            {checks.fields.map((f, i) => (
              <tr key={`${i}-${f.name}`} className="border-b border-slate-100 align-top">
                <td className="p-2 text-slate-700">{i + 1}</td>
                <td className="whitespace-nowrap p-2 font-mono text-xs">{f.name}</td>
                <td className="whitespace-pre-wrap break-all p-2">{f.value}</td>
                <td className="p-2"><Verdict ok={f.ok} problems={f.problems} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="overflow-x-auto">
        <table className="w-full text-sm" data-testid="transfer-lines">
          <caption className="text-left font-semibold">Items as the procurement system computes them</caption>
          <thead className="border-b border-slate-200 text-left">
            <tr>
              <th scope="col" className="p-2">Item</th>
              <th scope="col" className="p-2">QUANTITY</th>
              <th scope="col" className="p-2">PRICE</th>
              <th scope="col" className="p-2">PRICEUNIT</th>
              <th scope="col" className="p-2">CURRENCY</th>
              <th scope="col" className="p-2 text-right">PRICE × QUANTITY / PRICEUNIT</th>
              <th scope="col" className="p-2">Check</th>
            </tr>
          </thead>
          <tbody>
            {checks.lines.map((l) => (
              <tr key={l.item} className="border-b border-slate-100 align-top">
                <td className="p-2">{l.item}</td>
                <td className="p-2">{l.quantity ?? "—"}</td>
                <td className="p-2">{l.price ?? "—"}</td>
                <td className="p-2">{l.priceUnit || "1"}</td>
                <td className="p-2">{l.currency ?? "—"}</td>
                <td className="p-2 text-right" data-testid="transfer-line-total">{l.lineTotal ?? "—"}</td>
                <td className="p-2"><Verdict ok={l.problems.length === 0} problems={l.problems} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">Basket total</dt>
        <dd data-testid="transfer-basket-total">{checks.totals.length ? checks.totals.map((t) => `${t.total} ${t.currency}`).join(" + ") : "—"}</dd>
        <dt className="font-medium">Order subtotal (net)</dt>
        <dd>
          {`${toFixed(amount(orderSubtotal), 2)} ${orderCurrency}`}{" "}
          {only ? (totalMatches ? <span className="font-medium text-green-800">matches</span> : <span className="font-medium text-red-800">does not match</span>) : null}
        </dd>
      </dl>
    </section>
  );
}
