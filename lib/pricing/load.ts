import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { customerPrices, priceListPrices } from "@/db/schema";
import type { Db, Tx } from "@/lib/db/client";
import type { PriceContext } from "./context";
import type { ProductPriceInfo, Tier } from "./tiers";

/** Loads the tiers of many products in at most two indexed queries (never one per product). */
export async function loadPriceInfo(
  db: Db | Tx,
  ctx: PriceContext,
  items: { id: number; listPrice: string }[],
): Promise<Map<number, ProductPriceInfo>> {
  const ids = [...new Set(items.map((p) => p.id))];
  const customerTiers = new Map<number, Tier[]>();
  const listTiers = new Map<number, Tier[]>();
  if (ids.length > 0) {
    const [cRows, lRows] = await Promise.all([
      ctx.customerId
        ? db
            .select({ productId: customerPrices.productId, minQuantity: customerPrices.minQuantity, price: customerPrices.price })
            .from(customerPrices)
            .where(and(eq(customerPrices.customerId, ctx.customerId), inArray(customerPrices.productId, ids)))
        : Promise.resolve([]),
      ctx.priceListId
        ? db
            .select({ productId: priceListPrices.productId, minQuantity: priceListPrices.minQuantity, price: priceListPrices.price })
            .from(priceListPrices)
            .where(and(eq(priceListPrices.priceListId, ctx.priceListId), inArray(priceListPrices.productId, ids)))
        : Promise.resolve([]),
    ]);
    for (const r of cRows) customerTiers.set(r.productId, [...(customerTiers.get(r.productId) ?? []), r]);
    for (const r of lRows) listTiers.set(r.productId, [...(listTiers.get(r.productId) ?? []), r]);
  }
  return new Map(
    items.map((p) => [
      p.id,
      { listPrice: p.listPrice, customerTiers: customerTiers.get(p.id) ?? [], listTiers: listTiers.get(p.id) ?? [] },
    ]),
  );
}
