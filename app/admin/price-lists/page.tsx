import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { z } from "zod";
import { AdminHeading } from "@/components/admin/admin-heading";
import { ListSearch } from "@/components/admin/list-search";
import { Pagination } from "@/components/ui/pagination";
import { requireAdmin } from "@/lib/admin/guard";
import { listPriceLists } from "@/lib/admin/prices";
import { getViewer } from "@/lib/auth/viewer";
import { createPriceListAction } from "./actions";
import { PriceListForm } from "./price-list-form";

export const metadata: Metadata = { title: "Price lists" };

const query = z.object({
  q: z.string().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});

export default async function PriceListsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdmin();
  const { q, page = 1 } = query.parse(await searchParams);
  const result = await listPriceLists(await getViewer(), { q, page });
  const rows = result?.rows ?? [];
  const href = (p: number) => `/admin/price-lists?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;
  return (
    <>
      <AdminHeading title="Price lists" />
      <ListSearch action="/admin/price-lists" q={q} placeholder="Code or name" />
      <div className="card overflow-x-auto">
        {rows.length === 0 ? (
          <p className="p-4 text-slate-700">{q ? "No price list matches." : "No price lists yet."}</p>
        ) : (
          <table className="w-full text-sm" data-testid="price-lists">
            <caption className="sr-only">Price lists{result?.capped ? " (more than 1000)" : ` (${result?.total ?? 0})`}</caption>
            <thead className="border-b border-slate-200 text-left">
              <tr>
                <th scope="col" className="p-2">Code</th>
                <th scope="col" className="p-2">Name</th>
                <th scope="col" className="p-2">Currency</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((l) => (
                <tr key={l.id} className="border-b border-slate-100">
                  <td className="p-2"><Link className="font-medium text-brand-700 underline" href={`/admin/price-lists/${l.id}`}>{l.code}</Link></td>
                  <td className="p-2">{l.name}</td>
                  <td className="p-2">{l.currency}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {result ? <Pagination page={result.page} pageCount={result.pageCount} href={href} open={result.capped} /> : null}
      <section aria-labelledby="create-heading" className="card space-y-3 p-4">
        <h2 id="create-heading" className="text-lg font-semibold">Create a price list</h2>
        <PriceListForm action={createPriceListAction} />
      </section>
    </>
  );
}
