import { AddressBlock } from "@/components/orders/address-block";
import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { CartRefresh } from "@/components/cart/cart-refresh";
import { Totals } from "@/components/orders/totals";
import { getViewer } from "@/lib/auth/viewer";
import { amount } from "@/lib/money/decimal";
import { formatMoney, formatUnitPrice } from "@/lib/money/format";
import { ORDER_STATUS_LABELS, PAYMENT_LABELS, formatDate } from "@/lib/orders/labels";
import { getOrder } from "@/lib/orders/store";
import { orderTotalsSummary } from "@/lib/orders/totals";

export const metadata: Metadata = { title: "Order" };

// Personal and rendered per request, in full before it is sent: it works without JavaScript.
export const instant = false;

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OrderPage({ params, searchParams }: Props) {
  const { id } = await params;
  const viewer = await getViewer();
  if (!viewer) redirect(`/login?next=/account`);
  if (!z.string().uuid().safeParse(id).success) notFound();
  // Scoped to the viewer's customer: someone else's order id is simply not found.
  const order = await getOrder(viewer, id);
  if (!order) notFound();
  const placed = (await searchParams).placed === "1";
  const money = (v: string) => formatMoney(amount(v), order.currency);
  return (
    <div className="space-y-6">
      {placed ? <CartRefresh /> : null}
      {placed ? (
        <div role="status" className="rounded-md border border-green-300 bg-green-50 p-4 text-green-900">
          <h2 className="font-semibold">Thank you for your order</h2>
          <p className="text-sm">Order {order.number} has been placed. {order.paymentMethod === "bank_transfer" ? "Please transfer the total with the order number as reference; we ship when it arrives." : "You will receive an invoice with the delivery."}</p>
        </div>
      ) : null}
      <div>
        <Link href="/account" className="text-sm text-brand-700 underline">Back to your orders</Link>
        <h1 className="mt-2 text-2xl font-bold">Order {order.number}</h1>
        <p className="text-sm text-slate-700">
          {formatDate(order.createdAt)} · <span data-testid="order-status">{ORDER_STATUS_LABELS[order.status]}</span> · {PAYMENT_LABELS[order.paymentMethod]}
          {order.poReference ? <> · Your reference: {order.poReference}</> : null}
        </p>
      </div>
      <div className="card overflow-x-auto">
        <table className="w-full text-sm">
          <thead className="border-b border-slate-200 text-left">
            <tr>
              <th scope="col" className="p-3">Product</th>
              <th scope="col" className="p-3">Price</th>
              <th scope="col" className="p-3">Quantity</th>
              <th scope="col" className="p-3 text-right">Total</th>
            </tr>
          </thead>
          <tbody>
            {order.lines.map((l) => (
              <tr key={l.lineNo} className="border-b border-slate-100" data-testid="order-line">
                <td className="p-3">{l.name}<div className="fine-print">Art. {l.sku}</div></td>
                <td className="p-3">{formatUnitPrice(amount(l.unitPrice), order.currency, l.unit, l.priceUnit)}</td>
                <td className="p-3">{l.quantity}</td>
                <td className="p-3 text-right">{money(l.lineTotal)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <Totals totals={orderTotalsSummary(order)} testIdPrefix="order" className="ml-auto max-w-xs p-3" />
      </div>
      <div className="grid gap-6 sm:grid-cols-2">
        <AddressBlock title="Shipping address" address={order.shippingAddress} />
        <AddressBlock title="Billing address" address={order.billingAddress} />
      </div>
      {order.note ? <p className="text-sm"><span className="font-semibold">Note:</span> {order.note}</p> : null}
      {order.status === "transferred" && order.ociFields ? <TransferredFields fields={order.ociFields} /> : null}
    </div>
  );
}

/** Every field that went to the procurement system, in the order it was sent. */
function TransferredFields({ fields }: { fields: [string, string][] }) {
  return (
    <section aria-labelledby="transfer-heading" className="card overflow-x-auto p-4" data-testid="oci-transfer">
      <h2 id="transfer-heading" className="text-lg font-semibold">Transferred to your procurement system</h2>
      <table className="mt-3 w-full text-sm" data-testid="oci-transfer-fields">
        <caption className="sr-only">Fields sent to your procurement system, in order</caption>
        <thead className="border-b border-slate-200 text-left">
          <tr>
            <th scope="col" className="p-2">Field</th>
            <th scope="col" className="p-2">Value</th>
          </tr>
        </thead>
        <tbody>
          {fields.map(([name, value], i) => (
            <tr key={`${i}-${name}`} className="border-b border-slate-100 align-top">
              <td className="p-2 font-mono text-xs">{name}</td>
              <td className="p-2 break-all">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
