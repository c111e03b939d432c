import { describe, expect, it } from "vitest";
import { DEMO_ANCHORS } from "@/db/seed/anchors";
import { generateCatalog, topCategorySlug } from "@/db/seed/catalog";
import { UNITS, slugify } from "@/db/seed/types";

describe("slugify", () => {
  it("transliterates German letters and strips other diacritics", () => {
    expect(slugify("Drehmomentschlüssel 1/2 Zoll")).toBe("drehmomentschluessel-1-2-zoll");
    expect(slugify("Größe Ölbindemittel Äpfel")).toBe("groesse-oelbindemittel-aepfel");
    expect(slugify("  Crème brûlée — Café  ")).toBe("creme-brulee-cafe");
    expect(slugify("NYM-J 3x1,5 mm²")).toBe("nym-j-3x1-5-mm");
  });
});

describe("generateCatalog", () => {
  const catalog = generateCatalog({ products: 300 });

  it("is deterministic and a smaller catalogue is a prefix of a larger one", () => {
    expect(generateCatalog({ products: 300 })).toEqual(catalog);
    expect(generateCatalog({ products: 500 }).products.slice(0, 300)).toEqual(catalog.products);
  });

  it("has a category tree of at least 10 top-level categories with 2–4 children each", () => {
    const tops = catalog.categories.filter((c) => c.parentSlug === null);
    expect(tops.length).toBeGreaterThanOrEqual(10);
    for (const top of tops) {
      const children = catalog.categories.filter((c) => c.parentSlug === top.slug);
      expect(children.length).toBeGreaterThanOrEqual(2);
      expect(children.length).toBeLessThanOrEqual(4);
    }
    const slugs = catalog.categories.map((c) => c.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    const leaves = new Set(catalog.categories.filter((c) => c.parentSlug !== null).map((c) => c.slug));
    for (const p of catalog.products) expect(leaves.has(p.categorySlug)).toBe(true);
  });

  it("generates exactly the requested number of products with unique SKUs and slugs", () => {
    expect(catalog.products).toHaveLength(300);
    expect(new Set(catalog.products.map((p) => p.sku)).size).toBe(300);
    expect(new Set(catalog.products.map((p) => p.slug)).size).toBe(300);
    expect(new Set(catalog.products.map((p) => p.name)).size).toBe(300);
    for (const p of catalog.products) {
      expect(p.sku).toMatch(/^[A-Z]{3}-\d{5}$/);
      expect(p.slug).toBe(`${slugify(p.name)}-${p.sku.toLowerCase()}`);
    }
  });

  it("uses every unit and sensible price units, minimums and packs", () => {
    const used = new Set(catalog.products.map((p) => p.unit));
    for (const unit of UNITS) expect(used.has(unit)).toBe(true);
    for (const p of catalog.products) {
      expect([1, 100, 1000]).toContain(p.priceUnit);
      expect(p.packQuantity).toBeGreaterThan(0);
      expect(p.minQuantity % p.packQuantity).toBe(0);
      if (p.priceUnit > 1) {
        expect(p.minQuantity).toBe(p.priceUnit);
        expect(p.packQuantity).toBe(p.priceUnit);
      }
      expect(p.listPrice).toMatch(/^\d+\.\d{4}$/);
      expect(Number(p.listPrice)).toBeGreaterThan(0);
      expect(["19.00", "7.00"]).toContain(p.vatRate);
      expect(p.currency).toBe("EUR");
      expect(p.leadTimeDays).toBeGreaterThanOrEqual(1);
      expect(p.leadTimeDays).toBeLessThanOrEqual(21);
      expect(p.unspsc).toMatch(/^\d{8}$/);
      expect(p.manufacturer).not.toBe("");
      expect(p.manufacturerPartNumber).not.toBe("");
      const sentences = p.description.split(/(?<=\.)\s+/);
      expect(sentences.length).toBeGreaterThanOrEqual(2);
      expect(sentences.length).toBeLessThanOrEqual(4);
    }
    const priceUnits = new Set(catalog.products.map((p) => p.priceUnit));
    expect([...priceUnits].sort((a, b) => a - b)).toEqual([1, 100, 1000]);
    expect(catalog.products.some((p) => p.vatRate === "7.00")).toBe(true);
    expect(catalog.products.some((p) => p.priceUnit === 1 && p.packQuantity === 5)).toBe(true);
    expect(catalog.products.some((p) => p.priceUnit === 1 && p.packQuantity === 10)).toBe(true);
  });

  it("features exactly eight active products, has some out of stock and a handful inactive", () => {
    const featured = catalog.products.filter((p) => p.featured);
    expect(featured).toHaveLength(8);
    expect(featured.every((p) => p.active)).toBe(true);
    const zero = catalog.products.filter((p) => p.stock === 0).length;
    expect(zero).toBeGreaterThanOrEqual(3);
    expect(zero).toBeLessThanOrEqual(40);
    const inactive = catalog.products.filter((p) => !p.active).length;
    expect(inactive).toBeGreaterThanOrEqual(1);
    expect(inactive).toBeLessThanOrEqual(15);
  });

  it("reads like a German/Dutch wholesaler", () => {
    const names = catalog.products.map((p) => p.name).join("\n");
    expect(names).toMatch(/[äöü]/);
    expect(names).toMatch(/ß/);
    expect(names).toMatch(/Zeskantbout|Kogelkraan|Werkhandschoen/);
    expect(names).toMatch(/DIN 933/);
    const tops = new Set(catalog.products.map((p) => topCategorySlug(p.categorySlug)));
    expect(tops.size).toBeGreaterThanOrEqual(10);
  });

  it("puts the anchors first with their exact values", () => {
    const bySku = new Map(catalog.products.map((p) => [p.sku, p]));
    expect(catalog.products.slice(0, 7).map((p) => p.sku)).toEqual(Object.values(DEMO_ANCHORS).map((a) => a.sku));
    for (const anchor of Object.values(DEMO_ANCHORS)) {
      const p = bySku.get(anchor.sku)!;
      expect(p.name).toBe(anchor.name);
      expect(p.slug).toBe(anchor.slug);
      expect(p.active).toBe(true);
    }
    expect(DEMO_ANCHORS.umlaut.slug).toBe("drehmomentschluessel-1-2-zoll-40-200-nm-tol-20001");
    expect(bySku.get("FAS-10001")).toMatchObject({
      name: "Sechskantschraube DIN 933 M8x40 8.8 verzinkt",
      unit: "C62",
      priceUnit: 100,
      listPrice: "12.5000",
      minQuantity: 100,
      packQuantity: 100,
      stock: 50000,
      leadTimeDays: 2,
      unspsc: "31161500",
      featured: true,
    });
    expect(bySku.get("TOL-20001")).toMatchObject({
      name: "Drehmomentschlüssel 1/2 Zoll 40-200 Nm",
      unit: "C62",
      priceUnit: 1,
      listPrice: "129.0000",
      minQuantity: 1,
      packQuantity: 1,
      stock: 25,
      leadTimeDays: 3,
      unspsc: "27111700",
      featured: true,
    });
    expect(bySku.get("FAS-10002")).toMatchObject({ unit: "C62", priceUnit: 1000, listPrice: "18.9000", minQuantity: 1000, packQuantity: 1000 });
    expect(bySku.get("ELE-30001")).toMatchObject({ name: "Installationskabel NYM-J 3x1,5 mm² grau", unit: "MTR", priceUnit: 1, listPrice: "0.8900" });
    expect(bySku.get("SAF-40001")).toMatchObject({ name: "Schutzbrille Klar EN 166", unit: "PCE", stock: 0 });
    expect(bySku.get("CLE-50001")).toMatchObject({ name: "Bremsenreiniger 500 ml Spraydose", unit: "PCE", minQuantity: 5, packQuantity: 5, listPrice: "4.9500" });
    expect(bySku.get("PLU-60001")).toMatchObject({ name: "Kogelkraan messing 1/2 inch met hendel", unit: "PCE", listPrice: "11.4000" });
  });

  // How fast it is shows in `npm run bench` (seeding time); a timed assertion here would only
  // measure how busy the machine is.
  it("generates 100000 products, all unique", () => {
    const big = generateCatalog({ products: 100_000 });
    expect(big.products).toHaveLength(100_000);
    expect(new Set(big.products.map((p) => p.sku)).size).toBe(100_000);
    expect(new Set(big.products.map((p) => p.slug)).size).toBe(100_000);
    expect(big.products.filter((p) => p.featured)).toHaveLength(8);
    for (let i = 0; i < big.products.length; i += 997) {
      const p = big.products[i]!;
      expect(p.slug).toBe(`${slugify(p.name)}-${p.sku.toLowerCase()}`);
    }
  }, 60_000);

  it("handles tiny catalogues", () => {
    expect(generateCatalog({ products: 3 }).products.map((p) => p.sku)).toEqual(["FAS-10001", "TOL-20001", "FAS-10002"]);
    expect(generateCatalog({ products: 0 }).products).toEqual([]);
  });
});
