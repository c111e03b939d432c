import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { AdminHeading } from "@/components/admin/admin-heading";
import { ListSearch } from "@/components/admin/list-search";
import { Pagination } from "@/components/ui/pagination";
import { requireAdmin } from "@/lib/admin/guard";
import { categoryChoices, listProductsForAdmin } from "@/lib/admin/products";
import { getViewer } from "@/lib/auth/viewer";
import { amount } from "@/lib/money/decimal";
import { formatMoney } from "@/lib/money/format";
import { productListHref, productListQuery } from "./page-data";

export const metadata: Metadata = { title: "Products" };

export default async function AdminProductsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdmin();
  const query = productListQuery.parse(await searchParams);
  const viewer = await getViewer();
  const [list, choices] = await Promise.all([
    listProductsForAdmin(viewer, { q: query.q, categoryId: query.category, active: query.active, page: query.page }),
    categoryChoices(viewer),
  ]);
  if (!list || !choices) return null;
  return (
    <>
      <AdminHeading title="Products">
        <Link href="/admin/products/new" className="btn-primary">New product</Link>
      </AdminHeading>
      <ListSearch action="/admin/products" q={query.q} placeholder="Name, article number or part number">
        <div>
          <label htmlFor="category" className="label">Category</label>
          <select id="category" name="category" className="input" defaultValue={query.category ?? ""}>
            <option value="">All categories</option>
            {choices.map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="active" className="label">Status</label>
          <select id="active" name="active" className="input" defaultValue={query.active ?? "all"}>
            <option value="all">Active and inactive</option>
            <option value="active">Active only</option>
            <option value="inactive">Inactive only</option>
          </select>
        </div>
      </ListSearch>
      <p className="text-sm text-slate-700" role="status">
        {list.totalIsCapped ? `More than ${list.total} products` : `${list.total} product${list.total === 1 ? "" : "s"}`}
      </p>
      {list.rows.length > 0 ? (
        <div className="card overflow-x-auto">
          <table className="w-full text-sm" data-testid="admin-products">
            <caption className="sr-only">Products</caption>
            <thead className="border-b border-slate-200 text-left">
              <tr>
                <th scope="col" className="p-2">Article number</th>
                <th scope="col" className="p-2">Name</th>
                <th scope="col" className="p-2">Category</th>
                <th scope="col" className="p-2 text-right">List price</th>
                <th scope="col" className="p-2 text-right">Stock</th>
                <th scope="col" className="p-2">Status</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((p) => (
                <tr key={p.id} className="border-b border-slate-100">
                  <td className="p-2 font-mono"><Link href={`/admin/products/${p.id}`} className="text-brand-700 underline">{p.sku}</Link></td>
                  <td className="p-2">{p.name}</td>
                  <td className="p-2">{p.categoryName}</td>
                  <td className="whitespace-nowrap p-2 text-right">{formatMoney(amount(p.listPrice), p.currency)}{p.priceUnit > 1 ? ` / ${p.priceUnit}` : ""}</td>
                  <td className="p-2 text-right">{p.stock}</td>
                  <td className="p-2">{p.active ? "Active" : "Inactive"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="card p-4">No products match.</p>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} href={(n) => productListHref(query, n)} />
    </>
  );
}
