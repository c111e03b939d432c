import "server-only";
import { inArray, or, sql } from "drizzle-orm";
import type { z } from "zod";
import { categories, customerPrices, customers, products } from "@/db/schema";
import { productSlug } from "@/db/seed/types";
import type { Viewer } from "@/lib/auth/session-viewer";
import { catalogChanged } from "@/lib/catalog/cache-policy";
import { executeRows, getDb, type Tx } from "@/lib/db/client";
import { recordAudit } from "./audit";
import { IMPORT_COLUMNS, MAX_IMPORT_BYTES, PRODUCT_COLUMNS, type ImportKind } from "./csv/columns";
import { CsvFileError, csvRecords, headerIndex, type ByteSource } from "./csv/read";
import { customerPriceRow, parseRow, productRow, type CustomerPriceRow, type ProductRow } from "./csv/values";
import { adminOf } from "./operator";

export type ImportError = { line: number; message: string };

export type ImportResult =
  | { ok: true; kind: ImportKind; rows: number; inserted: number; updated: number; unchanged: number }
  | { ok: false; code: "not_found" | "invalid" | "too_large"; message: string; errors: ImportError[]; more: number };

/** Rows per multi-row `insert … on conflict do update` statement. */
export const IMPORT_BATCH_ROWS = 1000;
/** Rows per statement that updates existing products (see productSink's write). */
const UPDATE_BATCH_ROWS = 100;
/** The most errors an answer lists; the rest are counted in `more`. */
export const MAX_LISTED_ERRORS = 200;

/** Collects row errors, keeping the first MAX_LISTED_ERRORS and counting the rest. */
class ErrorList {
  private readonly found: ImportError[] = [];
  more = 0;
  /** In line order (checks against the database find theirs after a batch's value checks). */
  get listed(): ImportError[] {
    return [...this.found].sort((a, b) => a.line - b.line);
  }
  add(line: number, message: string) {
    if (this.found.length < MAX_LISTED_ERRORS) this.found.push({ line, message });
    else this.more++;
  }
  get count() {
    return this.found.length + this.more;
  }
}

/** Thrown inside the transaction to roll it back: the file is refused as a whole. */
class Refused extends Error {
  constructor(readonly errors: ErrorList) {
    super("import refused");
  }
}

type Counts = { rows: number; inserted: number; updated: number };
type Pending<R> = { line: number; row: R };

/** What differs between the kinds: each checks a batch against the database, then writes it. */
type Sink<R> = {
  schema: z.ZodType<R>;
  /** The key a row is upserted by; the same key twice in one file is refused. */
  key: (row: R) => string;
  keyLabel: (row: R) => string;
  /** Checks against the database (unknown customer, taken address …): the rows that need writing. */
  check: (batch: Pending<R>[], errors: ErrorList) => Promise<Pending<R>[]>;
  /** Upserts the batch; rows whose values are all unchanged are left alone and not counted. */
  write: (batch: Pending<R>[]) => Promise<{ inserted: number; updated: number }>;
};

/**
 * Imports a products or customer-prices CSV (see lib/admin/csv/columns.ts) read from `source` as
 * it arrives: each row is validated, and good rows are upserted in batches inside one
 * transaction. Any error — a bad header, a bad row, a duplicate key — refuses the whole file:
 * the transaction rolls back and the answer lists the lines at fault.
 */
export async function importCsv(
  viewer: Viewer | null,
  kind: ImportKind,
  source: ByteSource,
  options: { fileName?: string; maxBytes?: number } = {},
): Promise<ImportResult> {
  const admin = adminOf(viewer);
  if (!admin) return { ok: false, code: "not_found", message: "Not found.", errors: [], more: 0 };
  const db = await getDb();
  const errors = new ErrorList();
  let counts: Counts;
  try {
    counts = await db.transaction(async (tx) => {
      const result = kind === "products" ? await runImport(tx, await productSink(tx), source, kind, errors, options) : await runImport(tx, customerPriceSink(tx), source, kind, errors, options);
      if (errors.count > 0) throw new Refused(errors);
      await recordAudit(tx, admin, {
        entity: "import",
        entityId: kind,
        entityLabel: (options.fileName ?? "").slice(0, 200),
        action: kind,
        changes: [
          { field: "rows", from: null, to: String(result.rows) },
          { field: "inserted", from: null, to: String(result.inserted) },
          { field: "updated", from: null, to: String(result.updated) },
          { field: "unchanged", from: null, to: String(result.rows - result.inserted - result.updated) },
        ],
      });
      return result;
    });
  } catch (error) {
    if (error instanceof Refused) {
      return { ok: false, code: "invalid", message: `The file was not imported: ${plural(error.errors.count, "error")}. Nothing was changed.`, errors: error.errors.listed, more: error.errors.more };
    }
    if (error instanceof CsvFileError) {
      errors.add(error.line, error.message);
      return { ok: false, code: error.code, message: `The file was not imported: ${error.message} Nothing was changed.`, errors: errors.listed, more: errors.more };
    }
    throw error;
  }
  if (counts.inserted + counts.updated > 0) catalogChanged();
  return { ok: true, kind, rows: counts.rows, inserted: counts.inserted, updated: counts.updated, unchanged: counts.rows - counts.inserted - counts.updated };
}

function plural(n: number, word: string) {
  return `${n.toLocaleString("en")} ${word}${n === 1 ? "" : "s"}`;
}

async function runImport<R>(tx: Tx, sink: Sink<R>, source: ByteSource, kind: ImportKind, errors: ErrorList, options: { maxBytes?: number }): Promise<Counts> {
  const columns = IMPORT_COLUMNS[kind];
  // Keys already in the file, kept in the database (dropped with the transaction) rather than in
  // memory, so a repeated key is found however far apart the two lines are.
  await tx.execute(sql`create temp table import_keys (key text primary key, line integer not null) on commit drop`);
  const counts: Counts = { rows: 0, inserted: 0, updated: 0 };
  let index: Map<string, number> | null = null;
  let batch: Pending<R>[] = [];

  const flush = async () => {
    if (batch.length === 0) return;
    const pending = batch;
    batch = [];
    const unique = await withoutRepeatedKeys(tx, sink, pending, errors);
    const checked = await sink.check(unique, errors);
    // Once the file is known to be refused, the rest is only checked, never written.
    if (errors.count > 0) return;
    const written = await sink.write(checked);
    counts.inserted += written.inserted;
    counts.updated += written.updated;
  };

  for await (const record of csvRecords(source, options.maxBytes ?? MAX_IMPORT_BYTES)) {
    if (!index) {
      const header = headerIndex(record.values, columns);
      if ("message" in header) throw new CsvFileError(record.line, header.message);
      index = header.index;
      continue;
    }
    // Spreadsheets leave lines of bare delimiters below the data.
    if (record.values.every((v) => v.trim() === "")) continue;
    counts.rows++;
    if (record.values.length !== columns.length) {
      errors.add(record.line, `${record.values.length} values, but the header names ${columns.length} columns (a “;” or “,” inside a value needs quotation marks).`);
      continue;
    }
    const parsed = parseRow(sink.schema, record.values, index);
    if (!parsed.ok) {
      for (const message of parsed.messages) errors.add(record.line, message);
      continue;
    }
    batch.push({ line: record.line, row: parsed.row });
    if (batch.length >= IMPORT_BATCH_ROWS) await flush();
  }
  if (!index) throw new CsvFileError(1, "The file is empty: its first line must name the columns.");
  await flush();
  return counts;
}

async function withoutRepeatedKeys<R>(tx: Tx, sink: Sink<R>, batch: Pending<R>[], errors: ErrorList): Promise<Pending<R>[]> {
  const firstLine = new Map<string, number>();
  const unique: Pending<R>[] = [];
  for (const p of batch) {
    const key = sink.key(p.row);
    const seen = firstLine.get(key);
    if (seen !== undefined) errors.add(p.line, `${sink.keyLabel(p.row)} is already on line ${seen}.`);
    else {
      firstLine.set(key, p.line);
      unique.push(p);
    }
  }
  if (unique.length === 0) return unique;
  const keys = unique.map((p) => sink.key(p.row));
  const lines = unique.map((p) => p.line);
  const added = await executeRows<{ key: string }>(
    tx,
    sql`insert into import_keys (key, line) select * from unnest(${arrayParam(keys)}::text[], ${arrayParam(lines.map(String))}::int[]) on conflict do nothing returning key`,
  );
  const fresh = new Set(added.map((r) => r.key));
  if (fresh.size === unique.length) return unique;
  const repeated = unique.filter((p) => !fresh.has(sink.key(p.row)));
  const earlier = await executeRows<{ key: string; line: number }>(
    tx,
    sql`select key, line from import_keys where key = any(${arrayParam(repeated.map((p) => sink.key(p.row)))}::text[])`,
  );
  const earlierLine = new Map(earlier.map((r) => [r.key, Number(r.line)]));
  for (const p of repeated) errors.add(p.line, `${sink.keyLabel(p.row)} is already on line ${earlierLine.get(sink.key(p.row)) ?? "?"}.`);
  return unique.filter((p) => fresh.has(sink.key(p.row)));
}

/** A text[] literal as one parameter (drizzle would spread a JS array into a list of parameters). */
function arrayParam(values: string[]) {
  return `{${values.map((v) => `"${v.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`).join(",")}}`;
}


// ---------------------------------------------------------------------------------------------
// Products

// The product columns an import writes: the file's columns but the key, with the category by id.
const PRODUCT_FIELDS = PRODUCT_COLUMNS.filter((c) => c !== "sku").map((c) => (c === "category_slug" ? "category_id" : c));

type ProductPending = ProductRow & { categoryId?: number; exists?: boolean };

async function productSink(tx: Tx): Promise<Sink<ProductPending>> {
  // The category tree is small: looked up once per import.
  const categoryIds = new Map((await tx.select({ id: categories.id, slug: categories.slug }).from(categories)).map((c) => [c.slug, c.id]));
  const changed = sql.raw(`(${PRODUCT_FIELDS.map((f) => `"products"."${f}"`).join(", ")}) is distinct from (${PRODUCT_FIELDS.map((f) => `excluded."${f}"`).join(", ")})`);
  // The category is checked with the other values, so a bad row reports all its problems at once.
  const schema = productRow.extend({
    category_slug: productRow.shape.category_slug.transform((slug, ctx) => {
      if (!categoryIds.has(slug)) ctx.addIssue({ code: "custom", message: `category_slug: no category “${slug}”` });
      return slug;
    }),
  });
  return {
    schema,
    key: (row) => row.sku,
    keyLabel: (row) => `SKU ${row.sku}`,
    async check(batch, errors) {
      const ok = batch.map((p) => ({ line: p.line, row: { ...p.row, categoryId: categoryIds.get(p.row.category_slug)! } as ProductPending }));
      // A new product's address comes from its name and SKU; it must not be another product's.
      const slugs = ok.map((p) => productSlug(p.row.name, p.row.sku));
      const known = await tx
        .select({ sku: products.sku, slug: products.slug, values: PRODUCT_VALUES })
        .from(products)
        .where(or(inArray(products.sku, ok.map((p) => p.row.sku)), inArray(products.slug, slugs)));
      const existing = new Map(known.map((k) => [k.sku, k.values]));
      const slugOwner = new Map(known.map((k) => [k.slug, k.sku]));
      const newSlugs = new Map<string, string>();
      return ok.filter((p, i) => {
        const stored = existing.get(p.row.sku);
        // An unchanged row is not sent at all: the upsert would compute its search vectors first,
        // only to find nothing to update.
        if (stored) {
          p.row.exists = true;
          return !sameValues(stored, p.row);
        }
        const slug = slugs[i]!;
        const owner = slugOwner.get(slug) ?? newSlugs.get(slug);
        if (owner !== undefined && owner !== p.row.sku) {
          errors.add(p.line, `sku: the product address “${slug}” made from name and SKU is already used by SKU ${owner}`);
          return false;
        }
        newSlugs.set(slug, p.row.sku);
        return true;
      });
    },
    async write(batch) {
      // The statement-level trigger that keeps search_words current (migration 0003) compares the
      // updated rows with their old versions in a nested loop, so an update statement costs the
      // square of its row count: updates go in statements of UPDATE_BATCH_ROWS, inserts in one.
      const counts = { inserted: 0, updated: 0 };
      const fresh = batch.filter((p) => !p.row.exists);
      const known = batch.filter((p) => p.row.exists);
      const chunks = [fresh, ...Array.from({ length: Math.ceil(known.length / UPDATE_BATCH_ROWS) }, (_, i) => known.slice(i * UPDATE_BATCH_ROWS, (i + 1) * UPDATE_BATCH_ROWS))];
      for (const chunk of chunks) {
        if (chunk.length === 0) continue;
        const written = await upsertProducts(chunk);
        counts.inserted += written.inserted;
        counts.updated += written.updated;
      }
      return counts;
    },
  };

  async function upsertProducts(batch: Pending<ProductPending>[]) {
    const rows = await tx
      .insert(products)
      .values(
        batch.map(({ row }) => ({
          sku: row.sku,
          slug: productSlug(row.name, row.sku),
          name: row.name,
          description: row.description,
          manufacturer: row.manufacturer,
          manufacturerPartNumber: row.manufacturer_part_number,
          unit: row.unit,
          priceUnit: row.price_unit,
          listPrice: row.list_price,
          currency: row.currency,
          vatRate: row.vat_rate,
          leadTimeDays: row.lead_time_days,
          unspsc: row.unspsc,
          categoryId: row.categoryId!,
          stock: row.stock,
          minQuantity: row.min_quantity,
          packQuantity: row.pack_quantity,
          active: row.active,
          featured: row.featured,
        })),
      )
      .onConflictDoUpdate({
        target: products.sku,
        // The slug stays: links to an existing product keep working after a rename.
        set: {
          ...Object.fromEntries(PRODUCT_FIELDS.map((f) => [camel(f), sql.raw(`excluded."${f}"`)])),
          // An open edit form of this product then reports a conflict instead of overwriting the import.
          version: sql`${products.version} + 1`,
        },
        // Unchanged rows are not touched: re-importing an export changes nothing.
        setWhere: changed,
      })
      .returning({ inserted: sql<boolean>`(xmax = 0)` });
    const inserted = rows.filter((r) => r.inserted).length;
    return { inserted, updated: rows.length - inserted };
  }
}

// The stored values an import row is compared with, in the database's own text forms (numeric as
// "12.5000" and "19.00", as the row schema writes them).
const PRODUCT_VALUES = {
  name: products.name,
  description: products.description,
  manufacturer: products.manufacturer,
  manufacturer_part_number: products.manufacturerPartNumber,
  unit: products.unit,
  price_unit: products.priceUnit,
  list_price: products.listPrice,
  currency: products.currency,
  vat_rate: products.vatRate,
  lead_time_days: products.leadTimeDays,
  unspsc: products.unspsc,
  categoryId: products.categoryId,
  stock: products.stock,
  min_quantity: products.minQuantity,
  pack_quantity: products.packQuantity,
  active: products.active,
  featured: products.featured,
};

function sameValues(stored: Record<keyof typeof PRODUCT_VALUES, unknown>, row: ProductRow & { categoryId?: number }): boolean {
  return (Object.keys(PRODUCT_VALUES) as (keyof typeof PRODUCT_VALUES)[]).every((k) => stored[k] === row[k]);
}

function camel(column: string) {
  return column.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
}

// ---------------------------------------------------------------------------------------------
// Customer prices

function customerPriceSink(tx: Tx): Sink<CustomerPriceRow & { customerId?: number; productId?: number }> {
  return {
    schema: customerPriceRow,
    key: (row) => `${row.debtor_number}\u0001${row.sku}\u0001${row.min_quantity}`,
    keyLabel: (row) => `The price of SKU ${row.sku} from ${row.min_quantity} for debtor ${row.debtor_number}`,
    async check(batch, errors) {
      if (batch.length === 0) return [];
      const debtors = [...new Set(batch.map((p) => p.row.debtor_number))];
      const skus = [...new Set(batch.map((p) => p.row.sku))];
      const [foundCustomers, foundProducts] = [
        await tx.select({ id: customers.id, debtorNumber: customers.debtorNumber }).from(customers).where(inArray(customers.debtorNumber, debtors)),
        await tx.select({ id: products.id, sku: products.sku }).from(products).where(inArray(products.sku, skus)),
      ];
      const customerIds = new Map(foundCustomers.map((c) => [c.debtorNumber!, c.id]));
      const productIds = new Map(foundProducts.map((p) => [p.sku, p.id]));
      const ok: Pending<CustomerPriceRow & { customerId?: number; productId?: number }>[] = [];
      for (const p of batch) {
        const customerId = customerIds.get(p.row.debtor_number);
        const productId = productIds.get(p.row.sku);
        if (customerId === undefined) errors.add(p.line, `debtor_number: no customer with debtor number “${p.row.debtor_number}”`);
        if (productId === undefined) errors.add(p.line, `sku: no product with SKU “${p.row.sku}”`);
        if (customerId !== undefined && productId !== undefined) ok.push({ line: p.line, row: { ...p.row, customerId, productId } });
      }
      return ok;
    },
    async write(batch) {
      if (batch.length === 0) return { inserted: 0, updated: 0 };
      const rows = await tx
        .insert(customerPrices)
        .values(batch.map(({ row }) => ({ customerId: row.customerId!, productId: row.productId!, minQuantity: row.min_quantity, price: row.price })))
        .onConflictDoUpdate({
          target: [customerPrices.customerId, customerPrices.productId, customerPrices.minQuantity],
          set: { price: sql.raw(`excluded."price"`) },
          setWhere: sql`${customerPrices.price} is distinct from excluded."price"`,
        })
        .returning({ inserted: sql<boolean>`(xmax = 0)` });
      const inserted = rows.filter((r) => r.inserted).length;
      return { inserted, updated: rows.length - inserted };
    },
  };
}
