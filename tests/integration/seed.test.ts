import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { DEMO_ANCHORS } from "@/db/seed/anchors";
import { DEMO_PASSWORD, DEMO_USERS, seedDemoDataIfEmpty } from "@/db/seed/demo";
import { categories, customerPrices, customers, priceListPrices, priceLists, products, users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { getDb } from "@/lib/db/client";
import { ociProfileOf } from "@/lib/oci/profile-store";

const count = async (table: typeof products | typeof categories | typeof users | typeof customers | typeof priceLists) => {
  const db = await getDb();
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(table);
  return Number(row!.n);
};

describe("demo seed", () => {
  it("seeds once even when called concurrently, then skips", async () => {
    const db = await getDb();
    const results = await Promise.all([seedDemoDataIfEmpty(db), seedDemoDataIfEmpty(db)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await seedDemoDataIfEmpty(db)).toBe(false);

    expect(await count(products)).toBe(300);
    expect(await count(categories)).toBeGreaterThanOrEqual(30);
    expect(await count(customers)).toBe(4);
    expect(await count(users)).toBe(Object.keys(DEMO_USERS).length);
    expect(await count(priceLists)).toBe(2);
  });

  it("stores the anchors, price tiers and customer prices", async () => {
    const db = await getDb();
    const [screw] = await db.select().from(products).where(eq(products.sku, DEMO_ANCHORS.perHundred.sku));
    expect(screw).toMatchObject({ slug: DEMO_ANCHORS.perHundred.slug, priceUnit: 100, listPrice: "12.5000", minQuantity: 100, featured: true });

    const [listA] = await db.select().from(priceLists).where(eq(priceLists.code, "B2B-A"));
    const tiers = await db
      .select({ minQuantity: priceListPrices.minQuantity, price: priceListPrices.price })
      .from(priceListPrices)
      .where(sql`${priceListPrices.priceListId} = ${listA!.id} and ${priceListPrices.productId} = ${screw!.id}`)
      .orderBy(priceListPrices.minQuantity);
    expect(tiers).toEqual([
      { minQuantity: 100, price: "9.8000" },
      { minQuantity: 1000, price: "8.9000" },
    ]);

    const [muller] = await db.select().from(customers).where(eq(customers.debtorNumber, "10001"));
    expect(muller).toMatchObject({ kind: "b2b", name: "Müller Maschinenbau GmbH", priceListId: listA!.id, ociVendorNumber: "4711" });
    const [vanDijk] = await db.select().from(customers).where(eq(customers.debtorNumber, "10002"));
    expect(vanDijk).toMatchObject({ kind: "b2b", ociVendorNumber: "V-2002" });
    // Van Dijk's demo OCI profile maps units and material groups; Müller keeps the defaults.
    const vanDijkProfile = (await ociProfileOf(vanDijk!.id)).profile;
    expect(vanDijkProfile).toMatchObject({ vendorNumber: "V-2002", unitCodes: { C62: "PCE", PR: "PAA" }, allowedHooks: ["http://127.0.0.1:", "http://localhost:"] });
    const [fasteners] = await db.select().from(categories).where(eq(categories.slug, "fasteners"));
    expect(vanDijkProfile.matgroup).toEqual({ source: "category", codes: { [String(fasteners!.id)]: "FAST" } });
    expect((await ociProfileOf(muller!.id)).version).toBe(0);

    const [dutch] = await db.select().from(products).where(eq(products.sku, DEMO_ANCHORS.dutch.sku));
    const special = await db
      .select({ minQuantity: customerPrices.minQuantity, price: customerPrices.price })
      .from(customerPrices)
      .where(sql`${customerPrices.customerId} = ${muller!.id} and ${customerPrices.productId} = ${dutch!.id}`);
    expect(special).toEqual([{ minQuantity: 1, price: "9.9000" }]);

    // Generated price list rows are below list price.
    const above = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(priceListPrices)
      .innerJoin(products, eq(products.id, priceListPrices.productId))
      .where(sql`${priceListPrices.price} >= ${products.listPrice}`);
    expect(Number(above[0]!.n)).toBe(0);
    const [featured] = await db.select({ n: sql<number>`count(*)::int` }).from(products).where(eq(products.featured, true));
    expect(Number(featured!.n)).toBe(8);
  });

  it("creates the demo users with the demo password", async () => {
    const db = await getDb();
    const [buyer] = await db.select().from(users).where(eq(users.email, DEMO_USERS.buyer.email));
    expect(buyer).toMatchObject({ name: "Jan Müller", isPrimary: true, active: true, role: "buyer" });
    expect(await verifyPassword(DEMO_PASSWORD, buyer!.passwordHash)).toBe(true);
    expect(await verifyPassword("wrong", buyer!.passwordHash)).toBe(false);
    const [admin] = await db.select().from(users).where(eq(users.email, DEMO_USERS.admin.email));
    expect(admin?.role).toBe("admin");
    const [disabled] = await db.select().from(users).where(eq(users.email, DEMO_USERS.disabled.email));
    expect(disabled?.active).toBe(false);
  });
});
