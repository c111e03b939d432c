import "server-only";
import { getDb } from "@/lib/db/client";
import type { PriceContext } from "@/lib/pricing/context";
import { loadPriceInfo } from "@/lib/pricing/load";
import { resolvePrice } from "@/lib/pricing/tiers";
import { displayPrice } from "@/lib/pricing/vat";
import type { PricedProduct, ProductSummary } from "./types";

/** Adds the viewer's price (at the minimum order quantity) to each product: two queries in all. */
export async function withPrices<P extends ProductSummary>(ctx: PriceContext, items: P[]): Promise<PricedProduct<P>[]> {
  const info = await loadPriceInfo(await getDb(), ctx, items);
  return items.map((p) => {
    const net = resolvePrice(info.get(p.id)!, p.minQuantity).unitPrice;
    return { ...p, price: displayPrice(net, p.vatRate, ctx.includeVat), includesVat: ctx.includeVat };
  });
}
