import { amount, type Amount } from "@/lib/money/decimal";

export type Tier = { minQuantity: number; price: string };

export type ProductPriceInfo = {
  listPrice: string;
  /** Tiers agreed with this customer for this product; they win over the price list. */
  customerTiers: Tier[];
  /** Tiers of the customer's price list. */
  listTiers: Tier[];
};

export type PriceSource = "customer" | "price_list" | "list";

export type ResolvedPrice = { unitPrice: Amount; source: PriceSource; minQuantity: number };

function bestTier(tiers: Tier[], quantity: number): Tier | undefined {
  let best: Tier | undefined;
  for (const t of tiers) if (t.minQuantity <= quantity && (!best || t.minQuantity > best.minQuantity)) best = t;
  return best;
}

/**
 * The net price per price unit for `quantity`: the most specific source that has a tier for that
 * quantity (customer agreement, then price list, then list price), and within it the highest tier
 * reached. A price never rises above the list price: a tier worse than the list is ignored.
 */
export function resolvePrice(info: ProductPriceInfo, quantity: number): ResolvedPrice {
  const list = amount(info.listPrice);
  for (const [source, tiers] of [
    ["customer", info.customerTiers],
    ["price_list", info.listTiers],
  ] as const) {
    const tier = bestTier(tiers, quantity);
    if (tier) {
      const price = amount(tier.price);
      if (price <= list) return { unitPrice: price, source, minQuantity: tier.minQuantity };
    }
  }
  return { unitPrice: list, source: "list", minQuantity: 1 };
}

/** The tier table a product page shows: every quantity break with its price, best source first. */
export function tierTable(info: ProductPriceInfo, minOrderQuantity: number): { minQuantity: number; unitPrice: Amount }[] {
  const breaks = new Set<number>([minOrderQuantity]);
  for (const t of [...info.customerTiers, ...info.listTiers]) if (t.minQuantity > minOrderQuantity) breaks.add(t.minQuantity);
  const rows = [...breaks]
    .sort((a, b) => a - b)
    .map((q) => ({ minQuantity: q, unitPrice: resolvePrice(info, q).unitPrice }));
  // Keep only breaks where the price actually changes.
  return rows.filter((r, i) => i === 0 || r.unitPrice !== rows[i - 1]!.unitPrice);
}
