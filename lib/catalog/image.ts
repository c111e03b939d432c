import "server-only";
import { eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { categories, products } from "@/db/schema";
import { getDb } from "@/lib/db/client";

/** What the generated product picture needs: one indexed lookup by SKU. */
export async function productForImage(sku: string) {
  const db = await getDb();
  const parent = alias(categories, "parent");
  const [row] = await db
    .select({ sku: products.sku, name: products.name, categorySlug: sql<string>`coalesce(${parent.slug}, ${categories.slug})` })
    .from(products)
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .leftJoin(parent, eq(parent.id, categories.parentId))
    .where(eq(products.sku, sku))
    .limit(1);
  return row ?? null;
}
