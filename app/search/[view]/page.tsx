import type { Metadata } from "next";
import { ProductGrid } from "@/components/catalog/product-card";
import { Pagination } from "@/components/ui/pagination";
import { pageCount } from "@/lib/catalog/params";
import { searchPageData } from "@/lib/catalog/page-data";
import { pagePrices } from "@/lib/catalog/page-prices";
import { BUILD_PLACEHOLDER, searchHref, splitPricedKey } from "@/lib/catalog/views";

type Props = { params: Promise<{ view: string }> };

// `/search?q=…&page=…` arrives here through next.config.ts (plain queries) or the proxy (the rest,
// normalised): one cached page per query (and customer, with their prices).
export function generateStaticParams() {
  return [{ view: BUILD_PLACEHOLDER }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { view } = await searchPageData(splitPricedKey((await params).view).key);
  return { title: view.q ? `Search: ${view.q}` : "Search", robots: { index: false } };
}

export default async function SearchPage({ params }: Props) {
  const { key, pass } = splitPricedKey((await params).view);
  const { view, items, total, totalIsCapped } = await searchPageData(key);
  const { q, page } = view;
  const prices = await pagePrices(pass, items.map((p) => p.id), false);
  return (
    <div>
      <h1 className="text-2xl font-bold">{q ? <>Search results for “{q}”</> : "Search"}</h1>
      <form action="/search" method="get" aria-label="Search again" className="mt-4 flex max-w-xl gap-2">
        <label htmlFor="search-page-q" className="sr-only">Search</label>
        <input id="search-page-q" name="q" type="search" defaultValue={q} maxLength={200} className="input flex-1" placeholder="Name, article or part number" />
        <button type="submit" className="btn-primary">Search</button>
      </form>
      {!q ? (
        <p className="mt-4">Type a product name, an article number or a manufacturer part number in the search box.</p>
      ) : (
        <>
          <p className="my-4 text-sm text-slate-700" aria-live="polite">
            {totalIsCapped ? `More than ${total} products found` : `${total} product${total === 1 ? "" : "s"} found`}
          </p>
          {items.length > 0 ? (
            <ProductGrid products={items} prices={prices} />
          ) : (
            <p className="card p-6">Nothing found. Check the spelling or try a shorter word, such as “Schraube” or “glove”.</p>
          )}
          <Pagination page={page} pageCount={pageCount(total)} href={(p) => searchHref({ q, page: p })} />
        </>
      )}
    </div>
  );
}
