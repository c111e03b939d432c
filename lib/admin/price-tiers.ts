import "server-only";
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { z } from "zod";
import { products } from "@/db/schema";
import { getDb, type Tx } from "@/lib/db/client";
import { fieldErrors } from "@/lib/http/json";
import { amount, compare, toDb, toFixed, type Amount } from "@/lib/money/decimal";
import { unitLabel } from "@/lib/money/format";
import { recordAudit, type AuditEntity } from "./audit";
import type { Admin } from "./operator";
import { conflict, invalid, NOT_FOUND, type WriteResult } from "./result";

// Quantity tiers of one owner (a price list or a customer): the same rules and the same table
// shape for both, so both back-office pages behave alike.

export type FormInput = Record<string, string | undefined>;

export const TIER_PAGE_SIZE = 50;
const COUNT_CAP = 1000;

const quantity = z
  .string()
  .trim()
  .regex(/^\d{1,9}$/, "Enter a whole number of at least 1.")
  .transform(Number)
  .refine((n) => n >= 1, "Enter a whole number of at least 1.");

// numeric(14,4): up to 10 digits before the point and 4 after it.
const price = z
  .string()
  .trim()
  .min(1, "Enter a price.")
  .regex(/^\d{1,10}(?:\.\d{1,4})?$/, "Enter a price like 12.50, with a point and at most 4 decimals.")
  .transform((v) => amount(v))
  .refine((v) => v > 0n, "The price must be more than 0.");

export const tierFields = z.object({
  sku: z.string().trim().min(1, "Enter the product's SKU.").max(100, "No product has an SKU this long."),
  minQuantity: quantity,
  price,
});

export const removeTierFields = z.object({
  productId: z.string().trim().regex(/^\d{1,9}$/, "The form is missing the product — reload the page.").transform(Number),
  minQuantity: quantity,
  // The price the operator saw: a tier changed since is not removed unseen.
  price,
});

/** "12.50", "0.0125": at least two decimals, exact. */
export function shownPrice(value: string | Amount): string {
  const exact = toFixed(typeof value === "string" ? amount(value) : value, 4);
  return exact.replace(/0{1,2}$/, "");
}

/** "per pc", "per 100 pcs": prices are stored per the product's price unit. */
export function perPriceUnit(unit: string, priceUnit: number): string {
  return priceUnit === 1 ? `per ${unitLabel(unit, 1)}` : `per ${priceUnit} ${unitLabel(unit, priceUnit)}`;
}

export type TierProduct = {
  productId: number;
  sku: string;
  name: string;
  unit: string;
  priceUnit: number;
  listPrice: string;
  currency: string;
  tiers: { minQuantity: number; price: string }[];
};

export type TierPage = { rows: TierProduct[]; total: number; capped: boolean; page: number; pageCount: number };

/** Where one owner's tiers live: the table, its owner column, and how the owner is locked and named. */
export type TierStore = {
  table: PgTable;
  owner: PgColumn;
  productId: PgColumn;
  minQuantity: PgColumn;
  price: PgColumn;
  entity: AuditEntity;
  /** Locks the owner row for the change (so tier changes of one owner take turns); null if it is gone. */
  lockOwner(tx: Tx, ownerId: number): Promise<{ label: string } | null>;
  upsert(tx: Tx, row: { ownerId: number; productId: number; minQuantity: number; price: string }): Promise<void>;
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * One page of the products an owner has tiers for, each with all its tiers: one query for the page's
 * product ids (in product-id order, along the primary key), one capped count, then products and
 * tiers by `inArray`. `q` narrows to SKUs starting with it (the lower(sku) index).
 */
export async function tierPage(store: TierStore, ownerId: number, options: { page?: number; q?: string }): Promise<TierPage> {
  const db = await getDb();
  const page = Math.max(1, Math.min(options.page ?? 1, 10_000));
  const q = options.q?.trim().toLowerCase() ?? "";
  const where: SQL[] = [eq(store.owner, ownerId)];
  if (q) where.push(sql`${store.productId} in (select ${products.id} from ${products} where lower(${products.sku}) like ${`${escapeLike(q)}%`})`);
  const filter = and(...where);
  const [idRows, countRows] = await Promise.all([
    db
      .selectDistinct({ productId: sql<number>`${store.productId}` })
      .from(store.table)
      .where(filter)
      .orderBy(asc(store.productId))
      .limit(TIER_PAGE_SIZE)
      .offset((page - 1) * TIER_PAGE_SIZE),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(db.selectDistinct({ productId: sql<number>`${store.productId}`.as("product_id") }).from(store.table).where(filter).limit(COUNT_CAP + 1).as("s")),
  ]);
  const counted = Number(countRows[0]?.n ?? 0);
  const capped = counted > COUNT_CAP;
  const total = Math.min(counted, COUNT_CAP);
  const ids = idRows.map((r) => Number(r.productId));
  if (ids.length === 0) return { rows: [], total, capped, page, pageCount: Math.max(1, Math.ceil(total / TIER_PAGE_SIZE)) };
  const [productRows, tierRows] = await Promise.all([
    db
      .select({ id: products.id, sku: products.sku, name: products.name, unit: products.unit, priceUnit: products.priceUnit, listPrice: products.listPrice, currency: products.currency })
      .from(products)
      .where(inArray(products.id, ids)),
    db
      .select({ productId: sql<number>`${store.productId}`, minQuantity: sql<number>`${store.minQuantity}`, price: sql<string>`${store.price}` })
      .from(store.table)
      .where(and(eq(store.owner, ownerId), inArray(store.productId, ids)))
      .orderBy(asc(store.productId), asc(store.minQuantity)),
  ]);
  const byId = new Map(productRows.map((p) => [p.id, p]));
  const rows = ids.flatMap((id): TierProduct[] => {
    const p = byId.get(id);
    if (!p) return [];
    const tiers = tierRows.filter((t) => Number(t.productId) === id).map((t) => ({ minQuantity: Number(t.minQuantity), price: toDb(amount(String(t.price))) }));
    return [{ productId: p.id, sku: p.sku, name: p.name, unit: p.unit, priceUnit: p.priceUnit, listPrice: p.listPrice, currency: p.currency, tiers }];
  });
  return { rows, total, capped, page, pageCount: Math.max(1, Math.ceil(total / TIER_PAGE_SIZE)) };
}

export type SavedTier = { id: number; changed: boolean; sku: string; minQuantity: number; price: string };

const tierLabel = (sku: string, minQuantity: number) => `SKU ${sku} from ${minQuantity}`;

async function currentTier(tx: Tx, store: TierStore, ownerId: number, productId: number, minQuantity: number): Promise<Amount | null> {
  const [row] = await tx
    .select({ price: sql<string>`${store.price}` })
    .from(store.table)
    .where(and(eq(store.owner, ownerId), eq(store.productId, productId), eq(store.minQuantity, minQuantity)))
    .for("update");
  return row ? amount(String(row.price)) : null;
}

/**
 * Adds a tier or changes its price. A tier above the product's list price is refused: the shop
 * would ignore it (a price never rises above the list price), so saving it would only mislead.
 */
export async function setTier(store: TierStore, admin: Admin, ownerId: number, input: FormInput): Promise<WriteResult<SavedTier>> {
  const parsed = tierFields.safeParse(input);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const { sku, minQuantity, price: newPrice } = parsed.data;
  const db = await getDb();
  return db.transaction(async (tx): Promise<WriteResult<SavedTier>> => {
    const owner = await store.lockOwner(tx, ownerId);
    if (!owner) return NOT_FOUND;
    const [product] = await tx
      .select({ id: products.id, sku: products.sku, listPrice: products.listPrice, currency: products.currency, unit: products.unit, priceUnit: products.priceUnit })
      .from(products)
      .where(sql`lower(${products.sku}) = ${sku.toLowerCase()}`)
      .limit(1);
    if (!product) return invalid({ sku: `No product has the SKU “${sku}”.` });
    // Both are prices per the product's price unit, so they compare as they are.
    if (compare(newPrice, amount(product.listPrice)) > 0) {
      return invalid({ price: `This price is higher than the list price ${shownPrice(product.listPrice)} ${product.currency} ${perPriceUnit(product.unit, product.priceUnit)}.` });
    }
    const before = await currentTier(tx, store, ownerId, product.id, minQuantity);
    const saved = { id: ownerId, sku: product.sku, minQuantity, price: toDb(newPrice) };
    if (before !== null && before === newPrice) return { ok: true, ...saved, changed: false };
    await store.upsert(tx, { ownerId, productId: product.id, minQuantity, price: toDb(newPrice) });
    await recordAudit(tx, admin, {
      entity: store.entity,
      entityId: ownerId,
      entityLabel: owner.label,
      action: "price",
      changes: [{ field: tierLabel(product.sku, minQuantity), from: before === null ? null : toDb(before), to: toDb(newPrice) }],
    });
    return { ok: true, ...saved, changed: true };
  });
}

export async function removeTier(store: TierStore, admin: Admin, ownerId: number, input: FormInput): Promise<WriteResult<{ id: number }>> {
  const parsed = removeTierFields.safeParse(input);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const { productId, minQuantity, price: seen } = parsed.data;
  const db = await getDb();
  return db.transaction(async (tx): Promise<WriteResult<{ id: number }>> => {
    const owner = await store.lockOwner(tx, ownerId);
    if (!owner) return NOT_FOUND;
    const before = await currentTier(tx, store, ownerId, productId, minQuantity);
    if (before === null || before !== seen) return conflict("price");
    const [product] = await tx.select({ sku: products.sku }).from(products).where(eq(products.id, productId));
    await tx.delete(store.table).where(and(eq(store.owner, ownerId), eq(store.productId, productId), eq(store.minQuantity, minQuantity)));
    await recordAudit(tx, admin, {
      entity: store.entity,
      entityId: ownerId,
      entityLabel: owner.label,
      action: "price",
      changes: [{ field: tierLabel(product?.sku ?? `#${productId}`, minQuantity), from: toDb(before), to: null }],
    });
    return { ok: true, id: ownerId };
  });
}

/** The query string of a tier table page (price list or customer prices): SKU prefix and page. */
export const tierListQuery = z.object({
  q: z.string().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
