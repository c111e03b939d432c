import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { z } from "zod";
import { AdminHeading } from "@/components/admin/admin-heading";
import { ListSearch } from "@/components/admin/list-search";
import { Pagination } from "@/components/ui/pagination";
import { listCustomers } from "@/lib/admin/customers";
import { VAT_MODES } from "@/lib/admin/customer-schema";
import { requireAdmin } from "@/lib/admin/guard";
import { getViewer } from "@/lib/auth/viewer";

export const metadata: Metadata = { title: "Customers" };

const query = z.object({
  q: z.string().max(100).optional().catch(undefined),
  kind: z.enum(["b2b", "consumer"]).optional().catch(undefined),
  page: z.coerce.number().int().positive().optional().catch(undefined),
});

const KIND_LABELS = { b2b: "Business", consumer: "Consumer" } as const;
const VAT_LABELS = Object.fromEntries(VAT_MODES.map(([mode, label]) => [mode, mode === "standard" ? "Standard" : label]));

export default async function CustomersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdmin();
  const sp = await searchParams;
  const { q, kind, page } = query.parse({ q: typeof sp.q === "string" ? sp.q : undefined, kind: sp.kind || undefined, page: sp.page });
  const list = await listCustomers(await getViewer(), { q, kind, page });
  const href = (p: number) => `/admin/customers?${new URLSearchParams({ ...(q ? { q } : {}), ...(kind ? { kind } : {}), ...(p > 1 ? { page: String(p) } : {}) })}`;
  return (
    <>
      <AdminHeading title="Customers">
        <Link href="/admin/customers/new" className="btn-primary">New customer</Link>
      </AdminHeading>
      <ListSearch action="/admin/customers" q={q} placeholder="Name (beginning) or debtor number">
        <div>
          <label htmlFor="kind" className="label">Kind</label>
          <select id="kind" name="kind" className="input" defaultValue={kind ?? ""}>
            <option value="">All</option>
            <option value="b2b">Business (B2B)</option>
            <option value="consumer">Consumer</option>
          </select>
        </div>
      </ListSearch>
      <p className="text-sm text-slate-700" aria-live="polite">
        {list?.totalIsCapped ? "More than 1000 customers" : `${list?.total ?? 0} ${list?.total === 1 ? "customer" : "customers"}`}
      </p>
      {list && list.rows.length > 0 ? (
        <div className="card overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">Customers</caption>
            <thead className="border-b border-slate-200 text-left">
              <tr>
                <th scope="col" className="p-2">Name</th>
                <th scope="col" className="p-2">Debtor number</th>
                <th scope="col" className="p-2">Kind</th>
                <th scope="col" className="p-2">Price list</th>
                <th scope="col" className="p-2">VAT</th>
                <th scope="col" className="p-2">Status</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((c) => (
                <tr key={c.id} className="border-b border-slate-100">
                  <th scope="row" className="p-2 text-left font-normal">
                    <Link className="text-brand-700 underline" href={`/admin/customers/${c.id}`}>{c.name}</Link>
                  </th>
                  <td className="p-2">{c.debtorNumber ?? "—"}</td>
                  <td className="p-2">{KIND_LABELS[c.kind]}</td>
                  <td className="p-2">{c.priceListName ?? "—"}</td>
                  <td className="p-2">{VAT_LABELS[c.vatMode]}</td>
                  <td className="p-2">{c.active ? "Active" : "Inactive"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="card p-4 text-slate-700">No customers match.</p>
      )}
      {list ? <Pagination page={list.page} pageCount={list.pageCount} href={href} /> : null}
    </>
  );
}
