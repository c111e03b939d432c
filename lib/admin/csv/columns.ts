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

/** What each import column takes, for the page's column reference. */
export const COLUMN_DOCS: Record<ImportKind, { column: string; required: string; format: string }[]> = {
  products: [
    { column: "sku", required: "yes", format: "1–64 letters, digits, “.”, “_”, “-”. The key: an existing SKU is updated, a new one created." },
    { column: "name", required: "yes", format: "Up to 300 characters. A new product's address is made from name and SKU; an existing product keeps its address." },
    { column: "description", required: "may be empty", format: "Up to 20,000 characters; line breaks inside quotation marks." },
    { column: "manufacturer", required: "may be empty", format: "Up to 200 characters." },
    { column: "manufacturer_part_number", required: "may be empty", format: "Up to 100 characters." },
    { column: "unit", required: "yes", format: "UN/ECE unit code, 2–3 capitals or digits: C62, PCE, MTR, KGM, LTR, SET, BX, PR …" },
    { column: "price_unit", required: "yes", format: "Whole number ≥ 1: the list price is per this many units (1, 100, 1000)." },
    { column: "list_price", required: "yes", format: "Net price ≥ 0, at most 4 decimals, “.” or “,” as decimal separator, no thousands separator: 12.50 or 12,50." },
    { column: "currency", required: "yes", format: "Three capitals: EUR." },
    { column: "vat_rate", required: "yes", format: "Percent 0–100, at most 2 decimals: 19 or 7,00." },
    { column: "lead_time_days", required: "yes", format: "Whole number ≥ 0." },
    { column: "unspsc", required: "may be empty", format: "8 or 10 digits." },
    { column: "category_slug", required: "yes", format: "The address name of an existing category (as in /categories/…)." },
    { column: "stock", required: "yes", format: "Whole number ≥ 0." },
    { column: "min_quantity", required: "yes", format: "Whole number ≥ 1: the smallest quantity one can order." },
    { column: "pack_quantity", required: "yes", format: "Whole number ≥ 1: orders are multiples of it." },
    { column: "active", required: "yes", format: "true or false (also 1/0, yes/no): inactive products are hidden from the shop." },
    { column: "featured", required: "yes", format: "true or false: shown on the home page." },
  ],
  customer_prices: [
    { column: "debtor_number", required: "yes", format: "The debtor number of an existing business customer." },
    { column: "sku", required: "yes", format: "The SKU of an existing product." },
    { column: "min_quantity", required: "yes", format: "Whole number ≥ 1: the price applies from this quantity on." },
    { column: "price", required: "yes", format: "Net price ≥ 0 per the product's price unit, at most 4 decimals, “.” or “,”." },
  ],
};
