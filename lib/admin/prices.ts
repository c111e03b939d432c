import "server-only";
import { asc, eq, or, sql } from "drizzle-orm";
import { z } from "zod";
import { customerPrices, customers, priceListPrices, priceLists } from "@/db/schema";
import type { Viewer } from "@/lib/auth/session-viewer";
import { catalogChanged } from "@/lib/catalog/cache-policy";
import { getDb } from "@/lib/db/client";
import { fieldErrors } from "@/lib/http/json";
import { changesBetween, recordAudit } from "./audit";
import { adminOf } from "./operator";
import { removeTier, setTier, tierPage, type FormInput, type TierPage, type TierStore } from "./price-tiers";
import { conflict, invalid, NOT_FOUND, type WriteResult } from "./result";
import { isUniqueViolation } from "./unique-violation";

export type PriceList = typeof priceLists.$inferSelect;

export const PRICE_LIST_PAGE_SIZE = 50;
const COUNT_CAP = 1000;

const priceListFields = z.object({
  code: z
    .string()
    .trim()
    .min(1, "Enter a code.")
    .max(40, "Use at most 40 characters.")
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "Use letters, digits, and . _ - (no spaces), like B2B-A."),
  name: z.string().trim().min(1, "Enter a name.").max(120, "Use at most 120 characters."),
  currency: z.string().trim().regex(/^[A-Z]{3}$/, "Use the 3-letter currency code in capitals, like EUR."),
});
const version = z.string().trim().regex(/^\d{1,9}$/, "The form is missing its version — reload the page.").transform(Number);
const AUDITED = ["code", "name", "currency"] as const;
const CODE_TAKEN = "Another price list already has this code.";

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

// ---------------------------------------------------------------------------------------------
// Price lists

/**
 * Price lists by code, optionally those whose code starts with `q` or whose name contains it. There
 * are a handful of price lists (one per customer group), so the name match scans a tiny table.
 */
export async function listPriceLists(
  viewer: Viewer | null,
  options: { q?: string; page?: number },
): Promise<{ rows: PriceList[]; total: number; capped: boolean; page: number; pageCount: number } | null> {
  if (!adminOf(viewer)) return null;
  const db = await getDb();
  const page = Math.max(1, Math.min(options.page ?? 1, 10_000));
  const q = options.q?.trim().toLowerCase() ?? "";
  const where = q ? or(sql`lower(${priceLists.code}) like ${`${escapeLike(q)}%`}`, sql`lower(${priceLists.name}) like ${`%${escapeLike(q)}%`}`) : undefined;
  const [rows, [count]] = await Promise.all([
    db.select().from(priceLists).where(where).orderBy(asc(priceLists.code)).limit(PRICE_LIST_PAGE_SIZE).offset((page - 1) * PRICE_LIST_PAGE_SIZE),
    db.select({ n: sql<number>`count(*)::int` }).from(db.select({ one: sql`1`.as("one") }).from(priceLists).where(where).limit(COUNT_CAP + 1).as("s")),
  ]);
  const counted = Number(count?.n ?? 0);
  const total = Math.min(counted, COUNT_CAP);
  return { rows, total, capped: counted > COUNT_CAP, page, pageCount: Math.max(1, Math.ceil(total / PRICE_LIST_PAGE_SIZE)) };
}

export async function getPriceList(viewer: Viewer | null, id: number): Promise<PriceList | null> {
  if (!adminOf(viewer) || !Number.isSafeInteger(id)) return null;
  const db = await getDb();
  const [row] = await db.select().from(priceLists).where(eq(priceLists.id, id));
  return row ?? null;
}

export async function createPriceList(viewer: Viewer | null, input: FormInput): Promise<WriteResult<{ id: number }>> {
  const admin = adminOf(viewer);
  if (!admin) return NOT_FOUND;
  const parsed = priceListFields.safeParse(input);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const db = await getDb();
  try {
    const result = await db.transaction(async (tx): Promise<WriteResult<{ id: number }>> => {
      const [taken] = await tx.select({ id: priceLists.id }).from(priceLists).where(eq(priceLists.code, parsed.data.code));
      if (taken) return invalid({ code: CODE_TAKEN });
      const [row] = await tx.insert(priceLists).values(parsed.data).returning();
      await recordAudit(tx, admin, { entity: "price_list", entityId: row!.id, entityLabel: row!.code, action: "create", changes: changesBetween(null, row!, AUDITED) });
      return { ok: true, id: row!.id };
    });
    if (result.ok) catalogChanged();
    return result;
  } catch (error) {
    if (isUniqueViolation(error)) return invalid({ code: CODE_TAKEN });
    throw error;
  }
}

export async function updatePriceList(viewer: Viewer | null, id: number, input: FormInput): Promise<WriteResult<{ id: number }>> {
  const admin = adminOf(viewer);
  if (!admin) return NOT_FOUND;
  const parsed = priceListFields.extend({ version }).safeParse(input);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const { version: expected, ...values } = parsed.data;
  const db = await getDb();
  try {
    const result = await db.transaction(async (tx): Promise<WriteResult<{ id: number }>> => {
      const [before] = await tx.select().from(priceLists).where(eq(priceLists.id, id)).for("update");
      if (!before) return NOT_FOUND;
      if (before.version !== expected) return conflict("price list");
      const changes = changesBetween(before, values, AUDITED);
      if (changes.length === 0) return { ok: true, id };
      if (values.code !== before.code) {
        const [taken] = await tx.select({ id: priceLists.id }).from(priceLists).where(eq(priceLists.code, values.code));
        if (taken) return invalid({ code: CODE_TAKEN });
      }
      await tx.update(priceLists).set({ ...values, version: sql`${priceLists.version} + 1` }).where(eq(priceLists.id, id));
      await recordAudit(tx, admin, { entity: "price_list", entityId: id, entityLabel: values.code, action: "update", changes });
      return { ok: true, id };
    });
    if (result.ok) catalogChanged();
    return result;
  } catch (error) {
    if (isUniqueViolation(error)) return invalid({ code: CODE_TAKEN });
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Tiers of a price list and of a customer

// "no key update" is enough to make tier changes of one owner take turns, and does not block
// orders or users being written for the customer meanwhile (their foreign keys take key-share locks).
const LIST_TIERS: TierStore = {
  table: priceListPrices,
  owner: priceListPrices.priceListId,
  productId: priceListPrices.productId,
  minQuantity: priceListPrices.minQuantity,
  price: priceListPrices.price,
  entity: "price_list",
  async lockOwner(tx, id) {
    const [row] = await tx.select({ code: priceLists.code }).from(priceLists).where(eq(priceLists.id, id)).for("no key update");
    return row ? { label: row.code } : null;
  },
  async upsert(tx, r) {
    await tx
      .insert(priceListPrices)
      .values({ priceListId: r.ownerId, productId: r.productId, minQuantity: r.minQuantity, price: r.price })
      .onConflictDoUpdate({ target: [priceListPrices.priceListId, priceListPrices.productId, priceListPrices.minQuantity], set: { price: r.price } });
  },
};

const CUSTOMER_TIERS: TierStore = {
  table: customerPrices,
  owner: customerPrices.customerId,
  productId: customerPrices.productId,
  minQuantity: customerPrices.minQuantity,
  price: customerPrices.price,
  entity: "customer",
  async lockOwner(tx, id) {
    const [row] = await tx.select({ name: customers.name, debtorNumber: customers.debtorNumber }).from(customers).where(eq(customers.id, id)).for("no key update");
    return row ? { label: row.debtorNumber ?? row.name } : null;
  },
  async upsert(tx, r) {
    await tx
      .insert(customerPrices)
      .values({ customerId: r.ownerId, productId: r.productId, minQuantity: r.minQuantity, price: r.price })
      .onConflictDoUpdate({ target: [customerPrices.customerId, customerPrices.productId, customerPrices.minQuantity], set: { price: r.price } });
  },
};

/** One page of a price list's products with their tiers; `q` narrows to SKUs starting with it. */
export async function listPriceListTiers(viewer: Viewer | null, priceListId: number, options: { page?: number; q?: string }): Promise<TierPage | null> {
  if (!adminOf(viewer)) return null;
  return tierPage(LIST_TIERS, priceListId, options);
}

/** Adds a quantity tier to a price list or changes its price (input: sku, minQuantity, price). */
export async function setPriceListTier(viewer: Viewer | null, priceListId: number, input: FormInput) {
  const admin = adminOf(viewer);
  if (!admin) return NOT_FOUND;
  const result = await setTier(LIST_TIERS, admin, priceListId, input);
  if (result.ok) catalogChanged();
  return result;
}

/** Removes one tier (input: productId, minQuantity, and the price the operator saw). */
export async function removePriceListTier(viewer: Viewer | null, priceListId: number, input: FormInput) {
  const admin = adminOf(viewer);
  if (!admin) return NOT_FOUND;
  const result = await removeTier(LIST_TIERS, admin, priceListId, input);
  if (result.ok) catalogChanged();
  return result;
}

export type CustomerForPrices = {
  id: number;
  name: string;
  kind: "b2b" | "consumer";
  debtorNumber: string | null;
  priceList: { id: number; code: string; name: string } | null;
};

export async function getCustomerForPrices(viewer: Viewer | null, customerId: number): Promise<CustomerForPrices | null> {
  if (!adminOf(viewer) || !Number.isSafeInteger(customerId)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ id: customers.id, name: customers.name, kind: customers.kind, debtorNumber: customers.debtorNumber, listId: priceLists.id, listCode: priceLists.code, listName: priceLists.name })
    .from(customers)
    .leftJoin(priceLists, eq(priceLists.id, customers.priceListId))
    .where(eq(customers.id, customerId));
  if (!row) return null;
  const { listId, listCode, listName, ...customer } = row;
  return { ...customer, priceList: listId !== null && listCode !== null && listName !== null ? { id: listId, code: listCode, name: listName } : null };
}

export async function listCustomerTiers(viewer: Viewer | null, customerId: number, options: { page?: number; q?: string }): Promise<TierPage | null> {
  if (!adminOf(viewer)) return null;
  return tierPage(CUSTOMER_TIERS, customerId, options);
}

/** A customer's own price for a product from a quantity on; audited on the customer. */
export async function setCustomerTier(viewer: Viewer | null, customerId: number, input: FormInput) {
  const admin = adminOf(viewer);
  if (!admin) return NOT_FOUND;
  const result = await setTier(CUSTOMER_TIERS, admin, customerId, input);
  if (result.ok) catalogChanged();
  return result;
}

export async function removeCustomerTier(viewer: Viewer | null, customerId: number, input: FormInput) {
  const admin = adminOf(viewer);
  if (!admin) return NOT_FOUND;
  const result = await removeTier(CUSTOMER_TIERS, admin, customerId, input);
  if (result.ok) catalogChanged();
  return result;
}
