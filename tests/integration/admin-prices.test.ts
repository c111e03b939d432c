import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, customerPrices, priceListPrices, priceLists } from "@/db/schema";
import { listAudit } from "@/lib/admin/audit";
import {
  createPriceList,
  getCustomerForPrices,
  getPriceList,
  listCustomerTiers,
  listPriceListTiers,
  listPriceLists,
  removeCustomerTier,
  removePriceListTier,
  setCustomerTier,
  setPriceListTier,
  updatePriceList,
} from "@/lib/admin/prices";
import { getDb } from "@/lib/db/client";
import { priceContextFor } from "@/lib/pricing/context";
import { loadPriceInfo } from "@/lib/pricing/load";
import { resolvePrice } from "@/lib/pricing/tiers";
import { toDb } from "@/lib/money/decimal";
import { makeWorld } from "../support/fixtures";

type World = Awaited<ReturnType<typeof makeWorld>>;

const listRows = (w: World) => w.db.select().from(priceListPrices).where(eq(priceListPrices.priceListId, w.priceList.id));
const customerRows = (w: World) => w.db.select().from(customerPrices).where(eq(customerPrices.customerId, w.b2b.id));

async function buyerPrice(w: World, productId: number, quantity: number) {
  const info = await loadPriceInfo(await getDb(), priceContextFor(w.buyerViewer), [{ id: productId, listPrice: w.products.find((p) => p.id === productId)!.listPrice }]);
  const resolved = resolvePrice(info.get(productId)!, quantity);
  return { price: toDb(resolved.unitPrice), source: resolved.source };
}

describe("back office: price lists", () => {
  it("answers nobody but an operator, and a refused write leaves nothing behind", async () => {
    const w = await makeWorld();
    const screw = w.products[0]!;
    expect(await listPriceLists(w.buyerViewer, {})).toBeNull();
    expect(await getPriceList(w.buyerViewer, w.priceList.id)).toBeNull();
    expect(await listPriceListTiers(w.buyerViewer, w.priceList.id, {})).toBeNull();
    expect(await getCustomerForPrices(w.buyerViewer, w.b2b.id)).toBeNull();
    expect(await listCustomerTiers(w.buyerViewer, w.b2b.id, {})).toBeNull();
    expect(await createPriceList(w.buyerViewer, { code: "HACK", name: "Hack", currency: "EUR" })).toMatchObject({ ok: false, code: "not_found" });
    expect(await updatePriceList(null, w.priceList.id, { version: "1", code: "HACK", name: "Hack", currency: "EUR" })).toMatchObject({ ok: false, code: "not_found" });
    expect(await setPriceListTier(w.buyerViewer, w.priceList.id, { sku: screw.sku, minQuantity: "100", price: "1" })).toMatchObject({ ok: false, code: "not_found" });
    expect(await setCustomerTier(w.buyerViewer, w.b2b.id, { sku: screw.sku, minQuantity: "100", price: "1" })).toMatchObject({ ok: false, code: "not_found" });
    await w.listPrice(screw.id, 100, "9.0000");
    await w.customerPrice(screw.id, 100, "8.0000");
    expect(await removePriceListTier(w.shopperViewer, w.priceList.id, { productId: String(screw.id), minQuantity: "100", price: "9.0000" })).toMatchObject({ ok: false, code: "not_found" });
    expect(await removeCustomerTier(w.shopperViewer, w.b2b.id, { productId: String(screw.id), minQuantity: "100", price: "8.0000" })).toMatchObject({ ok: false, code: "not_found" });
    expect(await listRows(w)).toHaveLength(1);
    expect(await customerRows(w)).toHaveLength(1);
    expect(await w.db.select().from(priceLists).where(eq(priceLists.code, "HACK"))).toHaveLength(0);
    expect(await w.db.select().from(auditLog).where(eq(auditLog.actorEmail, w.buyer.email))).toHaveLength(0);
  });

  it("creates, finds and edits a price list: unique code, currency of three capitals, stale forms refused, audit old → new", async () => {
    const w = await makeWorld();
    const code = `X${w.priceList.code}`;
    const made = await createPriceList(w.adminViewer, { code, name: "Export list", currency: "usd" });
    expect(made).toMatchObject({ ok: false, fields: { currency: expect.stringContaining("3") } });
    const ok = await createPriceList(w.adminViewer, { code, name: "Export list", currency: "USD" });
    if (!ok.ok) throw new Error(ok.message);
    expect(await createPriceList(w.adminViewer, { code, name: "Twice", currency: "EUR" })).toMatchObject({ ok: false, fields: { code: expect.stringContaining("already") } });
    expect(await createPriceList(w.adminViewer, { code: "", name: "", currency: "EUR" })).toMatchObject({ ok: false, fields: { code: expect.any(String), name: expect.any(String) } });

    const found = (await listPriceLists(w.adminViewer, { q: code.toLowerCase() }))!;
    expect(found.rows.map((r) => r.id)).toEqual([ok.id]);
    expect((await listPriceLists(w.adminViewer, { q: "Export" }))!.rows.map((r) => r.id)).toContain(ok.id);

    expect(await updatePriceList(w.adminViewer, ok.id, { version: "1", code, name: "Export (USD)", currency: "USD" })).toMatchObject({ ok: true });
    expect(await updatePriceList(w.adminViewer, ok.id, { version: "1", code, name: "Lost", currency: "USD" })).toMatchObject({ ok: false, code: "conflict" });
    expect(await updatePriceList(w.adminViewer, ok.id, { version: "2", code: w.priceList.code, name: "Clash", currency: "USD" })).toMatchObject({ ok: false, fields: { code: expect.stringContaining("already") } });
    expect((await getPriceList(w.adminViewer, ok.id))!).toMatchObject({ code, name: "Export (USD)", currency: "USD", version: 2 });
    const [entry] = (await listAudit(w.adminViewer, { entity: "price_list", entityId: ok.id }))!.entries;
    expect(entry).toMatchObject({ action: "update", entityLabel: code });
    expect(entry!.changes).toEqual([{ field: "name", from: "Export list", to: "Export (USD)" }]);
  });

  it("adds, changes and removes tiers with exact decimals, and the shop uses them", async () => {
    const w = await makeWorld();
    const screw = w.products[0]!; // 12.50 per 100
    const first = await setPriceListTier(w.adminViewer, w.priceList.id, { sku: screw.sku.toLowerCase(), minQuantity: "100", price: "12.3456" });
    expect(first).toMatchObject({ ok: true });
    expect(await setPriceListTier(w.adminViewer, w.priceList.id, { sku: screw.sku, minQuantity: "1000", price: "9.5" })).toMatchObject({ ok: true });
    expect((await listRows(w)).map((r) => [r.minQuantity, r.price]).sort()).toEqual([[100, "12.3456"], [1000, "9.5000"]]);
    expect(await buyerPrice(w, screw.id, 500)).toEqual({ price: "12.3456", source: "price_list" });
    expect(await buyerPrice(w, screw.id, 1000)).toEqual({ price: "9.5000", source: "price_list" });

    // The same key again changes the price (one row per list, product and quantity).
    expect(await setPriceListTier(w.adminViewer, w.priceList.id, { sku: screw.sku, minQuantity: "100", price: "11.00" })).toMatchObject({ ok: true });
    expect((await listRows(w)).filter((r) => r.minQuantity === 100).map((r) => r.price)).toEqual(["11.0000"]);
    const entries = (await listAudit(w.adminViewer, { entity: "price_list", entityId: w.priceList.id }))!.entries;
    expect(entries[0]).toMatchObject({ action: "price", entityLabel: w.priceList.code });
    expect(entries[0]!.changes).toEqual([{ field: `SKU ${screw.sku} from 100`, from: "12.3456", to: "11.0000" }]);
    expect(entries.at(-1)!.changes).toEqual([{ field: `SKU ${screw.sku} from 100`, from: null, to: "12.3456" }]);

    const page = (await listPriceListTiers(w.adminViewer, w.priceList.id, {}))!;
    expect(page.rows).toHaveLength(1);
    expect(page.rows[0]).toMatchObject({ productId: screw.id, sku: screw.sku, listPrice: "12.5000", priceUnit: 100, tiers: [{ minQuantity: 100, price: "11.0000" }, { minQuantity: 1000, price: "9.5000" }] });

    // Removing names the price the operator saw: a tier changed meanwhile is not removed.
    expect(await removePriceListTier(w.adminViewer, w.priceList.id, { productId: String(screw.id), minQuantity: "100", price: "12.3456" })).toMatchObject({ ok: false, code: "conflict" });
    expect(await removePriceListTier(w.adminViewer, w.priceList.id, { productId: String(screw.id), minQuantity: "100", price: "11.0000" })).toMatchObject({ ok: true });
    expect((await listRows(w)).map((r) => r.minQuantity)).toEqual([1000]);
    const [removed] = (await listAudit(w.adminViewer, { entity: "price_list", entityId: w.priceList.id }))!.entries;
    expect(removed!.changes).toEqual([{ field: `SKU ${screw.sku} from 100`, from: "11.0000", to: null }]);
  });

  it("refuses a tier above the list price (per price unit), bad amounts and unknown SKUs, next to the field", async () => {
    const w = await makeWorld();
    const screw = w.products[0]!; // 12.50 EUR per 100 pieces
    const above = await setPriceListTier(w.adminViewer, w.priceList.id, { sku: screw.sku, minQuantity: "100", price: "12.5001" });
    expect(above).toMatchObject({ ok: false, code: "invalid", fields: { price: expect.stringContaining("higher than the list price 12.50 EUR") } });
    expect(await setPriceListTier(w.adminViewer, w.priceList.id, { sku: screw.sku, minQuantity: "100", price: "12.50" })).toMatchObject({ ok: true });
    for (const price of ["0", "-1", "abc", "12.34567", "1e3", ""]) {
      expect(await setPriceListTier(w.adminViewer, w.priceList.id, { sku: screw.sku, minQuantity: "200", price }), price).toMatchObject({ ok: false, fields: { price: expect.any(String) } });
    }
    expect(await setPriceListTier(w.adminViewer, w.priceList.id, { sku: screw.sku, minQuantity: "0", price: "1" })).toMatchObject({ ok: false, fields: { minQuantity: expect.any(String) } });
    expect(await setPriceListTier(w.adminViewer, w.priceList.id, { sku: "NO-SUCH-SKU", minQuantity: "1", price: "1" })).toMatchObject({ ok: false, fields: { sku: expect.stringContaining("No product") } });
    expect(await setPriceListTier(w.adminViewer, 99999999, { sku: screw.sku, minQuantity: "1", price: "1" })).toMatchObject({ ok: false, code: "not_found" });
    expect((await listRows(w)).map((r) => [r.minQuantity, r.price])).toEqual([[100, "12.5000"]]);
  });
});

describe("back office: customer prices", () => {
  it("sets, changes and removes a customer's tiers, audited on the customer, and they win over the price list", async () => {
    const w = await makeWorld();
    const wrench = w.products[1]!; // 129.00 per piece
    await w.listPrice(wrench.id, 1, "110.0000");
    expect(await getCustomerForPrices(w.adminViewer, w.b2b.id)).toMatchObject({ id: w.b2b.id, name: w.b2b.name, debtorNumber: w.b2b.debtorNumber });
    expect(await setCustomerTier(w.adminViewer, w.b2b.id, { sku: wrench.sku, minQuantity: "1", price: "129.0001" })).toMatchObject({ ok: false, fields: { price: expect.stringContaining("higher than the list price 129.00 EUR") } });
    expect(await setCustomerTier(w.adminViewer, w.b2b.id, { sku: wrench.sku, minQuantity: "1", price: "99.9999" })).toMatchObject({ ok: true });
    expect(await buyerPrice(w, wrench.id, 1)).toEqual({ price: "99.9999", source: "customer" });
    expect(await setCustomerTier(w.adminViewer, w.b2b.id, { sku: wrench.sku, minQuantity: "1", price: "95" })).toMatchObject({ ok: true });
    expect((await customerRows(w)).map((r) => r.price)).toEqual(["95.0000"]);

    const page = (await listCustomerTiers(w.adminViewer, w.b2b.id, {}))!;
    expect(page.rows.map((r) => [r.sku, r.tiers])).toEqual([[wrench.sku, [{ minQuantity: 1, price: "95.0000" }]]]);

    const entries = (await listAudit(w.adminViewer, { entity: "customer", entityId: w.b2b.id }))!.entries;
    expect(entries[0]).toMatchObject({ action: "price", entityLabel: w.b2b.debtorNumber });
    expect(entries[0]!.changes).toEqual([{ field: `SKU ${wrench.sku} from 1`, from: "99.9999", to: "95.0000" }]);

    expect(await removeCustomerTier(w.adminViewer, w.b2b.id, { productId: String(wrench.id), minQuantity: "1", price: "99.9999" })).toMatchObject({ ok: false, code: "conflict" });
    expect(await removeCustomerTier(w.adminViewer, w.b2b.id, { productId: String(wrench.id), minQuantity: "1", price: "95.0000" })).toMatchObject({ ok: true });
    expect(await customerRows(w)).toHaveLength(0);
    expect(await buyerPrice(w, wrench.id, 1)).toEqual({ price: "110.0000", source: "price_list" });
    expect(await removeCustomerTier(w.adminViewer, w.b2b.id, { productId: String(wrench.id), minQuantity: "1", price: "95.0000" })).toMatchObject({ ok: false, code: "conflict" });
    const [removed] = (await listAudit(w.adminViewer, { entity: "customer", entityId: w.b2b.id }))!.entries;
    expect(removed!.changes).toEqual([{ field: `SKU ${wrench.sku} from 1`, from: "95.0000", to: null }]);
    expect(await w.db.select().from(customerPrices).where(and(eq(customerPrices.customerId, w.b2b.id), eq(customerPrices.productId, wrench.id)))).toHaveLength(0);
  });

  it("answers not found for a customer that does not exist", async () => {
    const w = await makeWorld();
    expect(await getCustomerForPrices(w.adminViewer, 99999999)).toBeNull();
    expect(await setCustomerTier(w.adminViewer, 99999999, { sku: w.products[0]!.sku, minQuantity: "100", price: "1" })).toMatchObject({ ok: false, code: "not_found" });
  });
});
