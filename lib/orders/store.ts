import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { orderLines, orders, type Address } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { getDb, type Tx } from "@/lib/db/client";
import type { OrderDraft } from "./draft";
import type { OrderStatus } from "./status-rules";

/**
 * The one writer of `orders` and `order_lines`. It inserts what a caller composed inside the
 * caller's transaction (web checkout, punchout transfer) and changes an order's status for the back
 * office (lockOrderStatus + setOrderStatus); it never touches carts itself.
 */
export type NewOrder = {
  channel: "web" | "oci" | "cxml";
  status: "placed" | "transferred";
  idempotencyKey: string;
  paymentMethod: "invoice" | "bank_transfer" | "procurement";
  poReference?: string;
  note?: string;
  shippingAddress?: Address | null;
  billingAddress?: Address | null;
  oci?: { sessionId: string; snapshotId: string; hookUrl: string; hookOrigin: string; target: string; charset: string; fields: [string, string][] };
};

export async function findOrderByIdempotencyKey(tx: Tx, key: string) {
  const [row] = await tx.select({ id: orders.id, number: orders.number, customerId: orders.customerId }).from(orders).where(eq(orders.idempotencyKey, key)).limit(1);
  return row ?? null;
}

/** The transfer recorded for a punchout session, if any (at most one: the column is unique). */
export async function findOciOrder(tx: Tx, sessionId: string) {
  const [row] = await tx
    .select({ id: orders.id, userId: orders.userId, snapshotId: orders.ociSnapshotId, hookUrl: orders.ociHookUrl, target: orders.ociTarget, charset: orders.ociCharset, fields: orders.ociFields })
    .from(orders)
    .where(eq(orders.ociSessionId, sessionId))
    .limit(1);
  return row ?? null;
}

export async function insertOrder(tx: Tx, viewer: Viewer, order: NewOrder, draft: OrderDraft): Promise<{ id: string; number: number }> {
  const [created] = await tx
    .insert(orders)
    .values({
      customerId: viewer.customer.id,
      userId: viewer.userId,
      channel: order.channel,
      status: order.status,
      idempotencyKey: order.idempotencyKey,
      paymentMethod: order.paymentMethod,
      poReference: order.poReference ?? "",
      note: order.note ?? "",
      shippingAddress: order.shippingAddress ?? null,
      billingAddress: order.billingAddress ?? null,
      currency: draft.currency,
      pricesIncludeVat: draft.pricesIncludeVat,
      subtotal: draft.subtotal,
      vatTotal: draft.vatTotal,
      total: draft.total,
      ociSessionId: order.oci?.sessionId,
      ociSnapshotId: order.oci?.snapshotId,
      ociHookUrl: order.oci?.hookUrl,
      ociHookOrigin: order.oci?.hookOrigin,
      ociTarget: order.oci?.target,
      ociCharset: order.oci?.charset,
      ociFields: order.oci?.fields,
    })
    .returning({ id: orders.id, number: orders.number });
  await tx.insert(orderLines).values(draft.lines.map((l, i) => ({ orderId: created!.id, lineNo: i + 1, ...l })));
  return created!;
}

/**
 * Locks one order for a status change in the caller's transaction, so two operators changing it
 * at once queue up and the second sees the first one's result.
 */
export async function lockOrderStatus(tx: Tx, id: string) {
  const [row] = await tx
    .select({ id: orders.id, number: orders.number, channel: orders.channel, status: orders.status })
    .from(orders)
    .where(eq(orders.id, id))
    .for("update")
    .limit(1);
  return row ?? null;
}

/**
 * Sets a locked order's status (and when it changed) inside the caller's transaction. `from` is the
 * status the caller just read under the lock: the update matches nothing if it is no longer so.
 */
export async function setOrderStatus(tx: Tx, id: string, change: { from: OrderStatus; to: OrderStatus }): Promise<boolean> {
  const updated = await tx
    .update(orders)
    .set({ status: change.to, statusChangedAt: sql`now()` })
    .where(and(eq(orders.id, id), eq(orders.status, change.from)))
    .returning({ id: orders.id });
  return updated.length === 1;
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
