/**
 * The CSV column sets of the back office. An import takes exactly the columns its export writes
 * (any order, names compared case-insensitively), so an exported file can be edited in a
 * spreadsheet and imported again.
 */
export const PRODUCT_COLUMNS = [
  "sku",
  "name",
  "description",
  "manufacturer",
  "manufacturer_part_number",
  "unit",
  "price_unit",
  "list_price",
  "currency",
  "vat_rate",
  "lead_time_days",
  "unspsc",
  "category_slug",
  "stock",
  "min_quantity",
  "pack_quantity",
  "active",
  "featured",
] as const;

export const CUSTOMER_PRICE_COLUMNS = ["debtor_number", "sku", "min_quantity", "price"] as const;

export const ORDER_COLUMNS = [
  "number",
  "created_at",
  "status",
  "channel",
  "debtor_number",
  "customer_name",
  "user_email",
  "po_reference",
  "currency",
  "subtotal",
  "vat_total",
  "total",
] as const;

export type ImportKind = "products" | "customer_prices";
export const IMPORT_KINDS: readonly ImportKind[] = ["products", "customer_prices"];

export const IMPORT_COLUMNS: Record<ImportKind, readonly string[]> = {
  products: PRODUCT_COLUMNS,
  customer_prices: CUSTOMER_PRICE_COLUMNS,
};

export function isImportKind(value: unknown): value is ImportKind {
  return value === "products" || value === "customer_prices";
}

/** The largest file an import reads (raw bytes); the streaming route refuses a larger body before reading it. */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;
