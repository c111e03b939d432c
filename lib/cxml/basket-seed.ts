import "server-only";
import { inArray, or } from "drizzle-orm";
import { products, type CxmlItemOut } from "@/db/schema";
import { addToCart, CartError, ensureCartId } from "@/lib/cart/store";
import { getDb } from "@/lib/db/client";
import type { OciSessionData } from "@/lib/oci/session-token";

/**
 * An edit or inspect setup starts from the requisition's lines: each ItemOut is found by its
 * SupplierPartID (our SKU), else by its SupplierPartAuxiliaryID (our product id, which our own
 * order message sends), and added to the new punchout's basket through the cart's own rules. A
 * line that no longer exists or breaks a quantity rule is left out and counted.
 */
export async function seedBasket(session: Pick<OciSessionData, "sid" | "userId">, items: readonly CxmlItemOut[]): Promise<{ restored: number; missing: number }> {
  if (items.length === 0) return { restored: 0, missing: 0 };
  const db = await getDb();
  const skus = [...new Set(items.map((i) => i.supplierPartId))];
  const ids = [...new Set(items.map((i) => Number(i.auxiliaryId)).filter((n) => Number.isSafeInteger(n) && n > 0))];
  const found = await db
    .select({ id: products.id, sku: products.sku })
    .from(products)
    .where(ids.length ? or(inArray(products.sku, skus), inArray(products.id, ids)) : inArray(products.sku, skus));
  const bySku = new Map(found.map((p) => [p.sku, p.id]));
  const byId = new Set(found.map((p) => p.id));
  const cartId = await ensureCartId({ kind: "oci", userId: session.userId, ociSessionId: session.sid });
  let restored = 0;
  for (const item of items) {
    const aux = Number(item.auxiliaryId);
    const productId = bySku.get(item.supplierPartId) ?? (byId.has(aux) ? aux : undefined);
    if (productId === undefined) continue;
    try {
      await addToCart(cartId, productId, item.quantity);
      restored += 1;
    } catch (error) {
      if (!(error instanceof CartError)) throw error;
    }
  }
  return { restored, missing: items.length - restored };
}
