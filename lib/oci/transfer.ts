import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { ociSessions } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { findCartId } from "@/lib/cart/store";
import { placeOrderFromCart } from "@/lib/orders/store";
import { getDb } from "@/lib/db/client";
import { encodeCart } from "./basket";
import { hookOrigin } from "./call";
import type { OciSessionData } from "./session-token";

export class OciTransferError extends Error {}

/**
 * Records a transfer as an order with status "transferred" holding exactly the fields sent, empties
 * the punchout basket and ends the session — once. The order's idempotency key is the session id
 * and the cart row is locked, so double clicks and parallel submits find the first order.
 */
export async function recordOciTransfer(viewer: Viewer, session: OciSessionData): Promise<{ orderId: string; created: boolean }> {
  const cartId = await findCartId({ kind: "oci", userId: viewer.userId, ociSessionId: session.sid });
  if (!cartId) throw new OciTransferError("The basket is empty.");
  const order = await placeOrderFromCart(
    viewer,
    cartId,
    { channel: "oci", status: "transferred", idempotencyKey: `oci:${session.sid}`, paymentMethod: "procurement", ociSessionId: session.sid, ociHookOrigin: hookOrigin(session.hookUrl) },
    async (cart, tx) => {
      const [open] = await tx
        .select({ id: ociSessions.id })
        .from(ociSessions)
        .where(and(eq(ociSessions.id, session.sid), eq(ociSessions.userId, viewer.userId), eq(ociSessions.status, "active")))
        .for("update");
      if (!open) throw new OciTransferError("This punchout session has already ended.");
      const fields = encodeCart(cart, session, viewer.customer.ociVendorNumber);
      await tx.update(ociSessions).set({ status: "transferred", endedAt: sql`now()` }).where(eq(ociSessions.id, session.sid));
      return { ociFields: fields };
    },
  );
  return { orderId: order.id, created: order.created };
}

/** "Cancel": an empty basket goes back; the session ends and the basket is dropped, no order. */
export async function cancelOciSession(viewer: Viewer, session: OciSessionData): Promise<void> {
  const db = await getDb();
  await db
    .update(ociSessions)
    .set({ status: "cancelled", endedAt: sql`now()` })
    .where(and(eq(ociSessions.id, session.sid), eq(ociSessions.userId, viewer.userId), eq(ociSessions.status, "active")));
}
