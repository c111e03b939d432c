import { productImageUrl } from "@/lib/catalog/image-url";
import type { ProductSummary } from "@/lib/catalog/types";
import { amount } from "@/lib/money/decimal";
import { formatUnitPrice } from "@/lib/money/format";
import type { PagePrices } from "@/lib/shopper/viewer-types";
import { ProductCards, type ProductCardData } from "./product-cards";

/** The list price as everyone sees it before (or without) the visitor's own prices. */
export function listPriceText(p: ProductSummary): string {
  return formatUnitPrice(amount(p.listPrice), p.currency, p.unit, p.priceUnit);
}

function cardOf(p: ProductSummary): ProductCardData {
  return { id: p.id, slug: p.slug, name: p.name, manufacturer: p.manufacturer, sku: p.sku, image: productImageUrl(p), listPrice: listPriceText(p), stock: p.stock, leadTimeDays: p.leadTimeDays };
}

/**
 * A grid of product cards. The cards are drawn by a client component from a few fields each: a
 * cached listing then carries its products once as data beside its HTML, instead of a second
 * copy of every card's markup in the page's component payload (half the bytes of a listing).
 * `prices`: the customer's own, when the page is cached for one (see lib/catalog/page-prices.ts).
 */
export function ProductGrid({ products, prices = null }: { products: ProductSummary[]; prices?: PagePrices | null }) {
  return <ProductCards cards={products.map(cardOf)} prices={prices} />;
}
