import "server-only";
import { and, eq } from "drizzle-orm";
import { customers } from "@/db/schema";
import { appSecret } from "@/lib/auth/secret";
import { getDb } from "@/lib/db/client";
import { priceContextOfCustomer, pricingKeyOf } from "@/lib/pricing/context";
import { checkPricePass } from "@/lib/pricing/price-pass";
import type { PagePrices } from "@/lib/shopper/viewer-types";
import { catalogEntry, customerTag } from "./cache-policy";
import { pricesIn } from "./viewer-prices";

/**
 * The prices a page cached for one customer shows (see lib/pricing/price-pass.ts): null for
 * anonymous pages and for a pass that proves nothing, whose pages show list prices like anyone's.
 * Cached per pass and product set, and dropped when the customer or any price changes.
 */
export async function pagePrices(pass: string | undefined, ids: number[], withTiers: boolean): Promise<PagePrices | null> {
  if (!pass || ids.length === 0) return null;
  return passPrices(pass, ids, withTiers);
}

async function passPrices(pass: string, ids: number[], withTiers: boolean): Promise<PagePrices | null> {
  "use cache";
  catalogEntry();
  const check = checkPricePass(appSecret(), pass);
  if (!check.ok) return null;
  catalogEntry(customerTag(check.customerId));
  const db = await getDb();
  const [customer] = await db
    .select({ id: customers.id, kind: customers.kind, priceListId: customers.priceListId, vatMode: customers.vatMode })
    .from(customers)
    .where(and(eq(customers.id, check.customerId), eq(customers.active, true)))
    .limit(1);
  // Passes are issued to business customers only; a customer turned consumer gets its prices per visit.
  if (!customer || customer.kind !== "b2b") return null;
  return { for: pricingKeyOf(customer), ...(await pricesIn(priceContextOfCustomer(customer), ids, withTiers)) };
}
