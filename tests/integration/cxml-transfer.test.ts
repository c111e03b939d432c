import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { cxmlSetups, ociProfiles, orders, type CxmlSessionData } from "@/db/schema";
import { addToCart, ensureCartId, readCart, setLineQuantity } from "@/lib/cart/store";
import { afterCxmlStart } from "@/lib/cxml/next/open";
import { documentOfField } from "@/lib/cxml/outbound-order";
import { createSetup } from "@/lib/cxml/setup-store";
import { DEFAULT_PROFILE } from "@/lib/oci/profile";
import type { CookieJar, CookieSpec } from "@/lib/oci/punchout-cookie";
import { readPunchout, startPunchout } from "@/lib/oci/punchout-session";
import { cancelTransfer, recordTransfer, returnFormFor } from "@/lib/oci/transfer";
import { priceContextFor } from "@/lib/pricing/context";
import { validateCxml } from "../support/cxml-validate";
import { parseOrderMessage } from "../support/cxml-documents";
import { makeWorld } from "../support/fixtures";

type World = Awaited<ReturnType<typeof makeWorld>>;

function jar(): CookieJar {
  const values = new Map<string, CookieSpec>();
  return { get: (n) => values.get(n)?.value, set: (c) => void values.set(c.name, c), delete: (n) => void values.delete(n) };
}

const RETURN_URL = "https://buyer.example/cxml/return?session=77&lang=de";

/** A setup as the setup endpoint stores it, opened as the StartPage does (without the browser). */
async function cxmlPunchout(w: World, options: { operation?: CxmlSessionData["operation"]; field?: CxmlSessionData["field"]; items?: { supplierPartId: string; auxiliaryId: string; quantity: number }[] } = {}) {
  const cxml = {
    operation: options.operation ?? "create",
    buyerCookie: "c0ok!e <&> Müller",
    buyer: { domain: "NetworkID", identity: "AN01000010001" },
    supplier: { domain: "NetworkID", identity: "AN02000000100" },
    field: options.field ?? "cxml-urlencoded",
    lang: "de-DE",
  } as const;
  const { id } = await createSetup({ customerId: w.b2b.id, userId: w.buyer.id, payloadId: "p@buyer", browserFormPostUrl: RETURN_URL, session: cxml, items: options.items ?? [] });
  const browser = jar();
  const { session } = await startPunchout(browser, { id: w.buyer.id, customerId: w.b2b.id }, { hookUrl: RETURN_URL, target: "_top", echoFields: [], charset: "utf-8", cxml: { setupId: id, ...cxml } });
  const next = await afterCxmlStart(session);
  const basket = await ensureCartId({ kind: "oci", userId: w.buyer.id, ociSessionId: session.sid });
  return { session, browser, basket, next, setupId: id };
}

const form = async (w: World, p: Awaited<ReturnType<typeof cxmlPunchout>>) => returnFormFor(p.session, w.buyerViewer, await readCart(p.basket, priceContextFor(w.buyerViewer)));

describe("cXML return: the PunchOutOrderMessage is the snapshot, recorded once before it leaves", () => {
  it("sends the basket as a valid order message with the customer's prices and an exact total, and stores exactly that document", async () => {
    const w = await makeWorld();
    // Per 100 pieces, the customer's own tier; and a per-piece article.
    await w.listPrice(w.products[0]!.id, 100, "9.8000");
    await w.customerPrice(w.products[1]!.id, 1, "99.9900");
    await w.db.insert(ociProfiles).values({ customerId: w.b2b.id, profile: { ...DEFAULT_PROFILE, unitCodes: { BX: "BOX" } } });
    const p = await cxmlPunchout(w);
    expect(p.next).toBe("/");
    await addToCart(p.basket, w.products[0]!.id, 200);
    await addToCart(p.basket, w.products[1]!.id, 3);
    await addToCart(p.basket, w.products[2]!.id, 1);

    const rendered = await form(w, p);
    expect(rendered).toMatchObject({ protocol: "cxml", readOnly: false, action: RETURN_URL, target: "_top", charset: "utf-8" });
    expect(rendered.fields.map(([n]) => n)).toEqual(["cxml-urlencoded"]);
    const xml = rendered.fields[0]![1];
    // The raw document: the browser's form post encodes it once.
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE cXML SYSTEM "http://xml.cxml.org/schemas/cXML/1.2.063/cXML.dtd">')).toBe(true);
    expect(validateCxml(xml)).toEqual({ ok: true });
    const message = parseOrderMessage(xml);
    expect(message).toMatchObject({ buyerCookie: "c0ok!e <&> Müller", operationAllowed: "create", from: "AN02000000100", to: "AN01000010001", total: { currency: "EUR", value: "344.47" } });
    expect(message.items).toHaveLength(3);
    const [screws, wrench, paper] = message.items;
    expect(screws).toMatchObject({ quantity: "200", sku: w.products[0]!.sku, aux: String(w.products[0]!.id), price: "9.80", currency: "EUR", unit: "C62", basis: "100" });
    expect(wrench).toMatchObject({ quantity: "3", price: "99.99", basis: null, unit: "C62" });
    expect(paper).toMatchObject({ quantity: "1", unit: "BOX", basis: null });
    // Total = Σ quantity × price ÷ price unit, exactly.
    const cents = (s: string) => Math.round(Number(s) * 10000);
    const sum = message.items.reduce((t, i) => t + (Number(i.quantity) * cents(i.price)) / Number(i.basis ?? 1), 0);
    expect(cents(message.total.value)).toBe(sum);

    // Rendering again without a change is the same document (same payloadID); a change is a new one.
    expect((await form(w, p)).fields).toEqual(rendered.fields);
    await setLineQuantity(p.basket, w.products[1]!.id, 4);
    const changed = await form(w, p);
    expect(changed.snapshotId).not.toBe(rendered.snapshotId);
    expect(changed.fields[0]![1]).not.toBe(xml);
    expect(/payloadID="([^"]+)"/.exec(changed.fields[0]![1])![1]).not.toBe(/payloadID="([^"]+)"/.exec(xml)![1]);

    // The old page's snapshot is refused; the current one is recorded once, also under parallel clicks.
    expect(await recordTransfer(w.buyerViewer, rendered.snapshotId!, p.session, "confirm")).toEqual({ ok: false, reason: "changed" });
    const results = await Promise.all([1, 2, 3].map(() => recordTransfer(w.buyerViewer, changed.snapshotId!, p.session, "confirm")));
    expect(results.filter((r) => r.ok && r.created)).toHaveLength(1);
    const saved = await w.db.select().from(orders).where(eq(orders.customerId, w.b2b.id));
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ channel: "cxml", status: "transferred", ociHookUrl: RETURN_URL, ociFields: changed.fields });
    const stored = parseOrderMessage(documentOfField(...saved[0]!.ociFields![0]!)!);
    expect(Number(stored.total.value)).toBe(Number(saved[0]!.subtotal));
    expect((await readPunchout(p.browser, w.buyer.id)).state).toBe("none");
    const [setup] = await w.db.select().from(cxmlSetups).where(eq(cxmlSetups.id, p.setupId));
    expect(setup!.sessionId).toBe(p.session.sid);
  });

  it("puts the document base64-encoded into cxml-base64 when the customer asks for it", async () => {
    const w = await makeWorld();
    const p = await cxmlPunchout(w, { field: "cxml-base64" });
    await addToCart(p.basket, w.products[1]!.id, 1);
    const rendered = await form(w, p);
    expect(rendered.fields.map(([n]) => n)).toEqual(["cxml-base64"]);
    expect(rendered.fields[0]![1]).toMatch(/^[A-Za-z0-9+/]+=*$/);
    const xml = documentOfField("cxml-base64", rendered.fields[0]![1])!;
    expect(validateCxml(xml)).toEqual({ ok: true });
    expect(parseOrderMessage(xml).buyerCookie).toBe("c0ok!e <&> Müller");
  });

  it("cancel closes the punchout with an order message without items, and records no order", async () => {
    const w = await makeWorld();
    const p = await cxmlPunchout(w);
    await addToCart(p.basket, w.products[1]!.id, 1);
    const rendered = await form(w, p);
    const cancelXml = rendered.cancelFields[0]![1];
    expect(validateCxml(cancelXml)).toEqual({ ok: true });
    expect(parseOrderMessage(cancelXml)).toMatchObject({ items: [], total: { value: "0.00" }, operationAllowed: "create" });
    const result = await cancelTransfer(w.buyerViewer, p.session);
    expect(result.ok).toBe(true);
    expect(parseOrderMessage(result.ok ? result.fields[0]![1] : "").items).toEqual([]);
    expect(await w.db.select().from(orders).where(eq(orders.customerId, w.b2b.id))).toHaveLength(0);
  });
});

describe("cXML edit and inspect: the basket starts with the requisition's lines", () => {
  it("edit restores the lines by SupplierPartID or our auxiliary id, leaves out unknown ones, and sends edit back", async () => {
    const w = await makeWorld();
    const [screws, wrench] = w.products;
    const p = await cxmlPunchout(w, {
      operation: "edit",
      items: [
        { supplierPartId: screws!.sku, auxiliaryId: "", quantity: 300 },
        { supplierPartId: "RENAMED-SKU", auxiliaryId: String(wrench!.id), quantity: 2 },
        { supplierPartId: "NO-SUCH-ARTICLE", auxiliaryId: "999999999", quantity: 1 },
      ],
    });
    expect(p.next).toBe("/cart?missing=1");
    const cart = await readCart(p.basket, priceContextFor(w.buyerViewer));
    expect(cart.lines.map((l) => [l.product.id, l.quantity])).toEqual([
      [screws!.id, 300],
      [wrench!.id, 2],
    ]);
    const rendered = await form(w, p);
    expect(rendered.readOnly).toBe(false);
    const message = parseOrderMessage(rendered.fields[0]![1]);
    expect(message.operationAllowed).toBe("edit");
    expect(message.items.map((i) => [i.sku, i.quantity])).toEqual([
      [screws!.sku, "300"],
      [wrench!.sku, "2"],
    ]);
  });

  it("inspect shows the lines read-only: no transfer form, and its return carries the unchanged lines without an order", async () => {
    const w = await makeWorld();
    const wrench = w.products[1]!;
    const p = await cxmlPunchout(w, { operation: "inspect", items: [{ supplierPartId: wrench.sku, auxiliaryId: String(wrench.id), quantity: 5 }] });
    expect(p.next).toBe("/cart");
    const rendered = await form(w, p);
    expect(rendered).toMatchObject({ readOnly: true, snapshotId: null, fields: [] });
    const back = parseOrderMessage(rendered.cancelFields[0]![1]);
    expect(back).toMatchObject({ operationAllowed: "inspect" });
    expect(back.items.map((i) => [i.sku, i.quantity])).toEqual([[wrench.sku, "5"]]);
    const result = await cancelTransfer(w.buyerViewer, p.session);
    expect(result.ok && parseOrderMessage(result.fields[0]![1]).items).toHaveLength(1);
    expect(await w.db.select().from(orders).where(eq(orders.customerId, w.b2b.id))).toHaveLength(0);
  });
});
