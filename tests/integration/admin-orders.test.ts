import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, customers, orderLines, orders } from "@/db/schema";
import { changeOrderStatus, getAdminOrder, listAdminOrders, transferBodyOf } from "@/lib/admin/orders";
import { parseUrlEncoded } from "@/lib/http/form-body";
import { getOrder } from "@/lib/orders/store";
import { makeWorld } from "../support/fixtures";

type World = Awaited<ReturnType<typeof makeWorld>>;

const address = { name: "Jan Müller", company: "Müller GmbH", street: "Hauptstraße 1", postalCode: "70173", city: "Stuttgart", country: "DE" };

const OCI_FIELDS: [string, string][] = [
  ["NEW_ITEM-DESCRIPTION[1]", "Sechskantschraube M8x40"],
  ["NEW_ITEM-QUANTITY[1]", "300"],
  ["NEW_ITEM-UNIT[1]", "C62"],
  ["NEW_ITEM-PRICE[1]", "12.5"],
  ["NEW_ITEM-PRICEUNIT[1]", "100"],
  ["NEW_ITEM-CURRENCY[1]", "EUR"],
  ["NEW_ITEM-LONGTEXT_1:132[]", "Verzinkt, Größe M8\nDIN 933"],
  ["~OkCode", "ADDI"],
  ["~CALLER", "CTLG"],
];

/** An order as checkout or a transfer would have stored it (one line of 300 × 12.50 / 100). */
async function makeOrder(w: World, over: Partial<typeof orders.$inferInsert> = {}) {
  const oci = over.channel === "oci";
  const [row] = await w.db
    .insert(orders)
    .values({
      customerId: w.b2b.id,
      userId: w.buyer.id,
      channel: "web",
      status: oci ? "transferred" : "placed",
      idempotencyKey: randomUUID(),
      paymentMethod: oci ? "procurement" : "invoice",
      poReference: "PO-77",
      note: "Please ring twice",
      shippingAddress: oci ? null : address,
      billingAddress: oci ? null : address,
      currency: "EUR",
      pricesIncludeVat: false,
      subtotal: "37.5000",
      vatTotal: "7.1300",
      total: "44.6300",
      ...(oci ? { ociHookUrl: "https://srm.example.com/hook?sap-client=100", ociHookOrigin: "https://srm.example.com", ociTarget: "_top", ociCharset: "iso-8859-1", ociFields: OCI_FIELDS } : {}),
      ...over,
    })
    .returning();
  await w.db.insert(orderLines).values({ orderId: row!.id, lineNo: 1, productId: w.products[0]!.id, sku: w.products[0]!.sku, name: "Sechskantschraube M8x40", unit: "C62", priceUnit: 100, unitPrice: "12.5000", quantity: 300, lineTotal: "37.5000", vatRate: "19.00" });
  return row!;
}

const statusOf = async (w: World, id: string) => (await w.db.select({ s: orders.status, at: orders.statusChangedAt }).from(orders).where(eq(orders.id, id)))[0]!;
const auditOf = (w: World, id: string) => w.db.select().from(auditLog).where(and(eq(auditLog.entity, "order"), eq(auditLog.entityId, id)));

describe("back office: orders", () => {
  it("answers nobody but an operator, and a non-operator's status change writes nothing", async () => {
    const w = await makeWorld();
    const order = await makeOrder(w);
    expect(await listAdminOrders(w.buyerViewer, {})).toBeNull();
    expect(await listAdminOrders(null, {})).toBeNull();
    expect(await getAdminOrder(w.buyerViewer, order.id)).toBeNull();
    expect(await transferBodyOf(w.buyerViewer, order.id)).toBeNull();
    for (const viewer of [w.buyerViewer, w.shopperViewer, null]) {
      expect(await changeOrderStatus(viewer, { id: order.id, action: "confirm", expected: "placed" })).toMatchObject({ ok: false, code: "not_found" });
    }
    expect((await statusOf(w, order.id)).s).toBe("placed");
    expect(await auditOf(w, order.id)).toHaveLength(0);
  });

  it("moves a web order placed → confirmed → shipped, with an audit entry each, and the buyer sees it", async () => {
    const w = await makeWorld();
    const order = await makeOrder(w);
    const confirmed = await changeOrderStatus(w.adminViewer, { id: order.id, action: "confirm", expected: "placed" });
    expect(confirmed).toMatchObject({ ok: true, id: order.id, status: "confirmed" });
    const after = await statusOf(w, order.id);
    expect(after.s).toBe("confirmed");
    expect(after.at).toBeInstanceOf(Date);
    expect((await changeOrderStatus(w.adminViewer, { id: order.id, action: "ship", expected: "confirmed" })).ok).toBe(true);
    expect((await getOrder(w.buyerViewer, order.id))!.status).toBe("shipped");

    const entries = await auditOf(w, order.id);
    expect(entries.map((e) => [e.entityLabel, e.action, e.actorEmail, e.changes])).toEqual([
      [String(order.number), "change status", w.operator.email, [{ field: "status", from: "placed", to: "confirmed" }]],
      [String(order.number), "change status", w.operator.email, [{ field: "status", from: "confirmed", to: "shipped" }]],
    ]);
    const detail = await getAdminOrder(w.adminViewer, order.id);
    expect(detail!.history.map((e) => e.changes[0]!.to)).toEqual(["shipped", "confirmed"]);
  });

  it("cancels a placed or a confirmed order, and refuses every other move with a message", async () => {
    const w = await makeWorld();
    const placed = await makeOrder(w);
    expect(await changeOrderStatus(w.adminViewer, { id: placed.id, action: "cancel", expected: "placed" })).toMatchObject({ ok: true, status: "cancelled" });
    const confirmed = await makeOrder(w, { status: "confirmed" });
    expect(await changeOrderStatus(w.adminViewer, { id: confirmed.id, action: "cancel", expected: "confirmed" })).toMatchObject({ ok: true, status: "cancelled" });

    const refusedMoves = [
      { status: "placed", action: "ship" },
      { status: "confirmed", action: "confirm" },
      { status: "shipped", action: "cancel" },
      { status: "shipped", action: "confirm" },
      { status: "cancelled", action: "confirm" },
      { status: "cancelled", action: "ship" },
    ] as const;
    for (const move of refusedMoves) {
      const order = await makeOrder(w, { status: move.status });
      const result = await changeOrderStatus(w.adminViewer, { id: order.id, action: move.action, expected: move.status });
      expect(result, `${move.status} → ${move.action}`).toMatchObject({ ok: false, code: "refused" });
      expect(!result.ok && result.message).toMatch(/cannot/);
      expect((await statusOf(w, order.id)).s).toBe(move.status);
      expect(await auditOf(w, order.id)).toHaveLength(0);
    }
    expect(await changeOrderStatus(w.adminViewer, { id: randomUUID(), action: "confirm", expected: "placed" })).toMatchObject({ ok: false, code: "not_found" });
  });

  it("lets one of two operators confirming at once win: one change, one audit entry, the other told", async () => {
    const w = await makeWorld();
    const order = await makeOrder(w);
    const results = await Promise.all([1, 2].map(() => changeOrderStatus(w.adminViewer, { id: order.id, action: "confirm", expected: "placed" })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const loser = results.find((r) => !r.ok)!;
    expect(loser).toMatchObject({ ok: false, code: "conflict" });
    expect(!loser.ok && loser.message).toMatch(/Confirmed/);
    expect(await auditOf(w, order.id)).toHaveLength(1);
  });

  it("refuses a change made on a status the order no longer has (someone else changed it)", async () => {
    const w = await makeWorld();
    const order = await makeOrder(w, { status: "confirmed" });
    // The form showed "placed": cancelling is allowed from confirmed too, but not on stale sight.
    expect(await changeOrderStatus(w.adminViewer, { id: order.id, action: "cancel", expected: "placed" })).toMatchObject({ ok: false, code: "conflict" });
    expect((await statusOf(w, order.id)).s).toBe("confirmed");
  });

  it("never changes a transferred punchout order", async () => {
    const w = await makeWorld();
    const order = await makeOrder(w, { channel: "oci" });
    for (const action of ["confirm", "ship", "cancel"] as const) {
      const result = await changeOrderStatus(w.adminViewer, { id: order.id, action, expected: "transferred" });
      expect(result).toMatchObject({ ok: false, code: "refused" });
      expect(!result.ok && result.message).toMatch(/punchout/i);
    }
    expect((await statusOf(w, order.id)).s).toBe("transferred");
    expect(await auditOf(w, order.id)).toHaveLength(0);
  });

  it("shows an order in full: customer, user, lines, addresses, and no actions where none are allowed", async () => {
    const w = await makeWorld();
    const order = await makeOrder(w);
    const detail = (await getAdminOrder(w.adminViewer, order.id))!;
    expect(detail).toMatchObject({ number: order.number, customerName: "Müller GmbH", debtorNumber: w.b2b.debtorNumber, userName: w.buyer.name, userEmail: w.buyer.email, poReference: "PO-77", note: "Please ring twice", shippingAddress: address, transfer: null });
    expect(detail.lines.map((l) => [l.sku, l.quantity, l.unitPrice, l.lineTotal])).toEqual([[w.products[0]!.sku, 300, "12.5000", "37.5000"]]);
    expect(detail.actions).toEqual(["confirm", "cancel"]);
    const shipped = (await getAdminOrder(w.adminViewer, (await makeOrder(w, { status: "shipped" })).id))!;
    expect(shipped.actions).toEqual([]);
    expect(await getAdminOrder(w.adminViewer, randomUUID())).toBeNull();
    expect(await getAdminOrder(w.adminViewer, "not-a-uuid")).toBeNull();
  });

  it("shows a transfer with its checks and answers its body exactly as a browser posts it", async () => {
    const w = await makeWorld();
    const order = await makeOrder(w, { channel: "oci" });
    const detail = (await getAdminOrder(w.adminViewer, order.id))!;
    expect(detail.actions).toEqual([]);
    expect(detail.transfer).toMatchObject({ hookOrigin: "https://srm.example.com", hookUrl: "https://srm.example.com/hook?sap-client=100", charset: "iso-8859-1", target: "_top" });
    expect(detail.transfer!.checks.fields.map((f) => [f.name, f.value, f.ok])).toEqual(OCI_FIELDS.map(([n, v]) => [n, v, true]));
    expect(detail.transfer!.checks.totals).toEqual([{ currency: "EUR", total: "37.50" }]);

    const download = (await transferBodyOf(w.adminViewer, order.id))!;
    expect(download.filename).toBe(`order-${order.number}-oci.txt`);
    const body = new TextDecoder("latin1").decode(download.body);
    expect(body).toContain("Gr%F6%DFe+M8%0D%0ADIN+933");
    expect(parseUrlEncoded(download.body, "application/x-www-form-urlencoded; charset=iso-8859-1")).toEqual(OCI_FIELDS.map(([n, v]) => [n, v.replace(/\n/g, "\r\n")]));
    // A web order has no transfer to download.
    expect(await transferBodyOf(w.adminViewer, (await makeOrder(w)).id)).toBeNull();
  });

  describe("the list", () => {
    it("filters by status, channel, order number, debtor number, customer name prefix and Berlin dates, newest first", async () => {
      const w = await makeWorld();
      const debtor = w.b2b.debtorNumber!;
      const [other] = await w.db.insert(customers).values({ kind: "b2b", name: `Zeppelin Werke ${debtor}`, debtorNumber: `Z${debtor}` }).returning();
      const a = await makeOrder(w, { createdAt: new Date("2021-03-01T10:00:00Z") });
      const b = await makeOrder(w, { status: "confirmed", createdAt: new Date("2021-03-01T22:30:00Z") }); // 23:30 in Berlin, still 1 March
      const c = await makeOrder(w, { channel: "oci", createdAt: new Date("2021-03-01T23:30:00Z") }); // 00:30 in Berlin, 2 March
      const d = await makeOrder(w, { customerId: other!.id, status: "shipped", createdAt: new Date("2021-03-03T09:00:00Z") });
      const ids = async (filter: Parameters<typeof listAdminOrders>[1]) => (await listAdminOrders(w.adminViewer, filter))!.rows.map((r) => r.id);

      expect(await ids({ q: debtor })).toEqual([c.id, b.id, a.id]);
      const row = (await listAdminOrders(w.adminViewer, { q: debtor }))!.rows[0]!;
      expect(row).toMatchObject({ number: c.number, customerName: "Müller GmbH", channel: "oci", status: "transferred", total: "44.6300", currency: "EUR" });
      expect(await ids({ q: debtor, status: "confirmed" })).toEqual([b.id]);
      expect(await ids({ q: debtor, channel: "oci" })).toEqual([c.id]);
      expect(await ids({ q: debtor, channel: "web" })).toEqual([b.id, a.id]);
      expect(await ids({ q: debtor, from: "2021-03-02" })).toEqual([c.id]);
      expect(await ids({ q: debtor, to: "2021-03-01" })).toEqual([b.id, a.id]);
      expect(await ids({ q: debtor, from: "2021-03-01", to: "2021-03-01" })).toEqual([b.id, a.id]);
      expect(await ids({ q: String(a.number) })).toEqual([a.id]);
      expect(await ids({ q: `zeppelin werke ${debtor.toLowerCase()}` })).toEqual([d.id]);
      expect(await ids({ q: "Zeppelin Werke" })).toContain(d.id);
      expect(await ids({ q: `Z${debtor}` })).toEqual([d.id]);
      // A name is matched by its beginning only, and wildcards are taken literally.
      expect(await ids({ q: `Werke ${debtor}` })).toEqual([]);
      expect(await ids({ q: `Zeppelin%${debtor}` })).toEqual([]);
      expect(await ids({ q: "no such customer 4711" })).toEqual([]);
    });

    it("pages by 50, newest first", async () => {
      const w = await makeWorld();
      const base = Date.parse("2022-06-01T08:00:00Z");
      for (let i = 0; i < 53; i++) await makeOrder(w, { createdAt: new Date(base + i * 60_000) });
      const first = (await listAdminOrders(w.adminViewer, { q: w.b2b.debtorNumber! }))!;
      expect(first.rows).toHaveLength(50);
      expect(first).toMatchObject({ page: 1, pageCount: 2, open: false, countLabel: "53 orders" });
      const second = (await listAdminOrders(w.adminViewer, { q: w.b2b.debtorNumber!, page: 2 }))!;
      expect(second.rows).toHaveLength(3);
      expect(first.rows[0]!.createdAt.getTime()).toBeGreaterThan(first.rows[1]!.createdAt.getTime());
      expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(53);
    });
  });
});
