import "server-only";
import { asc, eq, gt, isNotNull, sql } from "drizzle-orm";
import { stringify } from "csv-stringify/sync";
import { categories, customerPrices, customers, orders, products, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/session-viewer";
import { getDb } from "@/lib/db/client";
import { CUSTOMER_PRICE_COLUMNS, ORDER_COLUMNS, PRODUCT_COLUMNS } from "./csv/columns";
import { adminOf } from "./operator";

/** Rows read per query: exports walk their table by key, one page at a time. */
export const EXPORT_PAGE_ROWS = 1000;

type Page<K> = { rows: string[][]; next: K | null };

/**
 * A CSV file as a byte stream for Excel: UTF-8 with a BOM, `;` between values, CRLF line ends.
 * The next page is read only when the reader has taken the previous one, so memory stays at one
 * page whatever the table's size. `escapeFormulas` prefixes values a spreadsheet would run as a
 * formula (=, +, -, @) — for columns that customers typed, in files that are not imported again.
 */
function csvStream<K>(columns: readonly string[], first: K, page: (after: K) => Promise<Page<K>>, escapeFormulas = false): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const options = { delimiter: ";", record_delimiter: "windows", escape_formulas: escapeFormulas } as const;
  let cursor: K | null = first;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(stringify([columns as string[]], { ...options, bom: true })));
        return;
      }
      if (cursor === null) return controller.close();
      const { rows, next } = await page(cursor);
      cursor = next;
      if (rows.length > 0) controller.enqueue(encoder.encode(stringify(rows, options)));
      if (cursor === null) controller.close();
    },
  });
}

/** Every product with the import's columns and values as stored (re-importing it changes nothing). */
export function productsCsv(viewer: Viewer | null): ReadableStream<Uint8Array> | null {
  if (!adminOf(viewer)) return null;
  return csvStream(PRODUCT_COLUMNS, 0, async (after) => {
    const db = await getDb();
    const rows = await db
      .select({ id: products.id, p: products, categorySlug: categories.slug })
      .from(products)
      .innerJoin(categories, eq(categories.id, products.categoryId))
      .where(gt(products.id, after))
      .orderBy(asc(products.id))
      .limit(EXPORT_PAGE_ROWS);
    return {
      rows: rows.map(({ p, categorySlug }) => [
        p.sku,
        p.name,
        p.description,
        p.manufacturer,
        p.manufacturerPartNumber,
        p.unit,
        String(p.priceUnit),
        p.listPrice,
        p.currency,
        p.vatRate,
        String(p.leadTimeDays),
        p.unspsc,
        categorySlug,
        String(p.stock),
        String(p.minQuantity),
        String(p.packQuantity),
        String(p.active),
        String(p.featured),
      ]),
      next: rows.length === EXPORT_PAGE_ROWS ? rows.at(-1)!.id : null,
    };
  });
}

type PriceKey = [customerId: number, productId: number, minQuantity: number];

/** Every customer price of a customer with a debtor number, in the import's columns. */
export function customerPricesCsv(viewer: Viewer | null): ReadableStream<Uint8Array> | null {
  if (!adminOf(viewer)) return null;
  return csvStream<PriceKey>(CUSTOMER_PRICE_COLUMNS, [0, 0, 0], async ([c, p, q]) => {
    const db = await getDb();
    const rows = await db
      .select({ customerId: customerPrices.customerId, productId: customerPrices.productId, minQuantity: customerPrices.minQuantity, price: customerPrices.price, debtorNumber: customers.debtorNumber, sku: products.sku })
      .from(customerPrices)
      .innerJoin(customers, eq(customers.id, customerPrices.customerId))
      .innerJoin(products, eq(products.id, customerPrices.productId))
      // Keyset on the primary key: every page is an index range scan, however deep.
      .where(sql`(${customerPrices.customerId}, ${customerPrices.productId}, ${customerPrices.minQuantity}) > (${c}, ${p}, ${q}) and ${isNotNull(customers.debtorNumber)}`)
      .orderBy(asc(customerPrices.customerId), asc(customerPrices.productId), asc(customerPrices.minQuantity))
      .limit(EXPORT_PAGE_ROWS);
    const last = rows.at(-1);
    return {
      rows: rows.map((r) => [r.debtorNumber!, r.sku, String(r.minQuantity), r.price]),
      next: rows.length === EXPORT_PAGE_ROWS && last ? [last.customerId, last.productId, last.minQuantity] : null,
    };
  });
}

/** One row per order, oldest first: the customer, who ordered, and the totals. */
export function ordersCsv(viewer: Viewer | null): ReadableStream<Uint8Array> | null {
  if (!adminOf(viewer)) return null;
  return csvStream(
    ORDER_COLUMNS,
    0,
    async (after) => {
      const db = await getDb();
      const rows = await db
        .select({
          number: orders.number,
          createdAt: orders.createdAt,
          status: orders.status,
          channel: orders.channel,
          debtorNumber: customers.debtorNumber,
          customerName: customers.name,
          email: users.email,
          poReference: orders.poReference,
          currency: orders.currency,
          subtotal: orders.subtotal,
          vatTotal: orders.vatTotal,
          total: orders.total,
        })
        .from(orders)
        .innerJoin(customers, eq(customers.id, orders.customerId))
        .innerJoin(users, eq(users.id, orders.userId))
        .where(gt(orders.number, after))
        .orderBy(asc(orders.number))
        .limit(EXPORT_PAGE_ROWS);
      return {
        rows: rows.map((o) => [String(o.number), o.createdAt.toISOString(), o.status, o.channel, o.debtorNumber ?? "", o.customerName, o.email, o.poReference, o.currency, o.subtotal, o.vatTotal, o.total]),
        next: rows.length === EXPORT_PAGE_ROWS ? rows.at(-1)!.number : null,
      };
    },
    // Customer names and PO references are typed by buyers.
    true,
  );
}
