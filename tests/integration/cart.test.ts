import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { cartLines, products } from "@/db/schema";
import { MAX_LINE_QUANTITY, quantityGuardSql, quantityProblem } from "@/lib/cart/quantity-rules";
import { addToCart, CartError, ensureCartId, mergeAnonymousCart, readCart, removeLine, setLineQuantity, findCartId, cartItemCount } from "@/lib/cart/store";
import { toFixed } from "@/lib/money/decimal";
import { priceContextFor } from "@/lib/pricing/context";
import { makeWorld } from "../support/fixtures";

describe("cart store", () => {
  it("adds, changes and removes lines with quantity rules", async () => {
    const w = await makeWorld();
    const [screw, wrench] = w.products;
    const cartId = await ensureCartId({ kind: "user", userId: w.buyer.id });
    await addToCart(cartId, screw!.id, 200);
    await addToCart(cartId, wrench!.id, 1);
    await expect(addToCart(cartId, screw!.id, 150)).rejects.toThrow(/packs of 100/);
    await expect(addToCart(cartId, screw!.id, 50)).rejects.toBeInstanceOf(CartError);
    await setLineQuantity(cartId, wrench!.id, 3);
    let cart = await readCart(cartId, priceContextFor(w.buyerViewer));
    expect(cart.lines.map((l) => [l.product.id, l.quantity])).toEqual([
      [screw!.id, 200],
      [wrench!.id, 3],
    ]);
    await removeLine(cartId, wrench!.id);
    cart = await readCart(cartId, priceContextFor(w.buyerViewer));
    expect(cart.lineCount).toBe(1);
    expect(await cartItemCount(cartId)).toBe(200);
  });

  it("refuses in the database a line quantity that breaks the pack rule as the product has it now", async () => {
    // The line was added under the old rules (packs of 50); the product is now sold in packs of 100.
    // 100 more is a valid quantity on its own, so only the statement's guard sees that the line
    // would become 150.
    const w = await makeWorld({ products: [{ minQuantity: 50, packQuantity: 50 }] });
    const product = w.products[0]!;
    const cartId = await ensureCartId({ kind: "user", userId: w.buyer.id });
    await addToCart(cartId, product.id, 50);
    await w.db.update(products).set({ minQuantity: 100, packQuantity: 100 }).where(eq(products.id, product.id));

    const refused = addToCart(cartId, product.id, 100);
    await expect(refused).rejects.toBeInstanceOf(CartError);
    await expect(refused).rejects.toThrow("With the 50 already in your cart that makes 150. Sold in packs of 100: order a multiple of 100 (e.g. 100 or 200).");
    await expect(refused).rejects.toMatchObject({ code: "invalid_quantity" });
    const [line] = await w.db.select({ quantity: cartLines.quantity }).from(cartLines).where(eq(cartLines.cartId, cartId));
    expect(line?.quantity).toBe(50);
    // The line is marked, and setting a valid quantity fixes it; an invalid one is refused.
    expect((await readCart(cartId, priceContextFor(w.buyerViewer))).lines[0]!.problem).toMatch(/minimum order quantity is 100/);
    await expect(setLineQuantity(cartId, product.id, 250)).rejects.toThrow(/packs of 100/);
    await setLineQuantity(cartId, product.id, 200);
    expect((await readCart(cartId, priceContextFor(w.buyerViewer))).lines[0]!.quantity).toBe(200);
  });

  it("refuses an add that would take a line over the maximum, and changes nothing", async () => {
    const w = await makeWorld();
    const wrench = w.products[1]!;
    const cartId = await ensureCartId({ kind: "user", userId: w.buyer.id });
    await addToCart(cartId, wrench.id, MAX_LINE_QUANTITY - 1);
    await expect(addToCart(cartId, wrench.id, 2)).rejects.toThrow("A line can hold at most 999,999.");
    await addToCart(cartId, wrench.id, 1);
    expect(await cartItemCount(cartId)).toBe(MAX_LINE_QUANTITY);
  });

  it("refuses to set or add a quantity for a product that is no longer active", async () => {
    const w = await makeWorld();
    const wrench = w.products[1]!;
    const cartId = await ensureCartId({ kind: "user", userId: w.buyer.id });
    await addToCart(cartId, wrench.id, 1);
    await w.db.update(products).set({ active: false }).where(eq(products.id, wrench.id));
    await expect(addToCart(cartId, wrench.id, 1)).rejects.toMatchObject({ code: "unavailable" });
    await expect(setLineQuantity(cartId, wrench.id, 2)).rejects.toMatchObject({ code: "unavailable" });
  });

  it("the SQL guard and quantityProblem agree on every quantity", async () => {
    const rulesList = [
      { minQuantity: 1, packQuantity: 1 },
      { minQuantity: 100, packQuantity: 100 },
      { minQuantity: 12, packQuantity: 5 },
      { minQuantity: 10, packQuantity: 5 },
    ];
    const w = await makeWorld({ products: rulesList });
    const quantities = [0, 1, 4, 5, 10, 12, 15, 50, 99, 100, 150, 200, 999_900, 999_995, MAX_LINE_QUANTITY, MAX_LINE_QUANTITY + 1, -5];
    for (const [i, rules] of rulesList.entries()) {
      for (const q of quantities) {
        const [row] = await w.db
          .select({ ok: sql<boolean>`${quantityGuardSql(sql, q, products.minQuantity, products.packQuantity)}` })
          .from(products)
          .where(eq(products.id, w.products[i]!.id));
        expect(row!.ok, `${q} with ${JSON.stringify(rules)}`).toBe(quantityProblem(q, rules) === null);
      }
    }
  });

  it("keeps both quantities when two requests add the same product at once", async () => {
    const w = await makeWorld();
    const wrench = w.products[1]!;
    const cartId = await ensureCartId({ kind: "user", userId: w.buyer.id });
    await Promise.all(Array.from({ length: 10 }, () => addToCart(cartId, wrench.id, 2)));
    const cart = await readCart(cartId, priceContextFor(w.buyerViewer));
    expect(cart.lines[0]!.quantity).toBe(20);
  });

  it("two tabs of an anonymous browser adding their first products at once share one cart", async () => {
    const w = await makeWorld();
    const browserCartId = crypto.randomUUID();
    const owner = { kind: "anonymous" as const, cartId: browserCartId };
    const [a, b] = await Promise.all([ensureCartId(owner), ensureCartId(owner)]);
    expect(a).toBe(browserCartId);
    expect(b).toBe(browserCartId);
    await Promise.all([addToCart(a, w.products[1]!.id, 1), addToCart(b, w.products[1]!.id, 2)]);
    expect((await readCart(browserCartId, priceContextFor(null))).lines[0]!.quantity).toBe(3);
  });

  it("never adopts an id that belongs to a user's cart", async () => {
    const w = await makeWorld();
    const userCart = await ensureCartId({ kind: "user", userId: w.buyer.id });
    const adopted = await ensureCartId({ kind: "anonymous", cartId: userCart });
    expect(adopted).not.toBe(userCart);
  });

  it("creates one cart per user even when asked concurrently", async () => {
    const w = await makeWorld();
    const ids = await Promise.all(Array.from({ length: 5 }, () => ensureCartId({ kind: "user", userId: w.shopper.id })));
    expect(new Set(ids).size).toBe(1);
  });

  it("prices lines with the customer's tiers, per price unit, net for B2B and gross for consumers", async () => {
    const w = await makeWorld();
    const [screw, wrench, paper] = w.products;
    await w.listPrice(screw!.id, 100, "9.8000");
    await w.listPrice(screw!.id, 1000, "8.9000");
    await w.customerPrice(wrench!.id, 1, "99.0000");
    const b2bCart = await ensureCartId({ kind: "user", userId: w.buyer.id });
    await addToCart(b2bCart, screw!.id, 1000);
    await addToCart(b2bCart, wrench!.id, 1);
    await addToCart(b2bCart, paper!.id, 2);
    const cart = await readCart(b2bCart, priceContextFor(w.buyerViewer));
    const [s, wr, p] = cart.lines;
    expect(toFixed(s!.unitPrice, 4)).toBe("8.9000"); // per 100
    expect(toFixed(s!.lineTotal)).toBe("89.00"); // 1000 pcs at 8.90 / 100
    expect(toFixed(wr!.unitPrice)).toBe("99.00");
    expect(toFixed(p!.lineTotal)).toBe("49.80");
    expect(toFixed(cart.totals.subtotal)).toBe("237.80");
    // VAT per rate: 19% of 188.00 = 35.72; 7% of 49.80 = 3.486 → 3.49
    expect(cart.totals.vat.map((v) => [v.rate, toFixed(v.amount)])).toEqual([
      ["7.00", "3.49"],
      ["19.00", "35.72"],
    ]);
    expect(toFixed(cart.totals.total)).toBe("277.01");

    const consumerCart = await ensureCartId({ kind: "user", userId: w.shopper.id });
    await addToCart(consumerCart, wrench!.id, 1);
    const gross = await readCart(consumerCart, priceContextFor(w.shopperViewer));
    expect(toFixed(gross.lines[0]!.unitPrice)).toBe("153.51"); // 129.00 + 19 %
    expect(toFixed(gross.totals.total)).toBe("153.51");
    expect(toFixed(gross.totals.vatTotal)).toBe("24.51");
  });

  it("merges an anonymous cart into the user's cart on sign-in", async () => {
    const w = await makeWorld();
    const [screw, wrench] = w.products;
    const anon = await ensureCartId({ kind: "anonymous", cartId: null });
    await addToCart(anon, screw!.id, 100);
    await addToCart(anon, wrench!.id, 1);
    const userCart = await ensureCartId({ kind: "user", userId: w.buyer.id });
    await addToCart(userCart, wrench!.id, 2);
    await mergeAnonymousCart(anon, w.buyer.id);
    const cart = await readCart(userCart, priceContextFor(w.buyerViewer));
    expect(cart.lines.map((l) => l.quantity).sort()).toEqual([100, 3]);
    expect(await findCartId({ kind: "anonymous", cartId: anon })).toBeNull();
  });

  it("does not let an anonymous cart id reach a user's cart", async () => {
    const w = await makeWorld();
    const userCart = await ensureCartId({ kind: "user", userId: w.buyer.id });
    expect(await findCartId({ kind: "anonymous", cartId: userCart })).toBeNull();
  });
});
