import "server-only";
import { asc, eq, inArray, sql } from "drizzle-orm";
import { categories, productImages, products } from "@/db/schema";
import { productSlug } from "@/db/seed/types";
import type { Viewer } from "@/lib/auth/session-viewer";
import { catalogChanged } from "@/lib/catalog/cache-policy";
import { codePrefixPattern, prefixTsQuery, searchTerms } from "@/lib/catalog/search-query";
import { executeRows, getDb, type Tx } from "@/lib/db/client";
import { changesBetween, recordAudit } from "./audit";
import { adminOf } from "./operator";
import { amount, toDb, toFixed } from "@/lib/money/decimal";
import type { NewProductFields, ProductFields } from "./product-schema";
import { conflict, NOT_FOUND, refused, type WriteResult } from "./result";

export const PRODUCT_PAGE_SIZE = 50;
// Counting stops here: a list never counts a whole 100k catalogue to print one number.
export const PRODUCT_COUNT_CAP = 1000;

/** The attributes an edit can change, in the order the audit log lists them. */
const AUDITED = ["name", "description", "manufacturer", "manufacturerPartNumber", "unit", "priceUnit", "listPrice", "currency", "vatRate", "leadTimeDays", "unspsc", "categoryId", "stock", "minQuantity", "packQuantity", "active", "featured"] as const;

export type ProductListFilter = { q?: string; categoryId?: number; active?: "all" | "active" | "inactive"; page?: number };

export type ProductListRow = { id: number; sku: string; name: string; manufacturer: string; listPrice: string; currency: string; priceUnit: number; unit: string; active: boolean; stock: number; categoryName: string };

/**
 * The back office's product list: every product (active or not), by article number, 50 a page,
 * counted up to 1000. Each shape of filter reads through its own index (measured at 100k products
 * in scripts/bench-queries.ts):
 * - a search: the article or part number as a prefix, or every word of name/manufacturer as a
 *   prefix (bitmap OR of three indexes); at most 1001 matches are taken, then sorted;
 * - a category (and everything below it): each category's (category, SKU) index read in order and
 *   merged, so a page costs the same in a category of 30 products or 30,000;
 * - inactive products: their own small partial index.
 */
export async function listProductsForAdmin(viewer: Viewer | null, filter: ProductListFilter) {
  if (!adminOf(viewer)) return null;
  const db = await getDb();
  const page = Math.max(1, Math.min(filter.page ?? 1, Math.ceil(PRODUCT_COUNT_CAP / PRODUCT_PAGE_SIZE)));
  const offset = (page - 1) * PRODUCT_PAGE_SIZE;
  const state = filter.active === "active" ? sql` and ${products.active}` : filter.active === "inactive" ? sql` and not ${products.active}` : sql``;
  const categoryIds = filter.categoryId ? await categoryWithDescendants(filter.categoryId) : null;
  const inCategories = categoryIds ? sql` and ${products.categoryId} in (${sql.join(categoryIds.map((id) => sql`${id}`), sql`, `)})` : sql``;
  const q = filter.q?.trim() ?? "";

  let pageIds: number[];
  let matched: number;
  if (q) {
    const terms = searchTerms(q);
    const pattern = codePrefixPattern(q);
    const words = terms.length > 0 ? sql` or ${products.nameVector} @@ to_tsquery('simple', ${prefixTsQuery(terms)})` : sql``;
    const candidates = await executeRows<{ id: number; sku: string }>(
      db,
      sql`select ${products.id} as id, ${products.sku} as sku from ${products}
          where (lower(${products.sku}) like ${pattern} or lower(${products.manufacturerPartNumber}) like ${pattern}${words})${state}${inCategories}
          limit ${PRODUCT_COUNT_CAP + 1}`,
    );
    candidates.sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
    matched = candidates.length;
    pageIds = candidates.slice(offset, offset + PRODUCT_PAGE_SIZE).map((c) => Number(c.id));
  } else if (categoryIds) {
    const branches = categoryIds.map(
      (id) => sql`(select ${products.id} as id, ${products.sku} as sku from ${products} where ${products.categoryId} = ${id}${state} order by ${products.sku} limit ${offset + PRODUCT_PAGE_SIZE})`,
    );
    const [ids, counted] = await Promise.all([
      executeRows<{ id: number }>(db, sql`select id from (${sql.join(branches, sql` union all `)}) merged order by sku limit ${PRODUCT_PAGE_SIZE} offset ${offset}`),
      executeRows<{ n: number }>(db, sql`select count(*)::int as n from (select 1 from ${products} where true${inCategories}${state} limit ${PRODUCT_COUNT_CAP + 1}) capped`),
    ]);
    pageIds = ids.map((r) => Number(r.id));
    matched = Number(counted[0]?.n ?? 0);
  } else {
    const [ids, counted] = await Promise.all([
      executeRows<{ id: number }>(db, sql`select ${products.id} as id from ${products} where true${state} order by ${products.sku} limit ${PRODUCT_PAGE_SIZE} offset ${offset}`),
      executeRows<{ n: number }>(db, sql`select count(*)::int as n from (select 1 from ${products} where true${state} limit ${PRODUCT_COUNT_CAP + 1}) capped`),
    ]);
    pageIds = ids.map((r) => Number(r.id));
    matched = Number(counted[0]?.n ?? 0);
  }

  const rows =
    pageIds.length === 0
      ? []
      : await db
          .select({
            id: products.id,
            sku: products.sku,
            name: products.name,
            manufacturer: products.manufacturer,
            listPrice: products.listPrice,
            currency: products.currency,
            priceUnit: products.priceUnit,
            unit: products.unit,
            active: products.active,
            stock: products.stock,
            categoryName: categories.name,
          })
          .from(products)
          .innerJoin(categories, eq(categories.id, products.categoryId))
          .where(inArray(products.id, pageIds))
          .orderBy(asc(products.sku));
  const total = Math.min(matched, PRODUCT_COUNT_CAP);
  return { rows: rows as ProductListRow[], page, total, totalIsCapped: matched > PRODUCT_COUNT_CAP, pageCount: Math.max(1, Math.ceil(total / PRODUCT_PAGE_SIZE)) };
}

/** A category and everything below it: the tree is small, so it is walked here rather than in SQL. */
async function categoryWithDescendants(id: number): Promise<number[]> {
  const db = await getDb();
  const all = await db.select({ id: categories.id, parentId: categories.parentId }).from(categories);
  const out = new Set<number>([id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const c of all) if (c.parentId !== null && out.has(c.parentId) && !out.has(c.id)) grew = Boolean(out.add(c.id));
  }
  return [...out];
}

/** Categories for the product form's select, as "Parent › Child", in tree order. */
export async function categoryChoices(viewer: Viewer | null): Promise<{ id: number; label: string }[] | null> {
  if (!adminOf(viewer)) return null;
  const db = await getDb();
  const all = await db.select({ id: categories.id, parentId: categories.parentId, name: categories.name, position: categories.position }).from(categories).orderBy(asc(categories.position), asc(categories.name));
  const children = new Map<number | null, typeof all>();
  for (const c of all) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c]);
  const out: { id: number; label: string }[] = [];
  const walk = (parent: number | null, prefix: string, depth: number) => {
    if (depth > 20) return; // a corrupt cycle must not hang the page
    for (const c of children.get(parent) ?? []) {
      out.push({ id: c.id, label: prefix + c.name });
      walk(c.id, `${prefix}${c.name} › `, depth + 1);
    }
  };
  walk(null, "", 0);
  return out;
}

export async function getProductForAdmin(viewer: Viewer | null, id: number) {
  if (!adminOf(viewer)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ product: products, image: { contentType: productImages.contentType, sha256: productImages.sha256, updatedAt: productImages.updatedAt } })
    .from(products)
    .leftJoin(productImages, eq(productImages.productId, products.id))
    .where(eq(products.id, id))
    .limit(1);
  if (!row) return null;
  const { searchVector: _s, nameVector: _n, ...product } = row.product;
  return { ...product, image: row.image?.sha256 ? row.image : null };
}

async function categoryExists(tx: Tx, id: number) {
  const [row] = await tx.select({ id: categories.id }).from(categories).where(eq(categories.id, id)).limit(1);
  return Boolean(row);
}

/** Money and rates as the database keeps them, so "12.5" and "12.5000" are no change. */
function stored<T extends ProductFields>(input: T): T {
  return { ...input, listPrice: toDb(amount(input.listPrice)), vatRate: toFixed(amount(input.vatRate), 2) };
}

export async function createProduct(viewer: Viewer | null, fields: NewProductFields): Promise<WriteResult<{ id: number }>> {
  const input = stored(fields);
  const admin = adminOf(viewer);
  if (!admin) return NOT_FOUND;
  const db = await getDb();
  const result = await db.transaction(async (tx): Promise<WriteResult<{ id: number }>> => {
    if (!(await categoryExists(tx, input.categoryId))) return refused("That category does not exist (any more).", { categoryId: "Choose a category" });
    const [clash] = await tx.select({ id: products.id }).from(products).where(sql`lower(${products.sku}) = lower(${input.sku})`).limit(1);
    if (clash) return refused("Another product has this article number.", { sku: "This article number is already used" });
    const [created] = await tx
      .insert(products)
      .values({ ...input, slug: productSlug(input.name, input.sku) })
      .onConflictDoNothing()
      .returning({ id: products.id });
    if (!created) return refused("Another product has this article number.", { sku: "This article number is already used" });
    await recordAudit(tx, admin, { entity: "product", entityId: created.id, entityLabel: input.sku, action: "create", changes: changesBetween(null, input, ["sku", ...AUDITED]) });
    return { ok: true, id: created.id };
  });
  if (result.ok) catalogChanged();
  return result;
}

/** Saves an edit made from `version`: if someone saved in between, nothing is written. */
export async function updateProduct(viewer: Viewer | null, id: number, version: number, fields: ProductFields): Promise<WriteResult<{ id: number }>> {
  const input = stored(fields);
  const admin = adminOf(viewer);
  if (!admin) return NOT_FOUND;
  const db = await getDb();
  const result = await db.transaction(async (tx): Promise<WriteResult<{ id: number }>> => {
    const [before] = await tx.select().from(products).where(eq(products.id, id)).for("update").limit(1);
    if (!before) return NOT_FOUND;
    if (before.version !== version) return conflict("product");
    if (input.categoryId !== before.categoryId && !(await categoryExists(tx, input.categoryId))) return refused("That category does not exist (any more).", { categoryId: "Choose a category" });
    const changes = changesBetween(before, input, AUDITED);
    if (changes.length === 0) return { ok: true, id };
    await tx.update(products).set({ ...input, version: before.version + 1 }).where(eq(products.id, id));
    await recordAudit(tx, admin, { entity: "product", entityId: id, entityLabel: before.sku, action: "update", changes });
    return { ok: true, id };
  });
  if (result.ok) catalogChanged();
  return result;
}

/** Deactivating keeps the product (orders and transfers refer to it); the shop stops showing it. */
export async function setProductActive(viewer: Viewer | null, id: number, version: number, active: boolean): Promise<WriteResult<{ id: number }>> {
  const admin = adminOf(viewer);
  if (!admin) return NOT_FOUND;
  const db = await getDb();
  const result = await db.transaction(async (tx): Promise<WriteResult<{ id: number }>> => {
    const [before] = await tx.select({ sku: products.sku, version: products.version, active: products.active }).from(products).where(eq(products.id, id)).for("update").limit(1);
    if (!before) return NOT_FOUND;
    if (before.version !== version) return conflict("product");
    if (before.active === active) return { ok: true, id };
    await tx.update(products).set({ active, version: before.version + 1 }).where(eq(products.id, id));
    await recordAudit(tx, admin, { entity: "product", entityId: id, entityLabel: before.sku, action: active ? "activate" : "deactivate", changes: [{ field: "active", from: String(before.active), to: String(active) }] });
    return { ok: true, id };
  });
  if (result.ok) catalogChanged();
  return result;
}
