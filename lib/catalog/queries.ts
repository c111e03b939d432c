import "server-only";
import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import { categories, products } from "@/db/schema";
import { getDb, type Db, type Tx } from "@/lib/db/client";
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

/**
 * Listings count their products up to this many, or up to the end of the requested page when that
 * is further: a bigger category reports `totalIsCapped` instead of being counted to the end.
 */
export const LISTING_COUNT_CAP = 1000;

export type ListingPage = {
  items: ProductSummary[];
  /** Products in the listing, counted up to max(LISTING_COUNT_CAP, page × pageSize). */
  total: number;
  /** True when there are more than `total` (show "1000+", keep a "next" link). */
  totalIsCapped: boolean;
};

/** Category ids as one array parameter: the statement's text does not depend on how many there are. */
function idArray(ids: number[]) {
  return sql`${`{${ids.join(",")}}`}::int[]`;
}

/** The conditions every listing row meets, on `products p`. */
function listingFilter(q: ListingQuery) {
  return sql`p.active${q.manufacturer ? sql` and p.manufacturer = ${q.manufacturer}` : sql``}${q.inStock ? sql` and p.stock > 0` : sql``}`;
}

/** Counts the listing's rows, at most `limit` + 1, each category's walk stopping early. */
function cappedCount(ids: number[], q: ListingQuery, limit: number) {
  return sql`(select count(*) from (
      select 1 from unnest(${idArray(ids)}) as c(id)
      cross join lateral (select 1 from products p where p.category_id = c.id and ${listingFilter(q)} limit ${limit + 1}) x
      limit ${limit + 1}
    ) as n)`;
}

/**
 * One page of a category listing and its (capped) count, in one statement. Each category's rows are
 * read in the requested order from its index on (category_id[, manufacturer], name | list_price, id)
 * and only as far as the end of the page; the few rows per category are then merged. The work
 * grows with the page number, not with the size of the categories. Ties in price are broken by id,
 * ascending for price_asc and descending for price_desc (the same index read backwards).
 */
export async function listProducts(q: ListingQuery): Promise<ListingPage> {
  const ids = [...new Set(q.categoryIds.filter((id) => Number.isSafeInteger(id)))];
  if (ids.length === 0) return { items: [], total: 0, totalIsCapped: false };
  const db = await getDb();
  const offset = (q.page - 1) * q.pageSize;
  const end = offset + q.pageSize;
  const limit = Math.max(LISTING_COUNT_CAP, end);
  const [key, dir] =
    q.sort === "price_asc" ? [sql.raw("p.list_price"), sql.raw("asc")] : q.sort === "price_desc" ? [sql.raw("p.list_price"), sql.raw("desc")] : [sql.raw("p.name"), sql.raw("asc")];
  const pageRows = sql`(
      select x.id, x.ord from (
        select y.id, row_number() over (order by y.k ${dir}, y.id ${dir}) as ord
        from unnest(${idArray(ids)}) as c(id)
        cross join lateral (
          select p.id, ${key} as k from products p
          where p.category_id = c.id and ${listingFilter(q)}
          order by ${key} ${dir}, p.id ${dir}
          limit ${end}
        ) as y
      ) as x
      where x.ord > ${offset} and x.ord <= ${end}
    ) as pg`;
  const rows = await db
    .select({ ...summaryColumns, total: sql<number>`${cappedCount(ids, q, limit)}`.mapWith(Number) })
    .from(products)
    .innerJoin(pageRows, sql`pg.id = ${products.id}`)
    .orderBy(sql`pg.ord`);
  let n = rows[0]?.total;
  if (n === undefined) {
    if (q.page === 1) n = 0;
    else {
      const [row] = await db.select({ n: sql<number>`${cappedCount(ids, q, limit)}`.mapWith(Number) }).from(sql`(select 1) as one`);
      n = row?.n ?? 0;
    }
  }
  return { items: rows.map(({ total: _t, ...p }) => p), total: Math.min(n, limit), totalIsCapped: n > limit };
}

/**
 * The manufacturers with active products in these categories, in order: a loose index scan, one
 * index probe per category and manufacturer (index on category_id, manufacturer), however many
 * products each has.
 */
export async function listManufacturers(categoryIds: number[]): Promise<string[]> {
  const ids = [...new Set(categoryIds.filter((id) => Number.isSafeInteger(id)))];
  if (ids.length === 0) return [];
  const db = await getDb();
  const rows = await db
    .select({ manufacturer: sql<string>`m.manufacturer` })
    .from(
      sql`(
        with recursive walk(category_id, manufacturer) as (
          select c.id, (select min(p.manufacturer) from products p where p.category_id = c.id and p.active)
          from unnest(${idArray(ids)}) as c(id)
          union all
          select w.category_id,
            (select min(p.manufacturer) from products p where p.category_id = w.category_id and p.active and p.manufacturer > w.manufacturer)
          from walk w
          where w.manufacturer is not null
        )
        select distinct manufacturer from walk where manufacturer is not null and manufacturer <> ''
      ) as m`,
    )
    .orderBy(sql`m.manufacturer`);
  return rows.map((r) => r.manufacturer);
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

/** Every category's parent (the tree is small): for category paths, e.g. a customer's MATGROUP mapping. */
export async function categoryParents(db?: Db | Tx): Promise<Map<number, number | null>> {
  const d = db ?? (await getDb());
  const rows = await d.select({ id: categories.id, parentId: categories.parentId }).from(categories);
  return new Map(rows.map((r) => [r.id, r.parentId]));
}
