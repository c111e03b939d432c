import "server-only";
import { and, asc, desc, eq, gt, inArray, or, sql } from "drizzle-orm";
import { categories, products } from "@/db/schema";
import { getDb } from "@/lib/db/client";
import { summaryColumns } from "./columns";
import type { Category, ProductDetail, ProductSummary, Sort } from "./types";

export async function listRootCategories(): Promise<Category[]> {
  const db = await getDb();
  return db
    .select({ id: categories.id, parentId: categories.parentId, slug: categories.slug, name: categories.name, description: categories.description })
    .from(categories)
    .where(sql`${categories.parentId} is null`)
    .orderBy(asc(categories.position), asc(categories.name));
}

/** A category with its parent and children (for breadcrumbs and sub-navigation), in one query. */
export async function getCategoryBySlug(slug: string) {
  const db = await getDb();
  const [category] = await db.select().from(categories).where(eq(categories.slug, slug)).limit(1);
  if (!category) return null;
  const related = await db
    .select({ id: categories.id, parentId: categories.parentId, slug: categories.slug, name: categories.name, description: categories.description })
    .from(categories)
    .where(
      or(
        eq(categories.parentId, category.id),
        category.parentId ? eq(categories.id, category.parentId) : sql`false`,
      ),
    )
    .orderBy(asc(categories.position), asc(categories.name));
  return {
    category,
    parent: related.find((c) => c.id === category.parentId) ?? null,
    children: related.filter((c) => c.parentId === category.id),
  };
}

export type ListingQuery = {
  categoryIds: number[];
  sort: Sort;
  page: number;
  pageSize: number;
  manufacturer?: string;
  inStock?: boolean;
};

/** One page of a category listing and the total count, in one indexed query. */
export async function listProducts(q: ListingQuery): Promise<{ items: ProductSummary[]; total: number }> {
  const db = await getDb();
  const where = and(
    eq(products.active, true),
    inArray(products.categoryId, q.categoryIds),
    q.manufacturer ? eq(products.manufacturer, q.manufacturer) : undefined,
    q.inStock ? gt(products.stock, 0) : undefined,
  );
  // Price sorting uses the list price (indexed); customer discounts are applied afterwards.
  const order =
    q.sort === "price_asc"
      ? [asc(products.listPrice), asc(products.id)]
      : q.sort === "price_desc"
        ? [desc(products.listPrice), asc(products.id)]
        : [asc(products.name), asc(products.id)];
  const rows = await db
    .select({ ...summaryColumns, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(products)
    .where(where)
    .orderBy(...order)
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: rows.map(({ total: _t, ...p }) => p), total: rows[0]?.total ?? (q.page > 1 ? await countProducts(where) : 0) };
}

async function countProducts(where: ReturnType<typeof and>) {
  const db = await getDb();
  const [row] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(products).where(where);
  return row?.n ?? 0;
}

export async function listManufacturers(categoryIds: number[]): Promise<string[]> {
  const db = await getDb();
  const rows = await db
    .selectDistinct({ manufacturer: products.manufacturer })
    .from(products)
    .where(and(eq(products.active, true), inArray(products.categoryId, categoryIds)))
    .orderBy(asc(products.manufacturer));
  return rows.map((r) => r.manufacturer).filter(Boolean);
}

export async function listFeaturedProducts(limit = 8): Promise<ProductSummary[]> {
  const db = await getDb();
  return db
    .select(summaryColumns)
    .from(products)
    .where(and(eq(products.featured, true), eq(products.active, true)))
    .orderBy(asc(products.id))
    .limit(limit);
}

export async function getProductBySlug(slug: string): Promise<(ProductDetail & { category: Category }) | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      ...summaryColumns,
      description: products.description,
      unspsc: products.unspsc,
      categoryId: products.categoryId,
      category: { id: categories.id, parentId: categories.parentId, slug: categories.slug, name: categories.name, description: categories.description },
    })
    .from(products)
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .where(and(eq(products.slug, slug), eq(products.active, true)))
    .limit(1);
  return row ?? null;
}

export async function getProductsByIds(ids: number[]) {
  if (ids.length === 0) return [];
  const db = await getDb();
  return db
    .select({ ...summaryColumns, description: products.description, unspsc: products.unspsc, active: products.active })
    .from(products)
    .where(inArray(products.id, ids));
}
