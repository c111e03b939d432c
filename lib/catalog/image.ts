import "server-only";
import { eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { categories, productImages, products } from "@/db/schema";
import { getDb } from "@/lib/db/client";

/** What the product picture needs (an uploaded one, or what the generated one is drawn from): one indexed lookup by SKU. */
export async function productForImage(sku: string) {
  const db = await getDb();
  const parent = alias(categories, "parent");
  const [row] = await db
    .select({
      sku: products.sku,
      name: products.name,
      categorySlug: sql<string>`coalesce(${parent.slug}, ${categories.slug})`,
      imageVersion: products.imageVersion,
      uploaded: { contentType: productImages.contentType, bytes: productImages.bytes, sha256: productImages.sha256 },
    })
    .from(products)
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .leftJoin(productImages, eq(productImages.productId, products.id))
    .leftJoin(parent, eq(parent.id, categories.parentId))
    .where(eq(products.sku, sku))
    .limit(1);
  return row ?? null;
}
