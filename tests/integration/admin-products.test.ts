import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, categories, products } from "@/db/schema";
import { listAudit } from "@/lib/admin/audit";
import { newProductFields, productFields } from "@/lib/admin/product-schema";
import { createProduct, getProductForAdmin, listProductsForAdmin, setProductActive, updateProduct } from "@/lib/admin/products";
import { makeWorld } from "../support/fixtures";

type World = Awaited<ReturnType<typeof makeWorld>>;

function formOf(p: World["products"][number]) {
  return productFields.parse({
    name: p.name,
    description: p.description,
    manufacturer: p.manufacturer,
    manufacturerPartNumber: p.manufacturerPartNumber,
    unit: p.unit,
    priceUnit: p.priceUnit,
    listPrice: p.listPrice,
    currency: p.currency,
    vatRate: p.vatRate,
    leadTimeDays: p.leadTimeDays,
    unspsc: p.unspsc,
    categoryId: p.categoryId,
    stock: p.stock,
    minQuantity: p.minQuantity,
    packQuantity: p.packQuantity,
    active: p.active,
    featured: p.featured,
  });
}

async function auditCount(w: World) {
  return (await w.db.select().from(auditLog)).length;
}

describe("back-office products", () => {
  it("refuses everyone but an operator, and writes nothing for them", async () => {
    const w = await makeWorld();
    const p = w.products[0]!;
    const before = await auditCount(w);
    for (const viewer of [null, w.buyerViewer, w.shopperViewer]) {
      expect(await listProductsForAdmin(viewer, {})).toBeNull();
      expect(await getProductForAdmin(viewer, p.id)).toBeNull();
      expect(await updateProduct(viewer, p.id, p.version, { ...formOf(p), listPrice: "1.00" })).toMatchObject({ ok: false, code: "not_found" });
      expect(await setProductActive(viewer, p.id, p.version, false)).toMatchObject({ ok: false, code: "not_found" });
      expect(await createProduct(viewer, newProductFields.parse({ ...formOf(p), sku: "NEVER-1" }))).toMatchObject({ ok: false, code: "not_found" });
    }
    const [row] = await w.db.select().from(products).where(eq(products.id, p.id));
    expect(row!.listPrice).toBe(p.listPrice);
    expect(row!.active).toBe(true);
    expect(await w.db.select().from(products).where(eq(products.sku, "NEVER-1"))).toHaveLength(0);
    expect(await auditCount(w)).toBe(before);
  });

  it("saves an edit with the old and new values in the audit log, and counts the version up", async () => {
    const w = await makeWorld();
    const p = w.products[1]!;
    const result = await updateProduct(w.adminViewer, p.id, p.version, productFields.parse({ ...formOf(p), listPrice: "119,5", stock: 7 }));
    expect(result).toEqual({ ok: true, id: p.id });
    const [row] = await w.db.select().from(products).where(eq(products.id, p.id));
    expect(row).toMatchObject({ listPrice: "119.5000", stock: 7, version: p.version + 1 });
    const history = await listAudit(w.adminViewer, { entity: "product", entityId: p.id });
    expect(history!.entries).toHaveLength(1);
    expect(history!.entries[0]).toMatchObject({ actorEmail: w.operator.email, action: "update", entityLabel: p.sku });
    expect(history!.entries[0]!.changes).toEqual([
      { field: "listPrice", from: "129.0000", to: "119.5000" },
      { field: "stock", from: "100", to: "7" },
    ]);
    // The same values again are no change: no new version, no audit entry.
    expect(await updateProduct(w.adminViewer, p.id, p.version + 1, { ...formOf(p), listPrice: "119.50", stock: 7 })).toEqual({ ok: true, id: p.id });
    expect((await listAudit(w.adminViewer, { entity: "product", entityId: p.id }))!.entries).toHaveLength(1);
  });

  it("refuses the second of two edits made from the same version and keeps the first", async () => {
    const w = await makeWorld();
    const p = w.products[2]!;
    expect((await updateProduct(w.adminViewer, p.id, p.version, { ...formOf(p), name: "First operator" })).ok).toBe(true);
    const second = await updateProduct(w.adminViewer, p.id, p.version, { ...formOf(p), name: "Second operator" });
    expect(second).toMatchObject({ ok: false, code: "conflict" });
    expect(second.ok ? "" : second.message).toMatch(/changed by someone else/);
    const [row] = await w.db.select().from(products).where(eq(products.id, p.id));
    expect(row!.name).toBe("First operator");
  });

  it("lets exactly one of two parallel saves from the same version win", async () => {
    const w = await makeWorld();
    const p = w.products[0]!;
    const results = await Promise.all(["A", "B", "C"].map((n) => updateProduct(w.adminViewer, p.id, p.version, { ...formOf(p), name: `Parallel ${n}` })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === "conflict")).toHaveLength(2);
    expect((await listAudit(w.adminViewer, { entity: "product", entityId: p.id }))!.entries).toHaveLength(1);
  });

  it("creates a product with a unique article number and refuses a duplicate (any case)", async () => {
    const w = await makeWorld();
    const fields = newProductFields.parse({ ...formOf(w.products[0]!), sku: `NEW-${w.b2b.id}`, name: "Neue Mutter M8" });
    const created = await createProduct(w.adminViewer, fields);
    expect(created.ok).toBe(true);
    const again = await createProduct(w.adminViewer, { ...fields, sku: fields.sku.toLowerCase() });
    expect(again).toMatchObject({ ok: false, fields: { sku: expect.stringMatching(/already used/) } });
    const rows = await w.db.select().from(products).where(eq(products.name, "Neue Mutter M8"));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.slug).toBe(`neue-mutter-m8-new-${w.b2b.id}`);
  });

  it("deactivates and reactivates, and the list filters by it", async () => {
    const w = await makeWorld();
    const p = w.products[0]!;
    expect((await setProductActive(w.adminViewer, p.id, p.version, false)).ok).toBe(true);
    const inactive = await listProductsForAdmin(w.adminViewer, { q: p.sku, active: "inactive" });
    expect(inactive!.rows.map((r) => r.sku)).toEqual([p.sku]);
    expect((await listProductsForAdmin(w.adminViewer, { q: p.sku, active: "active" }))!.rows).toHaveLength(0);
    expect(await setProductActive(w.adminViewer, p.id, p.version, true)).toMatchObject({ ok: false, code: "conflict" });
    expect((await setProductActive(w.adminViewer, p.id, p.version + 1, true)).ok).toBe(true);
  });

  it("finds products by article number prefix, part number prefix and name words, within a category and below it", async () => {
    const w = await makeWorld();
    const [child] = await w.db.insert(categories).values({ slug: `child-${w.b2b.id}`, name: "Child", parentId: w.category.id }).returning();
    await w.db.update(products).set({ categoryId: child!.id, manufacturerPartNumber: `MPN-${w.b2b.id}-X` }).where(eq(products.id, w.products[2]!.id));
    const skuPrefix = w.products[0]!.sku.slice(0, -1);
    expect((await listProductsForAdmin(w.adminViewer, { q: skuPrefix }))!.rows.map((r) => r.sku)).toEqual(w.products.map((p) => p.sku));
    expect((await listProductsForAdmin(w.adminViewer, { q: `mpn-${w.b2b.id}` }))!.rows.map((r) => r.id)).toEqual([w.products[2]!.id]);
    expect((await listProductsForAdmin(w.adminViewer, { q: "drehmoment", categoryId: w.category.id }))!.rows.map((r) => r.id)).toEqual([w.products[1]!.id]);
    expect((await listProductsForAdmin(w.adminViewer, { categoryId: w.category.id }))!.total).toBe(3);
    expect((await listProductsForAdmin(w.adminViewer, { categoryId: child!.id }))!.rows.map((r) => r.id)).toEqual([w.products[2]!.id]);
    // Search syntax is never passed through: quotes and operators are just characters.
    expect((await listProductsForAdmin(w.adminViewer, { q: "':* & | !(" }))!.rows).toHaveLength(0);
  });

  it("validates the form: messages per field, exact decimals", () => {
    const p = { name: "", unit: "x", priceUnit: "0", listPrice: "1.23456", currency: "euro", vatRate: "19.555", leadTimeDays: "-1", unspsc: "123", categoryId: "1", stock: "1", minQuantity: "1", packQuantity: "1", active: true, featured: false };
    const parsed = productFields.safeParse(p);
    expect(parsed.success).toBe(false);
    const fields = new Set(parsed.error!.issues.map((i) => i.path[0]));
    for (const f of ["name", "unit", "priceUnit", "listPrice", "currency", "vatRate", "leadTimeDays", "unspsc"]) expect(fields).toContain(f);
    expect(productFields.parse({ ...p, name: "Ok", unit: "pce", priceUnit: "100", listPrice: "0,0125", currency: "eur", vatRate: "7", leadTimeDays: "0", unspsc: "" })).toMatchObject({ unit: "PCE", listPrice: "0.0125", currency: "EUR", priceUnit: 100 });
  });
});

describe("the audit log", () => {
  it("is read by operators only, and found by object label or who", async () => {
    const w = await makeWorld();
    const p = w.products[0]!;
    await updateProduct(w.adminViewer, p.id, p.version, { ...formOf(p), stock: 1 });
    expect(await listAudit(w.buyerViewer)).toBeNull();
    expect(await listAudit(null, { entity: "product" })).toBeNull();
    expect((await listAudit(w.adminViewer, { q: p.sku.toLowerCase() }))!.entries.map((e) => e.entityLabel)).toEqual([p.sku]);
    expect((await listAudit(w.adminViewer, { q: w.operator.email.slice(0, 12), entity: "product" }))!.entries.length).toBeGreaterThan(0);
    expect((await listAudit(w.adminViewer, { q: "%" }))!.entries).toHaveLength(0);
  });
});
