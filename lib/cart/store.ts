import "server-only";
import { and, asc, eq, isNull, sql, type SQL } from "drizzle-orm";
import { cartLines, carts, products } from "@/db/schema";
import { summaryColumns } from "@/lib/catalog/columns";
import { getDb, type Db, type Tx } from "@/lib/db/client";
import { vatRateFor, type PriceContext } from "@/lib/pricing/context";
import { loadPriceInfo } from "@/lib/pricing/load";
import { resolvePrice } from "@/lib/pricing/tiers";
import { MAX_LINE_QUANTITY, QUANTITY_MESSAGES, quantityGuardSql, quantityProblem, type QuantityRules } from "./quantity-rules";
import { computeTotals, lineAmounts } from "./totals";
import type { CartOwner, PricedCart } from "./types";

export class CartError extends Error {
  constructor(
    message: string,
    readonly code: "not_found" | "invalid_quantity" | "unavailable" | "read_only",
  ) {
    super(message);
  }
}

/** The owner's cart id, if it has one. Ownership is part of every lookup. */
export async function findCartId(owner: CartOwner, db?: Db | Tx): Promise<string | null> {
  const d = db ?? (await getDb());
  const where =
    owner.kind === "user"
      ? and(eq(carts.userId, owner.userId), eq(carts.kind, "web"))
      : owner.kind === "oci"
        ? eq(carts.ociSessionId, owner.ociSessionId)
        : owner.cartId
          ? and(eq(carts.id, owner.cartId), isNull(carts.userId), eq(carts.kind, "web"))
          : undefined;
  if (!where) return null;
  const [row] = await d.select({ id: carts.id }).from(carts).where(where).limit(1);
  return row?.id ?? null;
}

/** Finds or creates the owner's cart; safe when two requests create it at once. */
export async function ensureCartId(owner: CartOwner): Promise<string> {
  const db = await getDb();
  const existing = await findCartId(owner, db);
  if (existing) return existing;
  if (owner.kind === "anonymous") {
    // The browser's cart id (issued with its first page view, so every tab shares it) becomes the
    // cart's key; two tabs adding at once both land in it. An id that is taken by someone else's
    // cart is never adopted: a fresh one is made instead.
    if (owner.cartId) {
      const [row] = await db.insert(carts).values({ id: owner.cartId, kind: "web" }).onConflictDoNothing().returning({ id: carts.id });
      if (row) return row.id;
      const again = await findCartId(owner, db);
      if (again) return again;
    }
    const [row] = await db.insert(carts).values({ kind: "web" }).returning({ id: carts.id });
    return row!.id;
  }
  const values =
    owner.kind === "user"
      ? { kind: "web" as const, userId: owner.userId }
      : { kind: "oci" as const, userId: owner.userId, ociSessionId: owner.ociSessionId };
  await db.insert(carts).values(values).onConflictDoNothing();
  const id = await findCartId(owner, db);
  if (!id) throw new Error("Cart could not be created");
  return id;
}

const UNAVAILABLE = "This product is no longer available.";

async function loadProductForCart(db: Db | Tx, productId: number) {
  const [p] = await db
    .select({ id: products.id, active: products.active, minQuantity: products.minQuantity, packQuantity: products.packQuantity, name: products.name })
    .from(products)
    .where(eq(products.id, productId))
    .limit(1);
  if (!p || !p.active) throw new CartError(UNAVAILABLE, "unavailable");
  return p;
}

/** The quantity rules as a condition on the `products` row the statement reads (see quantity-rules). */
const guard = (quantity: number | SQL) => quantityGuardSql(sql, quantity, products.minQuantity, products.packQuantity);

/**
 * Every line write runs in a transaction that first touches the cart row: that row lock orders it
 * against a checkout or punchout transfer of the same cart (which lock the row, read, and empty),
 * so no line can slip in between their read and their clean-up and be lost unsent.
 */
async function writeLines(cartId: string, write: (tx: Tx) => Promise<void>): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.update(carts).set({ updatedAt: sql`now()` }).where(eq(carts.id, cartId));
    await write(tx);
  });
}

/** A quantity checked before the write, against the product as loaded: the message for the shopper. */
function checkBeforeWrite(quantity: number, rules: QuantityRules) {
  const problem = quantityProblem(quantity, rules);
  if (problem) throw new CartError(problem, "invalid_quantity");
}

type LineWrite = { kind: "add" | "set"; quantity: number };

/**
 * Why a guarded write changed nothing, read again inside its transaction: the product or the line
 * is gone, or the quantity breaks the product's rules as they are now (they may have changed since
 * the check before the write), or, when adding, the sum with what the line holds does.
 */
async function refusal(tx: Tx, cartId: string, productId: number, write: LineWrite): Promise<CartError> {
  const [product] = await tx.select({ active: products.active, minQuantity: products.minQuantity, packQuantity: products.packQuantity }).from(products).where(eq(products.id, productId)).limit(1);
  if (!product || !product.active) return new CartError(UNAVAILABLE, "unavailable");
  const [line] = await tx.select({ quantity: cartLines.quantity }).from(cartLines).where(and(eq(cartLines.cartId, cartId), eq(cartLines.productId, productId))).limit(1);
  if (write.kind === "set" && !line) return new CartError("This product is not in your cart any more.", "not_found");
  const own = quantityProblem(write.quantity, product);
  if (own) return new CartError(own, "invalid_quantity");
  if (write.kind === "add" && line) {
    const sum = line.quantity + write.quantity;
    if (sum > MAX_LINE_QUANTITY) return new CartError(QUANTITY_MESSAGES.lineFull, "invalid_quantity");
    const problem = quantityProblem(sum, product);
    if (problem) return new CartError(`With the ${line.quantity} already in your cart that makes ${sum}. ${problem}`, "invalid_quantity");
  }
  // The rules allow it again by now (they changed twice meanwhile): nothing to explain but a retry.
  return new CartError("The quantity could not be saved. Please try again.", "invalid_quantity");
}

/**
 * Adds to a line with one atomic upsert, so two tabs adding the same product both count. The
 * statement reads the product row and refuses (writes nothing) when the new line quantity, or the
 * sum with what the line held, breaks the quantity rules or the product is inactive.
 */
export async function addToCart(cartId: string, productId: number, quantity: number): Promise<void> {
  checkBeforeWrite(quantity, await loadProductForCart(await getDb(), productId));
  await writeLines(cartId, async (tx) => {
    const rows = await tx
      .insert(cartLines)
      .select(
        sql`select ${cartId}::uuid, ${products.id}, ${quantity}::integer, now() from ${products}
            where ${products.id} = ${productId} and ${products.active} and ${guard(quantity)}`,
      )
      .onConflictDoUpdate({
        target: [cartLines.cartId, cartLines.productId],
        set: { quantity: sql`${cartLines.quantity} + excluded.quantity` },
        setWhere: sql`exists (select 1 from ${products} where ${products.id} = excluded.product_id and ${products.active}
                      and ${guard(sql`${cartLines.quantity} + excluded.quantity`)})`,
      })
      .returning({ quantity: cartLines.quantity });
    if (rows.length === 0) throw await refusal(tx, cartId, productId, { kind: "add", quantity });
  });
}

/** Sets a line's quantity; the statement refuses a quantity the product's rules (read with it) do not allow. */
export async function setLineQuantity(cartId: string, productId: number, quantity: number): Promise<void> {
  checkBeforeWrite(quantity, await loadProductForCart(await getDb(), productId));
  await writeLines(cartId, async (tx) => {
    const rows = await tx
      .update(cartLines)
      .set({ quantity })
      .where(
        and(
          eq(cartLines.cartId, cartId),
          eq(cartLines.productId, productId),
          sql`exists (select 1 from ${products} where ${products.id} = ${cartLines.productId} and ${products.active} and ${guard(quantity)})`,
        ),
      )
      .returning({ productId: cartLines.productId });
    if (rows.length === 0) throw await refusal(tx, cartId, productId, { kind: "set", quantity });
  });
}

export async function removeLine(cartId: string, productId: number): Promise<void> {
  await writeLines(cartId, async (tx) => {
    await tx.delete(cartLines).where(and(eq(cartLines.cartId, cartId), eq(cartLines.productId, productId)));
  });
}

/** Locks the cart row inside the caller's transaction: checkouts, transfers and line writes queue up. */
export async function lockCart(tx: Tx, cartId: string): Promise<void> {
  await tx.select({ id: carts.id }).from(carts).where(eq(carts.id, cartId)).for("update");
}

/** Empties a cart: inside the caller's transaction (which holds the cart lock), or on its own. */
export async function clearCart(cartId: string, tx?: Tx): Promise<void> {
  if (tx) {
    await tx.delete(cartLines).where(eq(cartLines.cartId, cartId));
    return;
  }
  await writeLines(cartId, async (t) => {
    await t.delete(cartLines).where(eq(cartLines.cartId, cartId));
  });
}

/**
 * Moves an anonymous cart into the user's cart on sign-in: quantities of the same product add up,
 * and the anonymous cart is deleted, all in one transaction.
 */
export async function mergeAnonymousCart(anonymousCartId: string, userId: number): Promise<void> {
  const db = await getDb();
  const source = await findCartId({ kind: "anonymous", cartId: anonymousCartId }, db);
  if (!source) return;
  const target = await ensureCartId({ kind: "user", userId });
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      insert into cart_lines (cart_id, product_id, quantity)
      select ${target}::uuid, product_id, quantity from cart_lines where cart_id = ${source}::uuid
      on conflict (cart_id, product_id)
      do update set quantity = least(cart_lines.quantity + excluded.quantity, ${MAX_LINE_QUANTITY})`);
    await tx.delete(carts).where(and(eq(carts.id, source), isNull(carts.userId)));
  });
}

/** Reads the lines with product data (one query) and the customer's prices (two queries). */
export async function readCart(cartId: string | null, ctx: PriceContext, db?: Db | Tx): Promise<PricedCart> {
  const d = db ?? (await getDb());
  const rows = cartId
    ? await d
        .select({
          quantity: cartLines.quantity,
          active: products.active,
          description: products.description,
          unspsc: products.unspsc,
          categoryId: products.categoryId,
          product: summaryColumns,
        })
        .from(cartLines)
        .innerJoin(products, eq(products.id, cartLines.productId))
        .where(eq(cartLines.cartId, cartId))
        .orderBy(asc(cartLines.addedAt), asc(products.id))
    : [];
  const info = await loadPriceInfo(d, ctx, rows.map((r) => r.product));
  const lines = rows.map((r) => {
    const resolved = resolvePrice(info.get(r.product.id)!, r.quantity);
    const input = { quantity: r.quantity, priceUnit: r.product.priceUnit, netUnitPrice: resolved.unitPrice, vatRate: vatRateFor(ctx, r.product.vatRate) };
    return {
      product: { ...r.product, description: r.description, unspsc: r.unspsc, categoryId: r.categoryId },
      quantity: r.quantity,
      available: r.active,
      problem: r.active ? quantityProblem(r.quantity, r.product) : UNAVAILABLE,
      netUnitPrice: resolved.unitPrice,
      ...lineAmounts(input, ctx.includeVat),
      input,
    };
  });
  const currency = rows[0]?.product.currency ?? "EUR";
  return {
    id: cartId,
    currency,
    lines,
    totals: computeTotals(
      lines.filter((l) => l.available).map((l) => l.input),
      ctx.includeVat,
    ),
    itemCount: lines.reduce((n, l) => n + l.quantity, 0),
    lineCount: lines.length,
  };
}

/** The header's count: one indexed aggregate over the cart's own lines. */
export async function cartItemCount(cartId: string | null): Promise<number> {
  if (!cartId) return 0;
  const db = await getDb();
  const [row] = await db
    .select({ n: sql<number>`coalesce(sum(${cartLines.quantity}), 0)`.mapWith(Number) })
    .from(cartLines)
    .where(eq(cartLines.cartId, cartId));
  return row?.n ?? 0;
}
