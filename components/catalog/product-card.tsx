import { productImageUrl } from "@/lib/catalog/image-url";
import Link from "next/link";
import type { ProductSummary } from "@/lib/catalog/types";
import type { PagePrices } from "@/lib/shopper/viewer-types";
import { amount } from "@/lib/money/decimal";
import { formatUnitPrice } from "@/lib/money/format";
import { StockBadge } from "./stock-badge";
import { PricesScope, ViewerPrice } from "./viewer-prices";

/** The list price as everyone sees it before (or without) the visitor's own prices. */
export function listPriceText(p: ProductSummary): string {
  return formatUnitPrice(amount(p.listPrice), p.currency, p.unit, p.priceUnit);
}

export function ProductCard({ product }: { product: ProductSummary }) {
  return (
    <li className="card flex flex-col overflow-hidden">
      <img src={productImageUrl(product)} alt="" width={400} height={400} loading="lazy" className="aspect-square w-full bg-slate-100 object-cover" />
      <div className="flex flex-1 flex-col gap-1 p-3">
        <Link href={`/products/${product.slug}`} className="font-medium text-brand-700 hover:underline">
          {product.name}
        </Link>
        <p className="text-xs text-slate-600">
          {product.manufacturer} · Art. {product.sku}
        </p>
        <div className="mt-auto pt-2 text-sm">
          <ViewerPrice productId={product.id} listPrice={listPriceText(product)} />
        </div>
        <StockBadge stock={product.stock} leadTimeDays={product.leadTimeDays} />
      </div>
    </li>
  );
}

/** `prices`: the customer's own, when the page is cached for one (see lib/catalog/page-prices.ts). */
export function ProductGrid({ products, prices = null }: { products: ProductSummary[]; prices?: PagePrices | null }) {
  return (
    <PricesScope ids={products.map((p) => p.id)} initial={prices}>
      <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4" data-testid="product-grid">
        {products.map((p) => (
          <ProductCard key={p.id} product={p} />
        ))}
      </ul>
    </PricesScope>
  );
}
