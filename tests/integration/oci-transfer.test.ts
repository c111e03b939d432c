import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ociSessions, ociSnapshots, orderLines, orders, products } from "@/db/schema";
import { redeemGrant } from "@/lib/auth/grants";
import { appSecret } from "@/lib/auth/secret";
import { addToCart, ensureCartId, readCart, setLineQuantity } from "@/lib/cart/store";
import type { CookieJar, CookieSpec } from "@/lib/oci/punchout-cookie";
import { claimHandoff, endPunchout, readPunchout, resumePunchout, retireHandoff, startPunchout } from "@/lib/oci/punchout-session";
import { openOciHandoff, type OciSessionData } from "@/lib/oci/session-token";
import { cancelTransfer, recordTransfer, returnFormFor } from "@/lib/oci/transfer";
import { priceContextFor } from "@/lib/pricing/context";
import { makeWorld } from "../support/fixtures";

const HOOK = "https://srm.example.com/sap/bc/gui/hook?sap-client=100";
const CALL = { hookUrl: HOOK, target: "_top", echoFields: [["~OkCode", "ADDI"], ["~TARGET", "_top"], ["~CALLER", "CTLG"]] as [string, string][], charset: "utf-8" as const };

/** A browser's cookie store, as the punchout module sees it. */
function jar(): CookieJar & { values: Map<string, CookieSpec> } {
  const values = new Map<string, CookieSpec>();
  return { values, get: (n) => values.get(n)?.value, set: (c) => void values.set(c.name, c), delete: (n) => void values.delete(n) };
}

async function punchout(w: Awaited<ReturnType<typeof makeWorld>>, browser = jar(), call = CALL) {
  const started = await startPunchout(browser, { id: w.buyer.id, customerId: w.b2b.id }, call);
  const basket = await ensureCartId({ kind: "oci", userId: w.buyer.id, ociSessionId: started.session.sid });
  return { ...started, browser, basket };
}

async function form(w: Awaited<ReturnType<typeof makeWorld>>, session: OciSessionData, basket: string) {
  return returnFormFor(session, w.buyerViewer, await readCart(basket, priceContextFor(w.buyerViewer)));
}

const statusOf = async (w: Awaited<ReturnType<typeof makeWorld>>, sid: string) => (await w.db.select({ s: ociSessions.status }).from(ociSessions).where(eq(ociSessions.id, sid)))[0]?.s;

describe("OCI transfer: the snapshot is recorded before the basket leaves", () => {
  it("stores exactly the rendered fields once, even for parallel submits, and ends the session", async () => {
    const w = await makeWorld();
    await w.listPrice(w.products[0]!.id, 100, "9.8000");
    const { session, basket, browser } = await punchout(w);
    await addToCart(basket, w.products[0]!.id, 200);
    await addToCart(basket, w.products[1]!.id, 1);
    const rendered = await form(w, session, basket);
    expect(rendered.snapshotId).toBeTruthy();
    // Rendering again without a change keeps the same snapshot.
    expect((await form(w, session, basket)).snapshotId).toBe(rendered.snapshotId);

    const results = await Promise.all([1, 2, 3].map(() => recordTransfer(w.buyerViewer, rendered.snapshotId!, session, "confirm")));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.filter((r) => r.ok && r.created)).toHaveLength(1);
    const records = results.map((r) => (r.ok ? r.record : null));
    expect(new Set(records.map((r) => r!.orderId)).size).toBe(1);
    expect(records[0]!.fields).toEqual(rendered.fields);

    const saved = await w.db.select().from(orders).where(eq(orders.customerId, w.b2b.id));
    expect(saved).toHaveLength(1);
    const order = saved[0]!;
    expect(order).toMatchObject({ status: "transferred", channel: "oci", ociHookUrl: HOOK, ociHookOrigin: "https://srm.example.com", ociTarget: "_top", ociCharset: "utf-8", ociSnapshotId: rendered.snapshotId });
    expect(order.ociFields).toEqual(rendered.fields);
    const fields = new Map(order.ociFields!);
    expect(fields.get("NEW_ITEM-PRICE[1]")).toBe("9.8");
    expect(fields.get("NEW_ITEM-PRICEUNIT[1]")).toBe("100");
    expect(fields.get("NEW_ITEM-QUANTITY[1]")).toBe("200");
    expect(fields.get("NEW_ITEM-VENDOR[1]")).toBe("4711");
    expect(order.ociFields!.slice(-3)).toEqual(CALL.echoFields);
    const lines = await w.db.select().from(orderLines).where(eq(orderLines.orderId, order.id));
    expect(lines.map((l) => [l.quantity, l.unitPrice])).toEqual([[200, "9.8000"], [1, "129.0000"]]);
    expect((await readCart(basket, priceContextFor(w.buyerViewer))).lines).toHaveLength(0);
    expect(await statusOf(w, session.sid)).toBe("transferred");
    expect((await readPunchout(browser, w.buyer.id)).state).toBe("none");
    // A repeat after the cookie is gone (a reload of the no-script page) gets the same record back.
    const again = await recordTransfer(w.buyerViewer, rendered.snapshotId!, null, "confirm");
    expect(again).toMatchObject({ ok: true, created: false, record: { orderId: order.id, fields: rendered.fields } });
  });

  it("records nothing when the basket changed after the page rendered, and shows the new one", async () => {
    const w = await makeWorld();
    const { session, basket } = await punchout(w);
    await addToCart(basket, w.products[1]!.id, 1);
    const tabA = await form(w, session, basket);
    // Another tab changes the quantity and renders the cart.
    await setLineQuantity(basket, w.products[1]!.id, 3);
    const tabB = await form(w, session, basket);
    expect(tabB.snapshotId).not.toBe(tabA.snapshotId);
    expect(await recordTransfer(w.buyerViewer, tabA.snapshotId!, session, "confirm")).toEqual({ ok: false, reason: "changed" });
    expect(await w.db.select().from(orders).where(eq(orders.customerId, w.b2b.id))).toHaveLength(0);
    expect(await statusOf(w, session.sid)).toBe("active");
    // A change nobody rendered (e.g. an API call) is caught as well: the basket is re-read.
    await setLineQuantity(basket, w.products[1]!.id, 4);
    expect(await recordTransfer(w.buyerViewer, tabB.snapshotId!, session, "confirm")).toEqual({ ok: false, reason: "changed" });
    const confirmed = await form(w, session, basket);
    const result = await recordTransfer(w.buyerViewer, confirmed.snapshotId!, session, "confirm");
    expect(result.ok && new Map(result.record.fields).get("NEW_ITEM-QUANTITY[1]")).toBe("4");
  });

  it("records nothing when a price changed since the page rendered", async () => {
    const w = await makeWorld();
    const { session, basket } = await punchout(w);
    await addToCart(basket, w.products[1]!.id, 1);
    const rendered = await form(w, session, basket);
    await w.db.update(products).set({ listPrice: "119.0000" }).where(eq(products.id, w.products[1]!.id));
    expect(await recordTransfer(w.buyerViewer, rendered.snapshotId!, session, "confirm")).toEqual({ ok: false, reason: "changed" });
  });

  it("SAP GUI: what the click already sent is recorded as sent, even if another tab changed the basket", async () => {
    const w = await makeWorld();
    const { session, basket } = await punchout(w, jar(), { ...CALL, hookUrl: "SAPEVENT:POST" });
    await addToCart(basket, w.products[1]!.id, 1);
    const sent = await form(w, session, basket);
    await setLineQuantity(basket, w.products[1]!.id, 2);
    await form(w, session, basket);
    const result = await recordTransfer(w.buyerViewer, sent.snapshotId!, session, "sent");
    expect(result).toMatchObject({ ok: true, created: true, record: { fields: sent.fields } });
    const [order] = await w.db.select().from(orders).where(eq(orders.customerId, w.b2b.id));
    expect(order!.ociFields).toEqual(sent.fields);
    expect(await w.db.select().from(ociSnapshots).where(eq(ociSnapshots.sessionId, session.sid))).toHaveLength(1);
  });

  it("'already sent' is believed for SAP GUI only: for a web hook a stale snapshot is refused as usual", async () => {
    const w = await makeWorld();
    const { session, basket } = await punchout(w);
    await addToCart(basket, w.products[1]!.id, 1);
    const stale = await form(w, session, basket);
    await setLineQuantity(basket, w.products[1]!.id, 2);
    await form(w, session, basket);
    expect(await recordTransfer(w.buyerViewer, stale.snapshotId!, session, "sent")).toEqual({ ok: false, reason: "changed" });
    expect(await w.db.select().from(orders).where(eq(orders.customerId, w.b2b.id))).toHaveLength(0);
  });

  it("keeps only the last few snapshots of a session; a page older than those is simply out of date", async () => {
    const w = await makeWorld();
    const { session, basket } = await punchout(w);
    await addToCart(basket, w.products[1]!.id, 1);
    const first = await form(w, session, basket);
    for (let q = 2; q <= 8; q++) {
      await setLineQuantity(basket, w.products[1]!.id, q);
      await form(w, session, basket);
    }
    expect((await w.db.select().from(ociSnapshots).where(eq(ociSnapshots.sessionId, session.sid))).length).toBeLessThanOrEqual(5);
    expect(await recordTransfer(w.buyerViewer, first.snapshotId!, session, "confirm")).toEqual({ ok: false, reason: "changed" });
  });

  it("a cart edit racing a transfer is either in the record or waits for it — never lost unsent", async () => {
    const w = await makeWorld();
    const { session, basket } = await punchout(w);
    await addToCart(basket, w.products[1]!.id, 1);
    const rendered = await form(w, session, basket);
    const [result] = await Promise.all([recordTransfer(w.buyerViewer, rendered.snapshotId!, session, "confirm"), addToCart(basket, w.products[2]!.id, 1)]);
    const left = (await readCart(basket, priceContextFor(w.buyerViewer))).lines.map((l) => l.product.id);
    if (result.ok) {
      // The add came after the transfer: it is still in the (now closed) basket, not silently gone.
      expect(new Map(result.record.fields).get("NEW_ITEM-VENDORMAT[2]")).toBeUndefined();
      expect(left).toEqual([w.products[2]!.id]);
    } else {
      expect(result).toEqual({ ok: false, reason: "changed" });
      expect(left.sort()).toEqual([w.products[1]!.id, w.products[2]!.id].sort());
    }
  });

  it("never records another user's snapshot, nor one of a replaced session", async () => {
    const w = await makeWorld();
    const first = await punchout(w);
    await addToCart(first.basket, w.products[1]!.id, 1);
    const rendered = await form(w, first.session, first.basket);
    expect(await recordTransfer(w.shopperViewer, rendered.snapshotId!, first.session, "confirm")).toEqual({ ok: false, reason: "unknown" });
    const second = await punchout(w, first.browser);
    expect(await statusOf(w, first.session.sid)).toBe("replaced");
    expect(second.basket).not.toBe(first.basket);
    expect(await recordTransfer(w.buyerViewer, rendered.snapshotId!, first.session, "confirm")).toEqual({ ok: false, reason: "ended" });
    expect(await w.db.select().from(orders).where(eq(orders.customerId, w.b2b.id))).toHaveLength(0);
  });

  it("leaves the buyer's web cart alone", async () => {
    const w = await makeWorld();
    const webCart = await ensureCartId({ kind: "user", userId: w.buyer.id });
    await addToCart(webCart, w.products[2]!.id, 4);
    const { session, basket } = await punchout(w);
    await addToCart(basket, w.products[1]!.id, 1);
    const rendered = await form(w, session, basket);
    await recordTransfer(w.buyerViewer, rendered.snapshotId!, session, "confirm");
    expect((await readCart(webCart, priceContextFor(w.buyerViewer))).lines.map((l) => l.quantity)).toEqual([4]);
  });

  it("cancel ends the session without an order; the echo fields alone go back; a repeat is harmless", async () => {
    const w = await makeWorld();
    const { session, basket } = await punchout(w);
    await addToCart(basket, w.products[1]!.id, 1);
    const rendered = await form(w, session, basket);
    expect(await cancelTransfer(w.buyerViewer, session)).toEqual({ ok: true, hookUrl: HOOK, target: "_top", charset: "utf-8", fields: CALL.echoFields });
    expect((await cancelTransfer(w.buyerViewer, session)).ok).toBe(true);
    expect(await statusOf(w, session.sid)).toBe("cancelled");
    expect(await recordTransfer(w.buyerViewer, rendered.snapshotId!, session, "confirm")).toEqual({ ok: false, reason: "ended" });
    expect(await w.db.select().from(orders).where(eq(orders.customerId, w.b2b.id))).toHaveLength(0);
  });
});

describe("punchout session lifecycle", () => {
  it("records a session past its absolute lifetime as expired and refuses its transfer", async () => {
    const w = await makeWorld();
    const { session, basket, browser } = await punchout(w);
    await addToCart(basket, w.products[1]!.id, 1);
    const rendered = await form(w, session, basket);
    await w.db.update(ociSessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(ociSessions.id, session.sid));
    expect((await readPunchout(browser, w.buyer.id)).state).toBe("expired");
    expect(await statusOf(w, session.sid)).toBe("expired");
    expect(await recordTransfer(w.buyerViewer, rendered.snapshotId!, session, "confirm")).toEqual({ ok: false, reason: "expired" });
  });

  it("sign-out ends the session as signed_out and removes the cookie", async () => {
    const w = await makeWorld();
    const { session, browser } = await punchout(w);
    expect((await readPunchout(browser, w.buyer.id)).state).toBe("active");
    await endPunchout(browser, "signed_out");
    expect(await statusOf(w, session.sid)).toBe("signed_out");
    expect(browser.values.size).toBe(0);
  });

  it("the handoff link dies once the buyer's own browser passed with its cookie, and resumes at most once", async () => {
    const w = await makeWorld();
    const { session, handoff } = await punchout(w);
    const link = await openOciHandoff(handoff, { secret: appSecret() });
    expect(link.status).toBe("valid");
    if (link.status !== "valid") return;
    await retireHandoff(session, link.handoff.grant);
    expect(await redeemGrant(link.handoff.grant, ["oci-handoff"])).toBeNull();
    expect(await claimHandoff(session)).toBe(false);

    const other = await punchout(w);
    const link2 = await openOciHandoff(other.handoff, { secret: appSecret() });
    if (link2.status !== "valid") throw new Error("handoff should open");
    expect(await redeemGrant(link2.handoff.grant, ["oci-handoff"])).toMatchObject({ id: String(w.buyer.id) });
    expect(await redeemGrant(link2.handoff.grant, ["oci-handoff"])).toBeNull();
    expect(await claimHandoff(other.session)).toBe(true);
    const fresh = jar();
    await resumePunchout(fresh, other.session);
    expect(fresh.values.size).toBe(1);
    expect(await claimHandoff(other.session)).toBe(false);
  });
});
