import "server-only";
import { createHash } from "node:crypto";
import { and, desc, eq, lte, ne } from "drizzle-orm";
import { ociSnapshots } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { clearCart, findCartId, lockCart, readCart } from "@/lib/cart/store";
import type { PricedCart } from "@/lib/cart/types";
import { categoryParents } from "@/lib/catalog/queries";
import { getDb, type Db, type Tx } from "@/lib/db/client";
import { orderDraftFromCart, type OrderDraft } from "@/lib/orders/draft";
import { findOciOrder, insertOrder } from "@/lib/orders/store";
import { priceContextFor } from "@/lib/pricing/context";
import { payloadHost, newStamp } from "@/lib/cxml/document";
import { basketLines, cxmlFields, encodeCart, type OciForm } from "./basket";
import { hookOrigin } from "./inbound-call";
import { ociProfileOf } from "./profile-store";
import { endSessionIn, lockSession } from "./punchout-session";
import type { OciSessionData } from "./session-token";

/**
 * The transfer: what the cart page renders is frozen as a snapshot (the exact ordered fields and
 * the priced lines); "Return to Procurement System" records that snapshot as a transferred order
 * in one transaction *before* the basket leaves, then the browser posts the same list to the hook.
 * This module owns `oci_snapshots` and composes the cart, order and session owners' functions.
 */

/** What the buyer's browser sends to the hook, as stored with the order. */
export type TransferRecord = { orderId: string; hookUrl: string; target: string; charset: "utf-8" | "iso-8859-1"; fields: [string, string][] };

export type TransferResult =
  | { ok: true; created: boolean; record: TransferRecord }
  /** The basket is not what the page showed (another tab, a price change): nothing was recorded. */
  | { ok: false; reason: "changed" }
  | { ok: false; reason: "ended" | "expired" | "unknown" };

export type CancelResult = { ok: true; hookUrl: string; target: string; charset: "utf-8" | "iso-8859-1"; fields: [string, string][] } | { ok: false; reason: "ended" | "expired" };

/**
 * "confirm": the normal path — the snapshot must still be the session's current one and equal the
 * basket as it is now. "sent": the browser has already submitted the form (SAP GUI's SAPEVENT
 * target must be submitted by the click itself), so what was sent is recorded as it was.
 */
export type TransferMode = "confirm" | "sent";

const KEEP_SNAPSHOTS = 5;

const digestOf = (fields: [string, string][], draft: OrderDraft) => createHash("sha256").update(JSON.stringify([fields, draft])).digest("base64url");

async function currentSnapshot(db: Db | Tx, sessionId: string) {
  const [row] = await db
    .select({ id: ociSnapshots.id, digest: ociSnapshots.digest, fields: ociSnapshots.fields })
    .from(ociSnapshots)
    .where(eq(ociSnapshots.sessionId, sessionId))
    .orderBy(desc(ociSnapshots.seq))
    .limit(1);
  return row ?? null;
}

/** The basket as the customer's profile writes it now: a changed profile changes the next snapshot, never a stored one. */
async function freeze(db: Db | Tx, session: OciSessionData, cart: PricedCart, customerId: number): Promise<{ ok: true; id: string; fields: [string, string][] } | { ok: false; error: string }> {
  const [{ profile }, parents] = await Promise.all([ociProfileOf(customerId, db), categoryParents(db)]);
  const encoded = encodeCart(cart, session, profile, parents);
  if (!encoded.ok) return encoded;
  const draft = orderDraftFromCart(cart);
  const digest = digestOf(encoded.fields, draft);
  const current = await currentSnapshot(db, session.sid);
  // The stored fields, not the ones just encoded: a cXML snapshot keeps the payloadID it was given.
  if (current?.digest === digest) return { ok: true, id: current.id, fields: current.fields };
  // A new cXML snapshot is a new document: its own payloadID and timestamp.
  const fields = session.cxml ? cxmlFields(session.cxml, basketLines(cart, parents), cart.currency, profile, newStamp(payloadHost())) : encoded.fields;
  const [row] = await db.insert(ociSnapshots).values({ sessionId: session.sid, digest, fields, order: draft }).returning({ id: ociSnapshots.id, seq: ociSnapshots.seq });
  // A session keeps its last few snapshots (a tab may still show one of them), not every edit.
  await db.delete(ociSnapshots).where(and(eq(ociSnapshots.sessionId, session.sid), lte(ociSnapshots.seq, row!.seq - KEEP_SNAPSHOTS)));
  return { ok: true, id: row!.id, fields };
}

/**
 * What "cancel" sends: OCI's echo fields; for cXML an order message without lines — or, for an
 * inspect, with the basket's unchanged lines (the only way back from a read-only punchout).
 */
async function cancelFieldsFor(db: Db | Tx, session: OciSessionData, viewer: Viewer, cart?: PricedCart): Promise<[string, string][]> {
  if (!session.cxml) return session.echoFields;
  const stamp = newStamp(payloadHost());
  if (session.cxml.operation !== "inspect") return cxmlFields(session.cxml, [], cart?.currency ?? "EUR", { unitCodes: {} }, stamp);
  const basket = cart ?? (await readCart(await findCartId({ kind: "oci", userId: viewer.userId, ociSessionId: session.sid }, db), priceContextFor(viewer), db));
  const [{ profile }, parents] = await Promise.all([ociProfileOf(viewer.customer.id, db), categoryParents(db)]);
  return cxmlFields(session.cxml, basketLines(basket, parents), basket.currency, profile, stamp);
}

/** The return form for the cart page: the basket frozen as the session's current snapshot. */
export async function returnFormFor(session: OciSessionData, viewer: Viewer, cart: PricedCart): Promise<OciForm> {
  const db = await getDb();
  const readOnly = session.cxml?.operation === "inspect";
  const base = { action: session.hookUrl, target: session.target, charset: session.charset, cancelFields: await cancelFieldsFor(db, session, viewer, cart), protocol: session.cxml ? ("cxml" as const) : ("oci" as const), readOnly };
  const available = cart.lines.filter((l) => l.available);
  // An inspect is never frozen for transfer: nothing it shows may come back as a change.
  if (readOnly) return { ...base, snapshotId: null, fields: [], error: null };
  if (available.length === 0) return { ...base, snapshotId: null, fields: [], error: null };
  const frozen = await freeze(db, session, cart, viewer.customer.id);
  if (!frozen.ok) return { ...base, snapshotId: null, fields: [], error: frozen.error };
  return { ...base, snapshotId: frozen.id, fields: frozen.fields, error: null };
}

/**
 * Records the snapshot as the session's transferred order — exactly once. The session row is locked
 * first, so a double click, two tabs or a repeated POST queue up and then find the stored record,
 * which they get back unchanged. `session` is the cookie's data; after a transfer the cookie is gone
 * and a repeat finds the record by the snapshot id alone (always scoped to the viewer).
 */
export async function recordTransfer(viewer: Viewer, snapshotId: string, session: OciSessionData | null, mode: TransferMode): Promise<TransferResult> {
  const db = await getDb();
  return db.transaction(async (tx): Promise<TransferResult> => {
    const [snapshot] = await tx.select().from(ociSnapshots).where(eq(ociSnapshots.id, snapshotId)).limit(1);
    // Pruned long ago while this session went on: the page is just old.
    if (!snapshot) return session ? { ok: false, reason: "changed" } : { ok: false, reason: "unknown" };
    const row = await lockSession(tx, snapshot.sessionId, viewer.userId);
    if (!row) return { ok: false, reason: "unknown" };

    const existing = await findOciOrder(tx, snapshot.sessionId);
    if (existing) {
      if (existing.snapshotId !== snapshot.id || existing.userId !== viewer.userId) return { ok: false, reason: "ended" };
      return { ok: true, created: false, record: { orderId: existing.id, hookUrl: existing.hookUrl!, target: existing.target!, charset: existing.charset as TransferRecord["charset"], fields: existing.fields! } };
    }
    if (row.status === "expired" || (row.status === "active" && row.over)) {
      await endSessionIn(tx, snapshot.sessionId, "expired");
      return { ok: false, reason: "expired" };
    }
    if (row.status !== "active" || !session || session.sid !== snapshot.sessionId || session.cxml?.operation === "inspect") return { ok: false, reason: "ended" };

    const cartId = await findCartId({ kind: "oci", userId: viewer.userId, ociSessionId: session.sid }, tx);
    if (!cartId) return { ok: false, reason: "changed" };
    await lockCart(tx, cartId);
    // Only SAP GUI's target has to be submitted before the shop records; every other hook waits.
    if (mode === "confirm" || hookOrigin(session.hookUrl) !== "SAPEVENT") {
      const cart = await readCart(cartId, priceContextFor(viewer), tx);
      const blocked = cart.lines.some((l) => l.problem);
      const now = await freeze(tx, session, cart, viewer.customer.id);
      // Freezing the basket as it is now yields this very snapshot only if it is the current one and
      // the basket still matches it; otherwise the (new) current snapshot stays for the page to show
      // page to show; nothing is recorded.
      if (blocked || !now.ok || now.id !== snapshot.id) return { ok: false, reason: "changed" };
    }

    const record = { hookUrl: session.hookUrl, target: session.target, charset: session.charset, fields: snapshot.fields };
    const order = await insertOrder(
      tx,
      viewer,
      {
        channel: session.cxml ? "cxml" : "oci",
        status: "transferred",
        idempotencyKey: `oci:${session.sid}`,
        paymentMethod: "procurement",
        oci: { sessionId: session.sid, snapshotId: snapshot.id, hookOrigin: hookOrigin(session.hookUrl), ...record },
      },
      snapshot.order,
    );
    await clearCart(cartId, tx);
    await endSessionIn(tx, session.sid, "transferred");
    // Only the snapshot that left is worth keeping.
    await tx.delete(ociSnapshots).where(and(eq(ociSnapshots.sessionId, session.sid), ne(ociSnapshots.id, snapshot.id)));
    return { ok: true, created: true, record: { orderId: order.id, ...record } };
  });
}

/** "Cancel": the session ends without an order; only the echo fields go back. Repeats are harmless. */
export async function cancelTransfer(viewer: Viewer, session: OciSessionData): Promise<CancelResult> {
  const db = await getDb();
  return db.transaction(async (tx): Promise<CancelResult> => {
    const row = await lockSession(tx, session.sid, viewer.userId);
    if (!row) return { ok: false, reason: "ended" };
    if (row.status === "active" && row.over) {
      await endSessionIn(tx, session.sid, "expired");
      return { ok: false, reason: "expired" };
    }
    if (row.status !== "active" && row.status !== "cancelled") return { ok: false, reason: row.status === "expired" ? "expired" : "ended" };
    const fields = await cancelFieldsFor(tx, session, viewer);
    await endSessionIn(tx, session.sid, "cancelled");
    return { ok: true, hookUrl: session.hookUrl, target: session.target, charset: session.charset, fields };
  });
}
