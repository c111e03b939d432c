import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { categories, products, searchWords } from "@/db/schema";
import { listManufacturers, listProducts } from "@/lib/catalog/queries";
import { searchProducts } from "@/lib/catalog/search";
import { rebuildSearchWords } from "@/lib/catalog/search-words";
import { SORTS } from "@/lib/catalog/types";
import { getDb } from "@/lib/db/client";
import { makeWorld } from "../support/fixtures";

const catalog = [
  { name: "Sechskantschrauben DIN 933 M8x40 verzinkt", description: "Schrauben mit Gewinde bis Kopf.", manufacturer: "Bolzwerk", manufacturerPartNumber: "BW-933-0840", listPrice: "12.5000", stock: 500 },
  { name: "Cordless drill 18 V", description: "Drills and screws into wood and metal.", manufacturer: "Voltmaster", manufacturerPartNumber: "VM-18-D", listPrice: "199.0000", stock: 0 },
  { name: "Schutzhandschuhe Nitril Größe 9", description: "Chemikalienbeständige Handschuhe.", manufacturer: "Safehand", manufacturerPartNumber: "SH-N9", listPrice: "3.1000", stock: 20 },
  { name: "Kogelkraan messing 1/2 inch", description: "Kraan met hendel.", manufacturer: "Bolzwerk", manufacturerPartNumber: "BW-KK-12", listPrice: "11.4000", stock: 5 },
];

describe("search", () => {
  it("finds German and English words, inflected forms and prefixes", async () => {
    const w = await makeWorld({ products: catalog });
    const names = async (q: string) => (await searchProducts(q, 1, 24)).items.filter((p) => p.sku.startsWith(w.products[0]!.sku.slice(0, -2))).map((p) => p.name);
    expect(await names("Schraube")).toContain(catalog[0]!.name); // German stem of "Schrauben"
    expect(await names("drills")).toContain(catalog[1]!.name); // English stem
    expect(await names("Handschuh")).toContain(catalog[2]!.name); // prefix
    expect(await names("Größe")).toContain(catalog[2]!.name);
    expect(await names("Kogelkran")).toContain(catalog[3]!.name); // typo, through trigrams
  });

  it("ranks an exact article or part number first, then prefixes", async () => {
    const w = await makeWorld({ products: catalog });
    const sku = w.products[2]!.sku;
    expect((await searchProducts(sku, 1, 24)).items[0]!.sku).toBe(sku);
    expect((await searchProducts("sh-n9", 1, 24)).items[0]!.manufacturerPartNumber).toBe("SH-N9");
    const prefix = await searchProducts("BW-", 1, 24);
    expect(prefix.items.slice(0, 2).map((p) => p.manufacturer)).toEqual(["Bolzwerk", "Bolzwerk"]);
  });

  it("treats query syntax as plain words and finds nothing for nothing", async () => {
    await makeWorld({ products: catalog });
    await expect(searchProducts("!:* & | ( ' \\", 1, 24)).resolves.toEqual({ items: [], total: 0, totalIsCapped: false });
    await expect(searchProducts("screw' OR 1=1 --", 1, 24)).resolves.toMatchObject({ total: expect.any(Number) });
  });
});

describe("category listing", () => {
  it("sorts, filters and pages with a total", async () => {
    const w = await makeWorld({ products: catalog });
    const base = { categoryIds: [w.category.id], page: 1, pageSize: 2 };
    const byPrice = await listProducts({ ...base, sort: "price_asc" });
    expect(byPrice.total).toBe(4);
    expect(byPrice.items.map((p) => p.listPrice)).toEqual(["3.1000", "11.4000"]);
    const page2 = await listProducts({ ...base, sort: "price_asc", page: 2 });
    expect(page2.items.map((p) => p.listPrice)).toEqual(["12.5000", "199.0000"]);
    expect((await listProducts({ ...base, sort: "price_desc" })).items[0]!.listPrice).toBe("199.0000");
    expect((await listProducts({ ...base, sort: "name", pageSize: 24, manufacturer: "Bolzwerk" })).total).toBe(2);
    expect((await listProducts({ ...base, sort: "name", pageSize: 24, inStock: true })).total).toBe(3);
    expect(await listProducts({ ...base, sort: "name", page: 9 })).toEqual({ items: [], total: 4, totalIsCapped: false });
    expect(await listManufacturers([w.category.id])).toEqual(["Bolzwerk", "Safehand", "Voltmaster"]);
  });
});

describe("search relevance", () => {
  it("corrects a mistyped word through the lexicon, also a word that is only in descriptions", async () => {
    const w = await makeWorld({
      products: [
        { name: "Holzschraube Senkkopf 4x40", description: "Schraube für Weichholz und Spanplatten." },
        { name: "Schlosserhammer 500 g", description: "Hammer mit Eschenstiel." },
        { name: "Rohrzange 1 Zoll", description: "Zange für Rohre." },
      ],
    });
    const mine = new Set(w.products.map((p) => p.sku));
    const names = async (q: string) => (await searchProducts(q, 1, 24)).items.filter((p) => mine.has(p.sku)).map((p) => p.name);
    expect(await names("Schrauebe")).toEqual(["Holzschraube Senkkopf 4x40"]);
    expect(await names("hamer")).toEqual(["Schlosserhammer 500 g"]);
    expect(await names("Rohrzange")).toEqual(["Rohrzange 1 Zoll"]);
    expect(await names("Rohrzagne")).toEqual(["Rohrzange 1 Zoll"]);
  });

  it("keeps the lexicon in step with inserted and changed products", async () => {
    const w = await makeWorld({ products: [{ name: "Kreuzhacke Eschenstiel", description: "" }, { name: "Spitzhacke Hickorystiel", description: "" }] });
    const words = async () => (await w.db.select().from(searchWords)).map((r) => r.word);
    expect(await words()).toEqual(expect.arrayContaining(["kreuzhacke", "eschenstiel"]));
    await w.db.update(products).set({ description: "Mit Ersatzkeil aus Buche." }).where(eq(products.id, w.products[0]!.id));
    expect(await words()).toEqual(expect.arrayContaining(["ersatzkeil", "buche"]));
    // Numbers, sizes and two-letter words are never corrected, so they stay out.
    expect((await words()).some((x) => /\d/.test(x) || x.length < 3)).toBe(false);
    const found = await searchProducts("Ersatzkiel", 1, 24);
    expect(found.items.map((p) => p.id)).toContain(w.products[0]!.id);
    // Deleting keeps the word until a rebuild, which keeps the words of every other product.
    await w.db.delete(products).where(eq(products.id, w.products[0]!.id));
    expect(await words()).toContain("kreuzhacke");
    expect(await rebuildSearchWords()).toBeGreaterThan(0);
    expect(await words()).not.toContain("kreuzhacke");
    expect(await words()).toEqual(expect.arrayContaining(["spitzhacke", "hickorystiel"]));
  });

  it("ranks products matching the words as typed before those found through a correction", async () => {
    const w = await makeWorld({
      products: [
        { name: "Drahtnagel Stahl blank 3x60" }, // "stahll" only through the correction "stahl"
        { name: "Drahtnagel Stahllegierung 3x60" }, // "stahll" as typed (prefix)
      ],
    });
    const mine = new Set(w.products.map((p) => p.sku));
    const found = (await searchProducts("Drahtnagel Stahll", 1, 24)).items.filter((p) => mine.has(p.sku));
    expect(found.map((p) => p.name)).toEqual(["Drahtnagel Stahllegierung 3x60", "Drahtnagel Stahl blank 3x60"]);
  });

  it("puts the exact article or part number first, then prefixes in article number order, then text matches", async () => {
    const w = await makeWorld({
      products: [
        { name: "Passt zu QZ-7 100 Gehäuse", manufacturerPartNumber: "OTHER-1" },
        { name: "Dichtung groß", manufacturerPartNumber: "QZ-7100" },
        { name: "Dichtung klein", manufacturerPartNumber: "QZ-710" },
        { name: "Dichtung mittel", manufacturerPartNumber: "QZ-71000" },
      ],
    });
    const mine = new Set(w.products.map((p) => p.sku));
    const found = (await searchProducts("qz-710", 1, 24)).items.filter((p) => mine.has(p.sku)).map((p) => p.manufacturerPartNumber);
    expect(found.slice(0, 3)).toEqual(["QZ-710", "QZ-7100", "QZ-71000"]);
    const bySku = (await searchProducts(w.products[3]!.sku, 1, 24)).items;
    expect(bySku[0]!.sku).toBe(w.products[3]!.sku);
  });

  it("pages through the ranked results without gaps or repeats", async () => {
    const w = await makeWorld({ products: Array.from({ length: 30 }, (_, i) => ({ name: `Blindniet Alu ${i % 4}x${10 + i}`, listPrice: "1.0000" })) });
    const mine = new Set(w.products.map((p) => p.sku));
    const all = (await searchProducts("Blindniet", 1, 100)).items.filter((p) => mine.has(p.sku)).map((p) => p.id);
    expect(all).toHaveLength(30);
    const pages = [];
    for (let page = 1; page <= 4; page++) pages.push(...(await searchProducts("Blindniet", page, 8)).items.map((p) => p.id));
    expect(pages.filter((id) => all.includes(id))).toEqual(all);
  });
});

describe("listing a category with subcategories", () => {
  it("orders and pages across all subcategories, stable and complete, for every sort", async () => {
    const db = await getDb();
    const tag = `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const [top] = await db.insert(categories).values({ slug: `top-${tag}`, name: "Top" }).returning();
    const subs = await db
      .insert(categories)
      .values([0, 1, 2].map((i) => ({ slug: `sub-${i}-${tag}`, name: `Sub ${i}`, parentId: top!.id })))
      .returning();
    const rows = Array.from({ length: 31 }, (_, i) => ({
      sku: `SUB-${tag}-${i}`,
      slug: `sub-${tag}-${i}`,
      // Names and prices repeat across subcategories, so ties must be broken by id.
      name: `Teil ${String(i % 11).padStart(2, "0")}`,
      listPrice: `${(i % 7) + 1}.5000`,
      manufacturer: ["Alpha", "Beta", "Gamma"][i % 3]!,
      unit: "C62",
      categoryId: subs[i % 3]!.id,
      stock: i % 5 === 0 ? 0 : 10,
      active: i !== 30,
    }));
    rows[30]!.manufacturer = "Inaktiv GmbH";
    const inserted = await db.insert(products).values(rows).returning();
    const active = inserted.filter((p) => p.active);
    const categoryIds = [top!.id, ...subs.map((s) => s.id)];
    const expected = {
      name: [...active].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id)),
      price_asc: [...active].sort((a, b) => Number(a.listPrice) - Number(b.listPrice) || a.id - b.id),
      price_desc: [...active].sort((a, b) => Number(b.listPrice) - Number(a.listPrice) || b.id - a.id),
    };
    for (const sort of SORTS) {
      const want = expected[sort].map((p) => p.id);
      const whole = await listProducts({ categoryIds, sort, page: 1, pageSize: 100 });
      expect(whole).toMatchObject({ total: 30, totalIsCapped: false });
      expect(whole.items.map((p) => p.id)).toEqual(want);
      const paged = [];
      for (let page = 1; page <= 5; page++) {
        const r = await listProducts({ categoryIds, sort, page, pageSize: 7 });
        expect(r).toMatchObject({ total: 30, totalIsCapped: false });
        paged.push(...r.items.map((p) => p.id));
      }
      expect(paged).toEqual(want);
      expect(new Set(paged).size).toBe(30);
    }
    const alpha = await listProducts({ categoryIds, sort: "price_desc", page: 1, pageSize: 100, manufacturer: "Alpha", inStock: true });
    expect(alpha.items.map((p) => p.id)).toEqual(expected.price_desc.filter((p) => p.manufacturer === "Alpha" && p.stock > 0).map((p) => p.id));
    expect(alpha.total).toBe(alpha.items.length);
    expect(await listManufacturers(categoryIds)).toEqual(["Alpha", "Beta", "Gamma"]);
    expect(await listManufacturers([subs[0]!.id])).toEqual(["Alpha"]);
    expect(await listProducts({ categoryIds: [], sort: "name", page: 1, pageSize: 7 })).toEqual({ items: [], total: 0, totalIsCapped: false });
  });
});
