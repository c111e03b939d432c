import { AddressBlock } from "@/components/orders/address-block";
import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { AdminHeading } from "@/components/admin/admin-heading";
import { AuditTable } from "@/components/admin/audit-table";
import { CxmlTransferView } from "@/components/admin/cxml-transfer-view";
import { OciTransferView } from "@/components/admin/oci-transfer-view";
import { OrderStatusForm } from "@/components/admin/order-status-form";
import { Totals } from "@/components/orders/totals";
import { requireAdmin } from "@/lib/admin/guard";
import { getAdminOrder } from "@/lib/admin/orders";
import { getViewer } from "@/lib/auth/viewer";
import { amount } from "@/lib/money/decimal";
import { formatMoney, formatUnitPrice, unitLabel } from "@/lib/money/format";
import { CHANNEL_LABELS, ORDER_STATUS_LABELS, PAYMENT_LABELS, formatDate } from "@/lib/orders/labels";
import { orderTotalsSummary } from "@/lib/orders/totals";

export const metadata: Metadata = { title: "Order" };

export default async function AdminOrderPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdmin();
  const { id } = await params;
  const order = await getAdminOrder(await getViewer(), id);
  if (!order) notFound();
  const money = (v: string) => formatMoney(amount(v), order.currency);
  return (
    <>
      <AdminHeading title={`Order ${order.number}`} back={{ href: "/admin/orders", label: "Orders" }} />
      <div className="card p-4">
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium">Customer</dt>
          <dd>
            <Link href={`/admin/customers/${order.customerId}`} className="text-brand-700 underline">{order.customerName}</Link>
            {order.debtorNumber ? <> · debtor number {order.debtorNumber}</> : null}
          </dd>
          <dt className="font-medium">User</dt>
          <dd>{order.userName} · {order.userEmail}</dd>
          <dt className="font-medium">Channel</dt>
          <dd>{CHANNEL_LABELS[order.channel]}</dd>
          <dt className="font-medium">Status</dt>
          <dd data-testid="order-status">{ORDER_STATUS_LABELS[order.status]}</dd>
          <dt className="font-medium">Placed</dt>
          <dd>{formatDate(order.createdAt)}</dd>
          <dt className="font-medium">Status changed</dt>
          <dd>{order.statusChangedAt ? formatDate(order.statusChangedAt) : "—"}</dd>
          <dt className="font-medium">PO reference</dt>
          <dd>{order.poReference || "—"}</dd>
          <dt className="font-medium">Note</dt>
          <dd className="whitespace-pre-wrap">{order.note || "—"}</dd>
          <dt className="font-medium">Payment</dt>
          <dd>{PAYMENT_LABELS[order.paymentMethod]}</dd>
        </dl>
      </div>

      {order.channel === "web" ? (
        <OrderStatusForm id={order.id} status={order.status} actions={order.actions} />
      ) : (
        <p className="card p-4 text-sm text-slate-700">A punchout order belongs to the customer&apos;s procurement system once transferred: its status stays &quot;{ORDER_STATUS_LABELS[order.status]}&quot;.</p>
      )}

      <div className="grid gap-6 sm:grid-cols-2">
        <AddressBlock title="Shipping address" address={order.shippingAddress} emptyText="None given" />
        <AddressBlock title="Billing address" address={order.billingAddress} emptyText="None given" />
      </div>

      <div className="card overflow-x-auto">
        <table className="w-full text-sm" data-testid="order-lines">
          <caption className="sr-only">Order lines</caption>
          <thead className="border-b border-slate-200 text-left">
            <tr>
              <th scope="col" className="p-2">SKU</th>
              <th scope="col" className="p-2">Name</th>
              <th scope="col" className="p-2 text-right">Quantity</th>
              <th scope="col" className="p-2">Unit</th>
              <th scope="col" className="p-2">Price</th>
              <th scope="col" className="p-2 text-right">Line total</th>
            </tr>
          </thead>
          <tbody>
            {order.lines.map((l) => (
              <tr key={l.lineNo} className="border-b border-slate-100">
                <td className="p-2 font-mono text-xs">{l.sku}</td>
                <td className="p-2">{l.name}</td>
                <td className="p-2 text-right">{l.quantity}</td>
                <td className="p-2">{unitLabel(l.unit, l.quantity)} <span className="text-slate-700">({l.unit})</span></td>
                <td className="p-2">{formatUnitPrice(amount(l.unitPrice), order.currency, l.unit, l.priceUnit)}</td>
                <td className="p-2 text-right">{money(l.lineTotal)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <Totals totals={orderTotalsSummary(order)} testIdPrefix="order" className="ml-auto max-w-xs p-3" />
      </div>

      {order.transfer ? (
        <OciTransferView transfer={order.transfer} bodyHref={`/admin/orders/${order.id}/transfer-body`} orderSubtotal={order.subtotal} orderCurrency={order.currency} />
      ) : null}
      {order.cxmlTransfer ? <CxmlTransferView transfer={order.cxmlTransfer} bodyHref={`/admin/orders/${order.id}/transfer-body`} /> : null}

      <section aria-labelledby="history-heading">
        <h2 id="history-heading" className="mb-2 text-lg font-semibold">History</h2>
        <AuditTable entries={order.history} caption={`Changes of order ${order.number}`} />
      </section>
    </>
  );
}
