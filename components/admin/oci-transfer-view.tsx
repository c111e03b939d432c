import type { AdminTransfer } from "@/lib/admin/orders";
import { amount, compare, toFixed } from "@/lib/money/decimal";
import { formatDate } from "@/lib/orders/labels";
import { basketTotalText, OciFieldTable, OciLineTable } from "./oci-check-tables";

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

      <OciFieldTable checks={checks} caption="Fields sent to the procurement system, in order, with their OCI check" testId="transfer-fields" />
      <OciLineTable checks={checks} testId="transfer-lines" totalTestId="transfer-line-total" />
      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium">Basket total</dt>
        <dd data-testid="transfer-basket-total">{basketTotalText(checks)}</dd>
        <dt className="font-medium">Order subtotal (net)</dt>
        <dd>
          {`${toFixed(amount(orderSubtotal), 2)} ${orderCurrency}`}{" "}
          {only ? (totalMatches ? <span className="font-medium text-green-800">matches</span> : <span className="font-medium text-red-800">does not match</span>) : null}
        </dd>
      </dl>
    </section>
  );
}
