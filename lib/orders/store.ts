import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { carts, orderLines, orders, type Address } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { readCart } from "@/lib/cart/store";
import type { PricedCart } from "@/lib/cart/types";
import { getDb, type Tx } from "@/lib/db/client";
import { toDb } from "@/lib/money/decimal";
import { priceContextFor } from "@/lib/pricing/context";

export class OrderError extends Error {
  constructor(
    message: string,
    readonly code: "empty_cart" | "cart_problem",
  ) {
    super(message);
  }
}

type NewOrder = {
  channel: "web" | "oci";
  status: "placed" | "transferred";
  idempotencyKey: string;
  paymentMethod: "invoice" | "bank_transfer" | "procurement";
  poReference?: string;
  note?: string;
  shippingAddress?: Address | null;
  billingAddress?: Address | null;
  ociSessionId?: string;
  ociHookOrigin?: string;
  ociFields?: [string, string][];
};

/**
 * Turns a cart into an order in one transaction: the cart row is locked first, so a double submit
 * or a second tab waits, then finds the order already placed (by its idempotency key) or an empty
 * cart. Prices are the customer's at this moment, read inside the transaction.
 */
export async function placeOrderFromCart(
  viewer: Viewer,
  cartId: string,
  order: NewOrder,
  beforeInsert?: (cart: PricedCart, tx: Tx) => Promise<Partial<NewOrder>> | Partial<NewOrder>,
): Promise<{ id: string; number: number; created: boolean }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.select({ id: carts.id }).from(carts).where(eq(carts.id, cartId)).for("update");
    const [existing] = await tx
      .select({ id: orders.id, number: orders.number, customerId: orders.customerId })
      .from(orders)
      .where(eq(orders.idempotencyKey, order.idempotencyKey))
      .limit(1);
    if (existing && existing.customerId === viewer.customer.id) return { id: existing.id, number: existing.number, created: false };
    if (existing) throw new OrderError("The form expired: reload the page", "cart_problem");

    const ctx = priceContextFor(viewer);
    const cart = await readCart(cartId, ctx, tx);
    if (cart.lines.length === 0) throw new OrderError("Your cart is empty.", "empty_cart");
    const problem = cart.lines.find((l) => l.problem);
    if (problem) throw new OrderError(`${problem.product.name}: ${problem.problem}`, "cart_problem");
    const extra = beforeInsert ? await beforeInsert(cart, tx) : {};
    const values = { ...order, ...extra };

    const [created] = await tx
      .insert(orders)
      .values({
        customerId: viewer.customer.id,
        userId: viewer.userId,
        channel: values.channel,
        status: values.status,
        idempotencyKey: values.idempotencyKey,
        paymentMethod: values.paymentMethod,
        poReference: values.poReference ?? "",
        note: values.note ?? "",
        shippingAddress: values.shippingAddress ?? null,
        billingAddress: values.billingAddress ?? null,
        currency: cart.currency,
        pricesIncludeVat: cart.totals.includesVat,
        subtotal: toDb(cart.totals.subtotal),
        vatTotal: toDb(cart.totals.vatTotal),
        total: toDb(cart.totals.total),
        ociSessionId: values.ociSessionId,
        ociHookOrigin: values.ociHookOrigin,
        ociFields: values.ociFields,
      })
      .returning({ id: orders.id, number: orders.number });
    await tx.insert(orderLines).values(
      cart.lines.map((l, i) => ({
        orderId: created!.id,
        lineNo: i + 1,
        productId: l.product.id,
        sku: l.product.sku,
        name: l.product.name,
        unit: l.product.unit,
        priceUnit: l.product.priceUnit,
        unitPrice: toDb(l.unitPrice),
        quantity: l.quantity,
        lineTotal: toDb(l.lineTotal),
        vatRate: l.product.vatRate,
      })),
    );
    await tx.execute(sql`delete from cart_lines where cart_id = ${cartId}::uuid`);
    return { id: created!.id, number: created!.number, created: true };
  });
}

/** Orders of the viewer's customer: authorization is part of the query. */
export async function listOrders(viewer: Viewer, limit = 50) {
  const db = await getDb();
  return db
    .select({
      id: orders.id,
      number: orders.number,
      status: orders.status,
      channel: orders.channel,
      total: orders.total,
      currency: orders.currency,
      pricesIncludeVat: orders.pricesIncludeVat,
      poReference: orders.poReference,
      createdAt: orders.createdAt,
    })
    .from(orders)
    .where(eq(orders.customerId, viewer.customer.id))
    .orderBy(desc(orders.createdAt))
    .limit(limit);
}

export async function getOrder(viewer: Viewer, id: string) {
  const db = await getDb();
  const [order] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.id, id), eq(orders.customerId, viewer.customer.id)))
    .limit(1);
  if (!order) return null;
  const lines = await db.select().from(orderLines).where(eq(orderLines.orderId, id)).orderBy(asc(orderLines.lineNo));
  return { ...order, lines };
}
