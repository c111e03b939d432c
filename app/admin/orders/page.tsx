import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { z } from "zod";
import { AdminHeading } from "@/components/admin/admin-heading";
import { ListSearch } from "@/components/admin/list-search";
import { Pagination } from "@/components/ui/pagination";
import { requireAdmin } from "@/lib/admin/guard";
import { listAdminOrders, type OrderListFilter } from "@/lib/admin/orders";
import { getViewer } from "@/lib/auth/viewer";
import { amount } from "@/lib/money/decimal";
import { formatMoney } from "@/lib/money/format";
import { CHANNEL_LABELS, ORDER_STATUS_LABELS, formatDate } from "@/lib/orders/labels";

export const metadata: Metadata = { title: "Orders" };

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const query = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(["placed", "confirmed", "shipped", "cancelled", "transferred"]).optional().catch(undefined),
  channel: z.enum(["web", "oci", "cxml"]).optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  page: z.coerce.number().int().positive().optional().catch(undefined),
});

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

function hrefFor(filter: OrderListFilter, page: number) {
  const params = new URLSearchParams();
  for (const key of ["q", "status", "channel", "from", "to"] as const) if (filter[key]) params.set(key, String(filter[key]));
  if (page > 1) params.set("page", String(page));
  const qs = params.toString();
  return qs ? `/admin/orders?${qs}` : "/admin/orders";
}

export default async function OrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdmin();
  const raw = await searchParams;
  const filter: OrderListFilter = query.parse(Object.fromEntries(["q", "status", "channel", "from", "to", "page"].map((k) => [k, first(raw[k])])));
  const list = await listAdminOrders(await getViewer(), filter);
  const rows = list?.rows ?? [];
  return (
    <>
      <AdminHeading title="Orders" />
      <ListSearch action="/admin/orders" q={filter.q} placeholder="Order no., debtor no. or customer name">
        <div>
          <label htmlFor="status" className="label">Status</label>
          <select id="status" name="status" className="input" defaultValue={filter.status ?? ""}>
            <option value="">All statuses</option>
            {Object.entries(ORDER_STATUS_LABELS).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="channel" className="label">Channel</label>
          <select id="channel" name="channel" className="input" defaultValue={filter.channel ?? ""}>
            <option value="">All channels</option>
            {Object.entries(CHANNEL_LABELS).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="from" className="label">From</label>
          <input id="from" name="from" type="date" className="input" defaultValue={filter.from} />
        </div>
        <div>
          <label htmlFor="to" className="label">To</label>
          <input id="to" name="to" type="date" className="input" defaultValue={filter.to} />
        </div>
      </ListSearch>
      <p className="text-sm text-slate-700" data-testid="order-count">
        {list?.countLabel ?? "0 orders"}{filter.from || filter.to ? " (dates in Berlin time)" : ""}
        {list?.customersCapped ? " — the search matches very many customers: type more of the name to see all their orders." : ""}
      </p>
      {rows.length === 0 ? (
        <p className="card p-4 text-slate-700">No orders match.</p>
      ) : (
        <div className="card overflow-x-auto">
          <table className="w-full text-sm" data-testid="admin-orders">
            <caption className="sr-only">Orders, newest first</caption>
            <thead className="border-b border-slate-200 text-left">
              <tr>
                <th scope="col" className="p-2">Order</th>
                <th scope="col" className="p-2">Date</th>
                <th scope="col" className="p-2">Customer</th>
                <th scope="col" className="p-2">Channel</th>
                <th scope="col" className="p-2">Status</th>
                <th scope="col" className="p-2">PO reference</th>
                <th scope="col" className="p-2 text-right">Total</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((o) => (
                <tr key={o.id} className="border-b border-slate-100">
                  <td className="p-2"><Link href={`/admin/orders/${o.id}`} className="font-medium text-brand-700 underline">{o.number}</Link></td>
                  <td className="whitespace-nowrap p-2">{formatDate(o.createdAt)}</td>
                  <td className="p-2">{o.customerName}{o.debtorNumber ? <span className="text-slate-700"> · {o.debtorNumber}</span> : null}</td>
                  <td className="p-2">{CHANNEL_LABELS[o.channel]}</td>
                  <td className="p-2" data-testid="order-status">{ORDER_STATUS_LABELS[o.status]}</td>
                  <td className="p-2">{o.poReference}</td>
                  <td className="p-2 text-right">{formatMoney(amount(o.total), o.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list ? <Pagination page={list.page} pageCount={list.pageCount} open={list.open} href={(p) => hrefFor(filter, p)} /> : null}
    </>
  );
}
