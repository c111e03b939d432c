import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { ProductGrid } from "@/components/catalog/product-card";
import { homePageData } from "@/lib/catalog/page-data";
import { pagePrices } from "@/lib/catalog/page-prices";
import { BUILD_PLACEHOLDER, DEFAULT_VIEW, splitPricedKey } from "@/lib/catalog/views";

// next.config.ts serves `/` from here (with a business customer's price pass: `for=<pass>`), so the home page is cached like every other catalog page (a
// route without a parameter would be rendered at build time, from a database the build must not open).
export function generateStaticParams() {
  return [{ view: BUILD_PLACEHOLDER }];
}

export const metadata: Metadata = { alternates: { canonical: "/" } };

export default async function HomePage({ params }: { params: Promise<{ view: string }> }) {
  const { key, pass } = splitPricedKey((await params).view);
  if (key !== DEFAULT_VIEW) notFound();
  const { categories, featured } = await homePageData();
  const prices = await pagePrices(pass, featured.map((p) => p.id), false);
  return (
    <div className="space-y-10">
      <section className="rounded-xl bg-white p-6 shadow-sm">
        <h1 className="text-3xl font-bold tracking-tight">Industrial supplies for professionals</h1>
        <p className="mt-2 max-w-2xl text-slate-700">
          Fasteners, tools, safety gear, workshop chemicals and office supplies — with your agreed prices, delivered
          from stock. Procurement systems can connect through OCI punchout.
        </p>
      </section>
      <section aria-labelledby="categories-heading">
        <h2 id="categories-heading" className="mb-4 text-xl font-semibold">
          Categories
        </h2>
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
          {categories.map((c) => (
            <li key={c.id}>
              <Link href={`/categories/${c.slug}`} className="card block p-4 font-medium text-brand-700 hover:bg-brand-50">
                {c.name}
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="featured-heading">
        <h2 id="featured-heading" className="mb-4 text-xl font-semibold">
          Featured products
        </h2>
        <ProductGrid products={featured} prices={prices} />
      </section>
    </div>
  );
}
