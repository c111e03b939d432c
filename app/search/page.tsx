import type { Metadata } from "next";
import { ProductGrid } from "@/components/catalog/product-card";
import { Pagination } from "@/components/ui/pagination";
import { getViewer } from "@/lib/auth/viewer";
import { PAGE_SIZE, pageCount, searchParamsSchema } from "@/lib/catalog/params";
import { withPrices } from "@/lib/catalog/priced";
import { searchProducts } from "@/lib/catalog/search";
import { priceContextFor } from "@/lib/pricing/context";

export const metadata: Metadata = { title: "Search" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SearchPage({ searchParams }: Props) {
  const { q, page } = searchParamsSchema.parse(await searchParams);
  const [viewer, { items, total }] = await Promise.all([getViewer(), q ? searchProducts(q, page, PAGE_SIZE) : Promise.resolve({ items: [], total: 0 })]);
  const priced = await withPrices(priceContextFor(viewer), items);
  return (
    <div>
      <h1 className="text-2xl font-bold">{q ? <>Search results for “{q}”</> : "Search"}</h1>
      {!q ? (
        <p className="mt-4">Type a product name, an article number or a manufacturer part number in the search box.</p>
      ) : (
        <>
          <p className="my-4 text-sm text-slate-700" aria-live="polite">
            {total} product{total === 1 ? "" : "s"} found
          </p>
          {priced.length > 0 ? (
            <ProductGrid products={priced} />
          ) : (
            <p className="card p-6">Nothing found. Check the spelling or try a shorter word, such as “Schraube” or “glove”.</p>
          )}
          <Pagination page={page} pageCount={pageCount(total)} href={(p) => `/search?${new URLSearchParams({ q, ...(p > 1 ? { page: String(p) } : {}) })}`} />
        </>
      )}
    </div>
  );
}
