import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ProductGrid } from "@/components/catalog/product-card";
import { Pagination } from "@/components/ui/pagination";
import { getViewer } from "@/lib/auth/viewer";
import { PAGE_SIZE, listingParamsSchema, pageCount, slugSchema } from "@/lib/catalog/params";
import { withPrices } from "@/lib/catalog/priced";
import { getCategoryBySlug, listManufacturers, listProducts } from "@/lib/catalog/queries";
import { priceContextFor } from "@/lib/pricing/context";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// Metadata and page share one lookup per request.
const load = cache(async (slug: string) => (slugSchema.safeParse(slug).success ? getCategoryBySlug(slug) : null));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await load((await params).slug);
  return { title: found?.category.name ?? "Category not found" };
}

export default async function CategoryPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const found = await load(slug);
  if (!found) notFound();
  const query = listingParamsSchema.parse(await searchParams);
  const categoryIds = [found.category.id, ...found.children.map((c) => c.id)];
  const [viewer, { items, total }, manufacturers] = await Promise.all([
    getViewer(),
    listProducts({ categoryIds, sort: query.sort, page: query.page, pageSize: PAGE_SIZE, manufacturer: query.manufacturer, inStock: query.stock === "1" }),
    listManufacturers(categoryIds),
  ]);
  const priced = await withPrices(priceContextFor(viewer), items);
  const href = (page: number) => {
    const sp = new URLSearchParams();
    if (query.sort !== "name") sp.set("sort", query.sort);
    if (query.manufacturer) sp.set("manufacturer", query.manufacturer);
    if (query.stock) sp.set("stock", "1");
    if (page > 1) sp.set("page", String(page));
    const s = sp.toString();
    return `/categories/${slug}${s ? `?${s}` : ""}`;
  };
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
              <Link href={`/categories/${c.slug}`} className="inline-block rounded-full border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-brand-50">
                {c.name}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      <form method="get" className="card mt-4 flex flex-wrap items-end gap-4 p-3" aria-label="Filter and sort">
        <div>
          <label htmlFor="sort" className="label">Sort by</label>
          <select id="sort" name="sort" defaultValue={query.sort} className="input">
            <option value="name">Name</option>
            <option value="price_asc">Price: low to high</option>
            <option value="price_desc">Price: high to low</option>
          </select>
        </div>
        <div>
          <label htmlFor="manufacturer" className="label">Manufacturer</label>
          <select id="manufacturer" name="manufacturer" defaultValue={query.manufacturer ?? ""} className="input">
            <option value="">All manufacturers</option>
            {manufacturers.map((m) => (
              <option key={m} value={m}>{m}</option>
            ))}
          </select>
        </div>
        <div className="flex items-center gap-2 pb-2">
          <input id="stock" name="stock" type="checkbox" value="1" defaultChecked={query.stock === "1"} className="h-4 w-4" />
          <label htmlFor="stock" className="text-sm">In stock only</label>
        </div>
        <button type="submit" className="btn-primary">Apply</button>
      </form>
      <p className="my-4 text-sm text-slate-700" aria-live="polite">
        {total} product{total === 1 ? "" : "s"}
      </p>
      {priced.length > 0 ? (
        <ProductGrid products={priced} />
      ) : (
        <p className="card p-6">No products match these filters. <Link className="text-brand-700 underline" href={`/categories/${slug}`}>Show all products in this category</Link>.</p>
      )}
      <Pagination page={query.page} pageCount={pageCount(total)} href={href} />
    </div>
  );
}
