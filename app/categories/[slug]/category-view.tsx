import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { ProductGrid } from "@/components/catalog/product-card";
import { Pagination } from "@/components/ui/pagination";
import { pageCount } from "@/lib/catalog/params";
import { categoryPageData } from "@/lib/catalog/page-data";
import { pagePrices } from "@/lib/catalog/page-prices";
import { listingHref, splitPricedKey } from "@/lib/catalog/views";

export async function categoryMetadata(slug: string, viewKey: string): Promise<Metadata> {
  const found = await categoryPageData(slug, splitPricedKey(viewKey).key);
  return { title: found?.category.name ?? "Category not found", alternates: found ? { canonical: listingHref(slug, found.view) } : undefined };
}

/** A category listing (with its subcategories), cached per canonical view (and customer, with their prices). */
export async function CategoryView({ slug, viewKey }: { slug: string; viewKey: string }) {
  const { key, pass } = splitPricedKey(viewKey);
  const found = await categoryPageData(slug, key);
  if (!found) notFound();
  const { view, items, total, totalIsCapped, manufacturers } = found;
  const prices = await pagePrices(pass, items.map((p) => p.id), false);
  return (
    <div>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-slate-600">
        <Link href="/" className="hover:underline">Home</Link>
        {found.parent ? (
          <>
            {" / "}
            <Link href={`/categories/${found.parent.slug}`} className="hover:underline">{found.parent.name}</Link>
          </>
        ) : null}
      </nav>
      <h1 className="text-2xl font-bold">{found.category.name}</h1>
      {found.category.description ? <p className="mt-1 text-slate-700">{found.category.description}</p> : null}
      {found.children.length > 0 ? (
        <ul className="mt-4 flex flex-wrap gap-2" aria-label="Subcategories">
          {found.children.map((c) => (
            <li key={c.id}>
              <Link href={`/categories/${c.slug}`} className="chip">
                {c.name}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      <form method="get" action={`/categories/${slug}`} className="card mt-4 flex flex-wrap items-end gap-4 p-3" aria-label="Filter and sort">
        <div>
          <label htmlFor="sort" className="label">Sort by</label>
          <select id="sort" name="sort" defaultValue={view.sort} className="input">
            <option value="name">Name</option>
            <option value="price_asc">Price: low to high</option>
            <option value="price_desc">Price: high to low</option>
          </select>
        </div>
        <div>
          <label htmlFor="manufacturer" className="label">Manufacturer</label>
          <select id="manufacturer" name="manufacturer" defaultValue={view.manufacturer ?? ""} className="input">
            <option value="">All manufacturers</option>
            {manufacturers.map((m) => (
              <option key={m} value={m}>{m}</option>
            ))}
          </select>
        </div>
        <div className="flex items-center gap-2 pb-2">
          <input id="stock" name="stock" type="checkbox" value="1" defaultChecked={view.inStock} className="h-4 w-4" />
          <label htmlFor="stock" className="text-sm">In stock only</label>
        </div>
        <button type="submit" className="btn-primary">Apply</button>
      </form>
      <p className="my-4 text-sm text-slate-700" aria-live="polite">
        {totalIsCapped ? `More than ${total} products` : `${total} product${total === 1 ? "" : "s"}`}
      </p>
      {items.length > 0 ? (
        <ProductGrid products={items} prices={prices} />
      ) : (
        <p className="card p-6">No products match these filters. <Link className="text-brand-700 underline" href={`/categories/${slug}`}>Show all products in this category</Link>.</p>
      )}
      <Pagination page={view.page} pageCount={pageCount(total)} open={totalIsCapped} href={(page) => listingHref(slug, { ...view, page })} />
    </div>
  );
}
