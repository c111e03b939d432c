import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { clearCart, lockCart, readCart } from "@/lib/cart/store";
import { getDb } from "@/lib/db/client";
import { priceContextFor } from "@/lib/pricing/context";
import { orderDraftFromCart } from "./draft";
import { findOrderByIdempotencyKey, insertOrder, type NewOrder } from "./store";

export type PlaceOrderResult = { ok: true; id: string; number: number; created: boolean } | { ok: false; code: "empty_cart" | "cart_problem"; message: string };

/**
 * A web checkout in one transaction: the cart row is locked first, so a double submit or a second
 * tab waits, then finds the order already placed (by its idempotency key) or an empty cart. Prices
 * are the customer's at this moment, read inside the transaction; the cart empties with the order.
 */
export async function placeWebOrder(viewer: Viewer, cartId: string, order: Omit<NewOrder, "channel" | "status" | "oci">): Promise<PlaceOrderResult> {
  const db = await getDb();
  return db.transaction(async (tx): Promise<PlaceOrderResult> => {
    await lockCart(tx, cartId);
    const existing = await findOrderByIdempotencyKey(tx, order.idempotencyKey);
    if (existing && existing.customerId === viewer.customer.id) return { ok: true, id: existing.id, number: existing.number, created: false };
    if (existing) return { ok: false, code: "cart_problem", message: "The form expired: reload the page" };

    const cart = await readCart(cartId, priceContextFor(viewer), tx);
    if (cart.lines.length === 0) return { ok: false, code: "empty_cart", message: "Your cart is empty." };
    const problem = cart.lines.find((l) => l.problem);
    if (problem) return { ok: false, code: "cart_problem", message: `${problem.product.name}: ${problem.problem}` };

    const created = await insertOrder(tx, viewer, { ...order, channel: "web", status: "placed" }, orderDraftFromCart(cart));
    await clearCart(cartId, tx);
    return { ok: true, ...created, created: true };
  });
}
