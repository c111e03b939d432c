import "server-only";
import { z } from "zod";
import type { Viewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { formatUnitPrice, unitLabel } from "@/lib/money/format";
import { priceContextFor, vatRateFor, type PriceContext } from "@/lib/pricing/context";
import { loadPriceInfo } from "@/lib/pricing/load";
import { resolvePrice, tierTable } from "@/lib/pricing/tiers";
import { displayPrice } from "@/lib/pricing/vat";
import type { ViewerPrices } from "@/lib/shopper/viewer-types";
import { getProductsByIds } from "./queries";

/** A page asks for the products it shows: at most one listing page (plus slack), ids only. */
export const MAX_PRICE_IDS = 48;

export const priceQuerySchema = z.object({
  ids: z
    .string()
    .regex(/^\d{1,10}(,\d{1,10})*$/)
    .transform((s) => s.split(",").map(Number))
    .refine((ids) => ids.length <= MAX_PRICE_IDS && ids.every((n) => n >= 1 && n <= 2_147_483_647)),
  tiers: z.enum(["1"]).optional(),
});

/**
 * The signed-in visitor's own prices (customer agreement, price list, tiers; gross for consumers)
 * for products of a cached page. Anonymous visitors see the list price the page already shows.
 * Three indexed queries whatever the number of products.
 */
export async function viewerPrices(viewer: Viewer | null, ids: number[], withTiers: boolean): Promise<ViewerPrices> {
  return viewer ? pricesIn(priceContextFor(viewer), ids, withTiers) : { personal: false, prices: {} };
}

/** One customer's prices for some products (also for pages cached per customer, see page-prices.ts). */
export async function pricesIn(ctx: PriceContext, ids: number[], withTiers: boolean): Promise<ViewerPrices> {
  const products = (await getProductsByIds([...new Set(ids)])).filter((p) => p.active);
  const info = await loadPriceInfo(await getDb(), ctx, products);
  const vat = ctx.includeVat ? "incl. VAT" : "excl. VAT";
  const prices: ViewerPrices["prices"] = {};
  for (const p of products) {
    const i = info.get(p.id)!;
    const shown = (net: ReturnType<typeof resolvePrice>["unitPrice"]) => formatUnitPrice(displayPrice(net, vatRateFor(ctx, p.vatRate), ctx.includeVat), p.currency, p.unit, p.priceUnit);
    prices[p.id] = {
      price: shown(resolvePrice(i, p.minQuantity).unitPrice),
      vat,
      tiers: withTiers ? tierTable(i, p.minQuantity).map((t) => ({ from: `${t.minQuantity} ${unitLabel(p.unit, t.minQuantity)}`, price: shown(t.unitPrice) })) : undefined,
    };
  }
  return { personal: true, prices };
}
