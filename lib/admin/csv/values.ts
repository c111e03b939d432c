import { z } from "zod";
import { amount, toDb, toFixed } from "@/lib/money/decimal";
import { PRODUCT_RULES } from "../product-rules";

// How an operator writes values in an import file. Decimals take "." or "," as the decimal
// separator (Excel writes "12,50" in German locales) and no thousands separators, which would be
// ambiguous; exports always write ".".

const INT_MAX = 2_147_483_647;
// No control characters: PostgreSQL cannot store NUL, and the rest are never meant in a catalogue.
// Tabs and line breaks are allowed (in descriptions).
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function text(column: string, max: number, options: { required?: boolean; trim?: boolean } = {}) {
  return z
    .string()
    .transform((v) => (options.trim ? v.trim() : v))
    .refine((v) => !options.required || v.trim() !== "", `${column}: required`)
    .refine((v) => v.length <= max, `${column}: at most ${max} characters`)
    .refine((v) => !CONTROL.test(v), `${column}: contains a control character`);
}

/** A non-negative decimal with at most `decimals` places below `limit`, as the database string. */
function decimal(column: string, decimals: number, limit: bigint, example: string) {
  const pattern = new RegExp(`^\\d+(?:[.,]\\d{1,${decimals}})?$`);
  return z.string().transform((raw, ctx) => {
    const v = raw.trim();
    if (!pattern.test(v)) {
      ctx.addIssue({ code: "custom", message: `${column}: “${raw}” is not a number ≥ 0 with at most ${decimals} decimals (e.g. ${example})` });
      return z.NEVER;
    }
    const value = amount(v.replace(",", "."));
    if (value >= amount(limit)) {
      ctx.addIssue({ code: "custom", message: `${column}: must be below ${limit}` });
      return z.NEVER;
    }
    return decimals === 4 ? toDb(value) : toFixed(value, decimals);
  });
}

function integer(column: string, min: number) {
  return z.string().transform((raw, ctx) => {
    const v = raw.trim();
    const n = /^\d{1,10}$/.test(v) ? Number(v) : NaN;
    if (!Number.isInteger(n) || n < min || n > INT_MAX) {
      ctx.addIssue({ code: "custom", message: `${column}: “${raw}” is not a whole number ≥ ${min}` });
      return z.NEVER;
    }
    return n;
  });
}

const TRUE = new Set(["true", "1", "yes"]);
const FALSE = new Set(["false", "0", "no"]);

function flag(column: string) {
  return z.string().transform((raw, ctx) => {
    const v = raw.trim().toLowerCase();
    if (TRUE.has(v)) return true;
    if (FALSE.has(v)) return false;
    ctx.addIssue({ code: "custom", message: `${column}: “${raw}” is not true or false` });
    return z.NEVER;
  });
}

function code(column: string, pattern: RegExp, hint: string) {
  return z.string().transform((raw, ctx) => {
    const v = raw.trim();
    if (pattern.test(v)) return v;
    ctx.addIssue({ code: "custom", message: `${column}: “${raw}” is not ${hint}` });
    return z.NEVER;
  });
}

const sku = code("sku", PRODUCT_RULES.sku, "a SKU of 1–64 letters, digits, “.”, “_” or “-”");

export const productRow = z.object({
  sku,
  name: text("name", PRODUCT_RULES.nameMax, { required: true }),
  description: text("description", PRODUCT_RULES.descriptionMax),
  manufacturer: text("manufacturer", PRODUCT_RULES.manufacturerMax),
  manufacturer_part_number: text("manufacturer_part_number", PRODUCT_RULES.manufacturerPartNumberMax, { trim: true }),
  unit: code("unit", PRODUCT_RULES.unit, "a unit code of 2–3 capital letters or digits (C62, PCE, MTR, KGM, LTR, SET, BX …)"),
  price_unit: integer("price_unit", 1),
  // numeric(14,4): ten digits before the decimal separator.
  list_price: decimal("list_price", 4, 10_000_000_000n, "12.50"),
  currency: code("currency", PRODUCT_RULES.currency, "a three-letter currency code in capitals (EUR)"),
  vat_rate: decimal("vat_rate", 2, 101n, "19 or 7,00").refine((v) => Number(v) <= 100, "vat_rate: at most 100"),
  lead_time_days: integer("lead_time_days", 0).refine((n) => n <= PRODUCT_RULES.leadTimeMax, `lead_time_days: at most ${PRODUCT_RULES.leadTimeMax}`),
  unspsc: code("unspsc", PRODUCT_RULES.unspsc, "empty or an 8- or 10-digit UNSPSC code"),
  category_slug: text("category_slug", 200, { required: true, trim: true }),
  stock: integer("stock", 0),
  min_quantity: integer("min_quantity", 1),
  pack_quantity: integer("pack_quantity", 1),
  active: flag("active"),
  featured: flag("featured"),
});
export type ProductRow = z.infer<typeof productRow>;

export const customerPriceRow = z.object({
  debtor_number: text("debtor_number", 64, { required: true, trim: true }),
  sku,
  min_quantity: integer("min_quantity", 1),
  price: decimal("price", 4, 10_000_000_000n, "12.50"),
});
export type CustomerPriceRow = z.infer<typeof customerPriceRow>;

/** A record's values by column name, through a row schema: the row, or one message per problem. */
export function parseRow<S extends z.ZodType>(schema: S, values: string[], index: Map<string, number>): { ok: true; row: z.infer<S> } | { ok: false; messages: string[] } {
  const raw: Record<string, string> = {};
  for (const [name, i] of index) raw[name] = values[i] ?? "";
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, row: parsed.data };
  return { ok: false, messages: parsed.error.issues.map((i) => i.message) };
}
