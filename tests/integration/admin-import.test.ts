import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { auditLog, customerPrices, orders, products } from "@/db/schema";
import { addToCart, ensureCartId } from "@/lib/cart/store";
import { placeWebOrder } from "@/lib/orders/checkout";
import { CUSTOMER_PRICE_COLUMNS, PRODUCT_COLUMNS } from "@/lib/admin/csv/columns";
import { customerPricesCsv, ordersCsv, productsCsv } from "@/lib/admin/export";
import { importCsv, type ImportResult } from "@/lib/admin/import";
import { makeWorld } from "../support/fixtures";

type World = Awaited<ReturnType<typeof makeWorld>>;

const HEADER = PRODUCT_COLUMNS.join(";");

/** One products CSV line in the documented column order (values as an operator types them). */
function productLine(w: World, sku: string, overrides: Partial<Record<(typeof PRODUCT_COLUMNS)[number], string>> = {}): string {
  const row: Record<string, string> = {
    sku,
    name: `Imported ${sku}`,
    description: "Steel; zinc plated",
    manufacturer: "ACME",
    manufacturer_part_number: `MPN-${sku}`,
    unit: "C62",
    price_unit: "1",
    list_price: "12,50",
    currency: "EUR",
    vat_rate: "19",
    lead_time_days: "2",
    unspsc: "31161500",
    category_slug: w.category.slug,
    stock: "10",
    min_quantity: "1",
    pack_quantity: "1",
    active: "true",
    featured: "false",
    ...overrides,
  };
  return PRODUCT_COLUMNS.map((c) => csvCell(row[c]!, ";")).join(";");
}

function csvCell(value: string, delimiter: string): string {
  return value.includes(delimiter) || value.includes('"') || value.includes("\n") ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A CSV as the browser sends it: bytes in chunks, cut anywhere (even inside a character). */
function bodyOf(text: string, chunkSize = 7): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + chunkSize));
      offset += chunkSize;
    },
  });
}

/** The bytes as text, keeping a BOM (Response.text() would drop it). */
async function textOf(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
}

function expectOk(result: ImportResult) {
  if (!result.ok) throw new Error(`import refused: ${result.message} ${JSON.stringify(result.errors)}`);
  return result;
}

async function productsBySku(w: World, skus: string[]) {
  return w.db.select().from(products).where(inArray(products.sku, skus));
}

const uid = () => Math.random().toString(36).slice(2, 8).toUpperCase();

describe("CSV import: products", () => {
  it("refuses a non-admin and writes nothing", async () => {
    const w = await makeWorld();
    const sku = `NA-${uid()}`;
    const csv = `${HEADER}\n${productLine(w, sku)}\n`;
    expect(await importCsv(w.buyerViewer, "products", bodyOf(csv))).toMatchObject({ ok: false, code: "not_found" });
    expect(await importCsv(null, "products", bodyOf(csv))).toMatchObject({ ok: false, code: "not_found" });
    expect(await productsBySku(w, [sku])).toHaveLength(0);
    expect(productsCsv(w.buyerViewer)).toBeNull();
    expect(ordersCsv(w.shopperViewer)).toBeNull();
    expect(customerPricesCsv(null)).toBeNull();
  });

  it("inserts new products with a slug from name and SKU, and records one audit entry", async () => {
    const w = await makeWorld();
    const [a, b] = [`NEW-${uid()}`, `NEW-${uid()}`];
    const csv = [HEADER, productLine(w, a, { name: "Schraube Größe M8", list_price: "0.1234" }), productLine(w, b, { active: "false", featured: "true" })].join("\n");
    const result = expectOk(await importCsv(w.adminViewer, "products", bodyOf(csv), { fileName: "new.csv" }));
    expect(result).toMatchObject({ inserted: 2, updated: 0, unchanged: 0 });
    const [pa] = await productsBySku(w, [a]);
    expect(pa).toMatchObject({ name: "Schraube Größe M8", slug: `schraube-groesse-m8-${a.toLowerCase()}`, listPrice: "0.1234", description: "Steel; zinc plated", vatRate: "19.00", categoryId: w.category.id, active: true, featured: false, version: 1 });
    const [pb] = await productsBySku(w, [b]);
    expect(pb).toMatchObject({ listPrice: "12.5000", active: false, featured: true });
    const audit = await w.db.select().from(auditLog).where(and(eq(auditLog.entity, "import"), eq(auditLog.entityLabel, "new.csv")));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "products", actorUserId: w.operator.id });
    expect(audit[0]!.changes).toEqual(expect.arrayContaining([{ field: "inserted", from: null, to: "2" }, { field: "updated", from: null, to: "0" }]));
  });

  it("refuses a file with one bad row among good ones, writes nothing and names that line", async () => {
    const w = await makeWorld();
    const skus = [`OK-${uid()}`, `BAD-${uid()}`, `OK-${uid()}`];
    const before = await w.db.select({ id: auditLog.id }).from(auditLog);
    const csv = [
      HEADER,
      productLine(w, skus[0]!),
      productLine(w, w.products[0]!.sku, { name: "Changed name" }),
      productLine(w, skus[1]!, { list_price: "12.345678", unit: "pcs", category_slug: "no-such-category", min_quantity: "0" }),
      productLine(w, skus[2]!),
    ].join("\r\n");
    const result = await importCsv(w.adminViewer, "products", bodyOf(csv));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("invalid");
    expect(result.errors.map((e) => e.line)).toEqual([4, 4, 4, 4]);
    const messages = result.errors.map((e) => e.message).join("\n");
    expect(messages).toMatch(/list_price/);
    expect(messages).toMatch(/unit/);
    expect(messages).toMatch(/category_slug.*no-such-category/);
    expect(messages).toMatch(/min_quantity/);
    expect(await productsBySku(w, skus)).toHaveLength(0);
    const [unchanged] = await productsBySku(w, [w.products[0]!.sku]);
    expect(unchanged!.name).toBe(w.products[0]!.name);
    expect(await w.db.select({ id: auditLog.id }).from(auditLog)).toHaveLength(before.length);
  });

  it("refuses unknown and missing columns before reading any row", async () => {
    const w = await makeWorld();
    const extra = await importCsv(w.adminViewer, "products", bodyOf(`${HEADER};colour\n`));
    expect(extra).toMatchObject({ ok: false, code: "invalid", errors: [{ line: 1, message: expect.stringContaining("colour") }] });
    const missing = await importCsv(w.adminViewer, "products", bodyOf(`${PRODUCT_COLUMNS.filter((c) => c !== "stock").join(";")}\n`));
    expect(missing).toMatchObject({ ok: false, errors: [{ line: 1, message: expect.stringContaining("stock") }] });
    const empty = await importCsv(w.adminViewer, "products", bodyOf(""));
    expect(empty).toMatchObject({ ok: false, errors: [{ line: 1 }] });
  });

  it("reports duplicate SKUs, wrong value counts and invalid UTF-8 with their lines", async () => {
    const w = await makeWorld();
    const sku = `DUP-${uid()}`;
    const csv = [HEADER, productLine(w, sku), "just;three;values", productLine(w, sku)].join("\n");
    const result = await importCsv(w.adminViewer, "products", bodyOf(csv));
    expect(result).toMatchObject({ ok: false, errors: [{ line: 3, message: expect.stringMatching(/values/) }, { line: 4, message: expect.stringMatching(/line 2/) }] });
    expect(await productsBySku(w, [sku])).toHaveLength(0);
    const latin1 = new Uint8Array([...new TextEncoder().encode(`${HEADER}\n`), 0x47, 0x72, 0xf6, 0xdf, 0x65]);
    const notUtf8 = await importCsv(w.adminViewer, "products", [latin1]);
    expect(notUtf8).toMatchObject({ ok: false, errors: [{ message: expect.stringMatching(/UTF-8/) }] });
  });

  it("accepts UTF-8 with a BOM and ',' as the delimiter (quoted decimal commas)", async () => {
    const w = await makeWorld();
    const sku = `BOM-${uid()}`;
    const row: Record<string, string> = {
      sku, name: "Kugelhahn, Messing", description: 'Zoll "1/2"', manufacturer: "Müller", manufacturer_part_number: "", unit: "PCE", price_unit: "100",
      list_price: "1234,5", currency: "EUR", vat_rate: "7,00", lead_time_days: "0", unspsc: "", category_slug: w.category.slug, stock: "0",
      min_quantity: "100", pack_quantity: "100", active: "TRUE", featured: "0",
    };
    const csv = `\ufeff${PRODUCT_COLUMNS.join(",")}\r\n${PRODUCT_COLUMNS.map((c) => csvCell(row[c]!, ",")).join(",")}\r\n`;
    expectOk(await importCsv(w.adminViewer, "products", bodyOf(csv, 3)));
    const [p] = await productsBySku(w, [sku]);
    expect(p).toMatchObject({ name: "Kugelhahn, Messing", description: 'Zoll "1/2"', manufacturer: "Müller", listPrice: "1234.5000", vatRate: "7.00", priceUnit: 100, leadTimeDays: 0 });
  });

  it("updates existing SKUs (keeping their slug, raising their version) and inserts new ones", async () => {
    const w = await makeWorld();
    const existing = w.products[1]!;
    const fresh = `UPS-${uid()}`;
    const csv = [HEADER, productLine(w, existing.sku, { name: "Renamed wrench", list_price: "99.90", stock: "5" }), productLine(w, fresh)].join("\n");
    const result = expectOk(await importCsv(w.adminViewer, "products", bodyOf(csv)));
    expect(result).toMatchObject({ inserted: 1, updated: 1, unchanged: 0 });
    const [updated] = await productsBySku(w, [existing.sku]);
    expect(updated).toMatchObject({ id: existing.id, slug: existing.slug, name: "Renamed wrench", listPrice: "99.9000", stock: 5, version: existing.version + 1 });
    expect(await productsBySku(w, [fresh])).toHaveLength(1);
  });

  it("re-imports its own export unchanged: nothing updated, versions kept", async () => {
    const w = await makeWorld();
    expectOk(await importCsv(w.adminViewer, "products", bodyOf([HEADER, productLine(w, `RT-${uid()}`, { description: 'multi\nline; "quoted"' })].join("\n"))));
    const exported = await textOf(productsCsv(w.adminViewer)!);
    expect(exported.startsWith(`\ufeff${HEADER}\r\n`)).toBe(true);
    const before = await w.db.select({ id: products.id, version: products.version, listPrice: products.listPrice, description: products.description }).from(products).orderBy(products.id);
    const again = expectOk(await importCsv(w.adminViewer, "products", bodyOf(exported, 4096)));
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: before.length });
    const after = await w.db.select({ id: products.id, version: products.version, listPrice: products.listPrice, description: products.description }).from(products).orderBy(products.id);
    expect(after).toEqual(before);
  });

  it("caps the error list at 200 and says how many more", async () => {
    const w = await makeWorld();
    const lines = [HEADER];
    for (let i = 0; i < 250; i++) lines.push(productLine(w, `CAP-${i}`, { unit: "x" }));
    const result = await importCsv(w.adminViewer, "products", bodyOf(lines.join("\n"), 1 << 16));
    expect(result).toMatchObject({ ok: false, more: 50 });
    if (!result.ok) expect(result.errors).toHaveLength(200);
  });

  it("imports 5,000 rows through the streaming path", async () => {
    const w = await makeWorld();
    const prefix = `BULK-${uid()}`;
    const text = async function* () {
      yield new TextEncoder().encode(`${HEADER}\n`);
      for (let i = 0; i < 5000; i++) yield new TextEncoder().encode(`${productLine(w, `${prefix}-${i}`, { list_price: `${i}.99`, stock: String(i) })}\n`);
    };
    const started = performance.now();
    const result = expectOk(await importCsv(w.adminViewer, "products", text()));
    const ms = performance.now() - started;
    console.log(`[admin-import] 5,000 rows imported in ${ms.toFixed(0)} ms`);
    expect(result).toMatchObject({ inserted: 5000, updated: 0 });
    const [last] = await productsBySku(w, [`${prefix}-4999`]);
    expect(last).toMatchObject({ listPrice: "4999.9900", stock: 4999 });
  });
});

describe("CSV import: customer prices", () => {
  const CP_HEADER = CUSTOMER_PRICE_COLUMNS.join(";");

  it("upserts by debtor number, SKU and minimum quantity", async () => {
    const w = await makeWorld();
    const [p0, p1] = w.products;
    await w.customerPrice(p0!.id, 100, "11.0000");
    const csv = [CP_HEADER, `${w.b2b.debtorNumber};${p0!.sku};100;10,50`, `${w.b2b.debtorNumber};${p0!.sku};1000;9.75`, `${w.b2b.debtorNumber};${p1!.sku};1;120`].join("\n");
    const result = expectOk(await importCsv(w.adminViewer, "customer_prices", bodyOf(csv)));
    expect(result).toMatchObject({ inserted: 2, updated: 1 });
    const rows = await w.db.select().from(customerPrices).where(eq(customerPrices.customerId, w.b2b.id)).orderBy(customerPrices.productId, customerPrices.minQuantity);
    expect(rows.map((r) => [r.productId, r.minQuantity, r.price])).toEqual([
      [p0!.id, 100, "10.5000"],
      [p0!.id, 1000, "9.7500"],
      [p1!.id, 1, "120.0000"],
    ]);
    const exported = await textOf(customerPricesCsv(w.adminViewer)!);
    expect(exported).toContain(`${w.b2b.debtorNumber};${p0!.sku};1000;9.7500`);
    expect(expectOk(await importCsv(w.adminViewer, "customer_prices", bodyOf(exported)))).toMatchObject({ inserted: 0, updated: 0 });
    const [entry] = await w.db.select().from(auditLog).where(and(eq(auditLog.entity, "import"), eq(auditLog.action, "customer_prices"))).orderBy(auditLog.id).limit(1);
    expect(entry!.changes).toEqual(expect.arrayContaining([{ field: "inserted", from: null, to: "2" }, { field: "updated", from: null, to: "1" }]));
  });

  it("refuses unknown debtors and SKUs with their lines and writes nothing", async () => {
    const w = await makeWorld();
    const csv = [CP_HEADER, `${w.b2b.debtorNumber};${w.products[0]!.sku};1;5`, `NO-DEBTOR;${w.products[0]!.sku};1;5`, `${w.b2b.debtorNumber};NO-SKU;1;5`, `${w.b2b.debtorNumber};${w.products[1]!.sku};0;-1`].join("\n");
    const result = await importCsv(w.adminViewer, "customer_prices", bodyOf(csv));
    expect(result).toMatchObject({ ok: false, code: "invalid" });
    if (result.ok) return;
    expect(result.errors.map((e) => e.line)).toEqual([3, 4, 5, 5]);
    expect(await w.db.select().from(customerPrices).where(eq(customerPrices.customerId, w.b2b.id))).toHaveLength(0);
  });
});

describe("CSV export", () => {
  it("writes one row per order with the customer and the user", async () => {
    const w = await makeWorld();
    const cartId = await ensureCartId({ kind: "user", userId: w.buyer.id });
    await addToCart(cartId, w.products[1]!.id, 1);
    const order = await placeWebOrder(w.buyerViewer, cartId, { idempotencyKey: randomUUID(), paymentMethod: "invoice", poReference: "PO; 7" });
    if (!order.ok) throw new Error(order.message);
    const [saved] = await w.db.select().from(orders).where(eq(orders.id, order.id));
    const lines = (await textOf(ordersCsv(w.adminViewer)!)).split("\r\n");
    expect(lines[0]).toBe("\ufeffnumber;created_at;status;channel;debtor_number;customer_name;user_email;po_reference;currency;subtotal;vat_total;total");
    expect(lines).toContain(
      `${saved!.number};${saved!.createdAt.toISOString()};placed;web;${w.b2b.debtorNumber};${w.b2b.name};${w.buyer.email};"PO; 7";EUR;129.0000;24.5100;153.5100`,
    );
  });

});
