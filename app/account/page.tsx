import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { amount } from "@/lib/money/decimal";
import { formatMoney } from "@/lib/money/format";
import { ORDER_STATUS_LABELS, formatDate } from "@/lib/orders/labels";
import { listOrders } from "@/lib/orders/store";

export const metadata: Metadata = { title: "Your account" };

// Personal and rendered per request, in full before it is sent: it works without JavaScript.
export const instant = false;

export default async function AccountPage() {
  const viewer = await getViewer();
  if (!viewer) redirect("/login?next=/account");
  const orders = await listOrders(viewer);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Your account</h1>
        <p className="mt-1 text-slate-700">
          {viewer.name} · {viewer.email}
          {viewer.customer.debtorNumber ? <> · {viewer.customer.name}, debtor number {viewer.customer.debtorNumber}</> : null}
        </p>
      </div>
      <section aria-labelledby="orders-heading">
        <h2 id="orders-heading" className="mb-3 text-xl font-semibold">Order history</h2>
        {orders.length === 0 ? (
          <p className="card p-6">You have not placed any orders yet.</p>
        ) : (
          <div className="card overflow-x-auto">
            <table className="w-full text-sm" data-testid="order-history">
              <thead className="border-b border-slate-200 text-left">
                <tr>
                  <th scope="col" className="p-3">Order</th>
                  <th scope="col" className="p-3">Date</th>
                  <th scope="col" className="p-3">Your reference</th>
                  <th scope="col" className="p-3">Status</th>
                  <th scope="col" className="p-3 text-right">Total</th>
                </tr>
              </thead>
              <tbody>
                {orders.map((o) => (
                  <tr key={o.id} className="border-b border-slate-100">
                    <td className="p-3"><Link href={`/account/orders/${o.id}`} className="font-medium text-brand-700 underline">{o.number}</Link></td>
                    <td className="p-3">{formatDate(o.createdAt)}</td>
                    <td className="p-3">{o.poReference}</td>
                    <td className="p-3" data-testid="order-status">{ORDER_STATUS_LABELS[o.status]}</td>
                    <td className="p-3 text-right">{formatMoney(amount(o.total), o.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
