import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { orders } from "@/db/schema";
import { addToCart, ensureCartId, readCart } from "@/lib/cart/store";
import { placeWebOrder, type PlaceOrderResult } from "@/lib/orders/checkout";
import { getOrder, listOrders } from "@/lib/orders/store";
import { priceContextFor } from "@/lib/pricing/context";
import { makeWorld } from "../support/fixtures";

function placed(result: PlaceOrderResult) {
  if (!result.ok) throw new Error(`order refused: ${result.message}`);
  return result;
}

const address = { name: "Jan Müller", company: "Müller GmbH", street: "Hauptstraße 1", postalCode: "70173", city: "Stuttgart", country: "DE" };

describe("placing orders", () => {
  it("turns the cart into one order with a line snapshot and empties the cart", async () => {
    const w = await makeWorld();
    const cartId = await ensureCartId({ kind: "user", userId: w.buyer.id });
    await addToCart(cartId, w.products[0]!.id, 300);
    await addToCart(cartId, w.products[1]!.id, 1);
    const order = placed(await placeWebOrder(w.buyerViewer, cartId, {
      idempotencyKey: randomUUID(),
      paymentMethod: "invoice",
      poReference: "PO-1",
      shippingAddress: address,
      billingAddress: address,
    }));
    expect(order.created).toBe(true);
    const saved = await getOrder(w.buyerViewer, order.id);
    expect(saved?.lines.map((l) => [l.sku, l.quantity, l.unitPrice, l.lineTotal])).toEqual([
      [w.products[0]!.sku, 300, "12.5000", "37.5000"],
      [w.products[1]!.sku, 1, "129.0000", "129.0000"],
    ]);
    expect(saved?.total).toBe("198.1400"); // 166.50 net + 31.64 VAT (19 %)
    expect((await readCart(cartId, priceContextFor(w.buyerViewer))).lines).toHaveLength(0);
    expect((await listOrders(w.buyerViewer)).map((o) => o.id)).toEqual([order.id]);
  });

  it("creates exactly one order when the same checkout is submitted twice at once", async () => {
    const w = await makeWorld();
    const cartId = await ensureCartId({ kind: "user", userId: w.buyer.id });
    await addToCart(cartId, w.products[1]!.id, 2);
    const key = randomUUID();
    const submit = () =>
      placeWebOrder(w.buyerViewer, cartId, { idempotencyKey: key, paymentMethod: "invoice", shippingAddress: address, billingAddress: address });
    const results = (await Promise.all([submit(), submit(), submit()])).map(placed);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const rows = await w.db.select().from(orders).where(eq(orders.customerId, w.b2b.id));
    expect(rows).toHaveLength(1);
  });

  it("refuses an empty cart and leaves everything as it was", async () => {
    const w = await makeWorld();
    const cartId = await ensureCartId({ kind: "user", userId: w.buyer.id });
    expect(await placeWebOrder(w.buyerViewer, cartId, { idempotencyKey: randomUUID(), paymentMethod: "invoice" })).toMatchObject({ ok: false, code: "empty_cart" });
    expect(await listOrders(w.buyerViewer)).toHaveLength(0);
  });

  it("never shows another customer's order", async () => {
    const w = await makeWorld();
    const cartId = await ensureCartId({ kind: "user", userId: w.buyer.id });
    await addToCart(cartId, w.products[1]!.id, 1);
    const order = placed(await placeWebOrder(w.buyerViewer, cartId, { idempotencyKey: randomUUID(), paymentMethod: "invoice" }));
    expect(await getOrder(w.shopperViewer, order.id)).toBeNull();
    expect(await listOrders(w.shopperViewer)).toHaveLength(0);
  });
});
