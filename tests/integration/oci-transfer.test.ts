import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ociSessions, orders } from "@/db/schema";
import { addToCart, ensureCartId, readCart } from "@/lib/cart/store";
import { hookOrigin } from "@/lib/oci/call";
import { cancelOciSession, OciTransferError, recordOciTransfer } from "@/lib/oci/transfer";
import { createOciSession, isOciSessionActive } from "@/lib/oci/sessions";
import type { OciSessionData } from "@/lib/oci/session-token";
import { priceContextFor } from "@/lib/pricing/context";
import { makeWorld } from "../support/fixtures";

const HOOK = "https://srm.example.com/sap/bc/gui/hook?sap-client=100";

async function punchout(w: Awaited<ReturnType<typeof makeWorld>>): Promise<OciSessionData> {
  const record = await createOciSession(w.buyer.id, w.b2b.id, hookOrigin(HOOK));
  return {
    sid: record.id,
    userId: w.buyer.id,
    customerId: w.b2b.id,
    hookUrl: HOOK,
    target: "_top",
    echoFields: [["~OkCode", "ADDI"], ["~TARGET", "_top"], ["~CALLER", "CTLG"]],
    charset: "utf-8",
    startedAt: record.startedAt.getTime(),
  };
}

describe("OCI transfer", () => {
  it("records one transferred order with the exact fields, empties the basket, ends the session — even on parallel submits", async () => {
    const w = await makeWorld();
    await w.listPrice(w.products[0]!.id, 100, "9.8000");
    const session = await punchout(w);
    const owner = { kind: "oci" as const, userId: w.buyer.id, ociSessionId: session.sid };
    const cartId = await ensureCartId(owner);
    await addToCart(cartId, w.products[0]!.id, 200);
    await addToCart(cartId, w.products[1]!.id, 1);

    const results = await Promise.allSettled([recordOciTransfer(w.buyerViewer, session), recordOciTransfer(w.buyerViewer, session), recordOciTransfer(w.buyerViewer, session)]);
    const fulfilled = results.filter((r) => r.status === "fulfilled").map((r) => (r as PromiseFulfilledResult<{ orderId: string; created: boolean }>).value);
    expect(fulfilled.filter((r) => r.created)).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(OciTransferError);

    const saved = await w.db.select().from(orders).where(eq(orders.customerId, w.b2b.id));
    expect(saved).toHaveLength(1);
    const order = saved[0]!;
    expect(order.status).toBe("transferred");
    expect(order.channel).toBe("oci");
    expect(order.ociHookOrigin).toBe("https://srm.example.com");
    const fields = new Map(order.ociFields!);
    expect(fields.get("NEW_ITEM-PRICE[1]")).toBe("9.8");
    expect(fields.get("NEW_ITEM-PRICEUNIT[1]")).toBe("100");
    expect(fields.get("NEW_ITEM-QUANTITY[1]")).toBe("200");
    expect(fields.get("NEW_ITEM-VENDOR[1]")).toBe("4711");
    expect(fields.get("NEW_ITEM-DESCRIPTION[2]")).toBe("Drehmomentschlüssel 40-200 Nm");
    expect(order.ociFields!.slice(-3)).toEqual(session.echoFields);
    expect((await readCart(cartId, priceContextFor(w.buyerViewer))).lines).toHaveLength(0);
    expect(await isOciSessionActive(session.sid, w.buyer.id)).toBe(false);
  });

  it("a new punchout replaces the earlier one and starts with an empty basket", async () => {
    const w = await makeWorld();
    const first = await punchout(w);
    const firstCart = await ensureCartId({ kind: "oci", userId: w.buyer.id, ociSessionId: first.sid });
    await addToCart(firstCart, w.products[1]!.id, 1);
    const second = await punchout(w);
    expect(await isOciSessionActive(first.sid, w.buyer.id)).toBe(false);
    expect(await isOciSessionActive(second.sid, w.buyer.id)).toBe(true);
    const secondCart = await ensureCartId({ kind: "oci", userId: w.buyer.id, ociSessionId: second.sid });
    expect(secondCart).not.toBe(firstCart);
    expect((await readCart(secondCart, priceContextFor(w.buyerViewer))).lines).toHaveLength(0);
    await expect(recordOciTransfer(w.buyerViewer, first)).rejects.toBeInstanceOf(OciTransferError);
  });

  it("leaves the buyer's web cart alone", async () => {
    const w = await makeWorld();
    const webCart = await ensureCartId({ kind: "user", userId: w.buyer.id });
    await addToCart(webCart, w.products[2]!.id, 4);
    const session = await punchout(w);
    const basket = await ensureCartId({ kind: "oci", userId: w.buyer.id, ociSessionId: session.sid });
    await addToCart(basket, w.products[1]!.id, 1);
    await recordOciTransfer(w.buyerViewer, session);
    expect((await readCart(webCart, priceContextFor(w.buyerViewer))).lines.map((l) => l.quantity)).toEqual([4]);
  });

  it("cancel ends the session without an order", async () => {
    const w = await makeWorld();
    const session = await punchout(w);
    await cancelOciSession(w.buyerViewer, session);
    const [row] = await w.db.select().from(ociSessions).where(eq(ociSessions.id, session.sid));
    expect(row!.status).toBe("cancelled");
    expect(await w.db.select().from(orders).where(eq(orders.customerId, w.b2b.id))).toHaveLength(0);
  });
});
