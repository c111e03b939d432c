import { z } from "zod";

/**
 * The quantity rules of a cart line, in one place: the shopper-facing check, the zod field of the
 * cart actions and API, the SQL guard of the cart store and the attributes of both quantity inputs
 * ("Add to cart" and the cart's quantity cell). Client-safe: no server-only imports, no database.
 *
 * A quantity is a whole number from 1 to MAX_LINE_QUANTITY, at least the product's minimum order
 * quantity and a multiple of its pack quantity. The browser checks first so the shopper sees the
 * message at once; the server checks again (it is the authority, and forms work without script).
 */

export const MIN_LINE_QUANTITY = 1;
export const MAX_LINE_QUANTITY = 999_999;

export type QuantityRules = { minQuantity: number; packQuantity: number };

/** Rules of a product without a minimum or pack size (also what the API checks before it knows the product). */
export const NO_RULES: QuantityRules = { minQuantity: 1, packQuantity: 1 };

const maxText = MAX_LINE_QUANTITY.toLocaleString("en");

/** Every message a shopper can get about a quantity. */
export const QUANTITY_MESSAGES = {
  missing: "Enter a quantity.",
  notWhole: "Enter a whole number.",
  belowOne: `Enter a quantity of at least ${MIN_LINE_QUANTITY}.`,
  aboveMax: `Enter at most ${maxText}.`,
  lineFull: `A line can hold at most ${maxText}.`,
  belowMin: (min: number) => `The minimum order quantity is ${min}.`,
  notPack: (pack: number, quantity: number) => {
    const lower = Math.max(pack, quantity - (quantity % pack));
    return `Sold in packs of ${pack}: order a multiple of ${pack} (e.g. ${lower} or ${lower + pack}).`;
  },
} as const;

/** Why a quantity cannot be ordered, in words a shopper can act on; null when it is fine. */
export function quantityProblem(quantity: number, rules: QuantityRules = NO_RULES): string | null {
  if (!Number.isInteger(quantity)) return QUANTITY_MESSAGES.notWhole;
  if (quantity < MIN_LINE_QUANTITY) return QUANTITY_MESSAGES.belowOne;
  if (quantity > MAX_LINE_QUANTITY) return QUANTITY_MESSAGES.aboveMax;
  if (quantity < rules.minQuantity) return QUANTITY_MESSAGES.belowMin(rules.minQuantity);
  if (quantity % rules.packQuantity !== 0) return QUANTITY_MESSAGES.notPack(rules.packQuantity, quantity);
  return null;
}

export type QuantityCheck = { ok: true; quantity: number } | { ok: false; message: string };

// What an <input type="number"> can hold: a decimal number, optionally with an exponent. No hex,
// no "Infinity", no thousands separators.
const NUMBER_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * Reads a quantity as it arrives: the text of an input or a form field, or a number from JSON.
 * Anything else (missing, empty, not a number) asks for a quantity.
 */
export function checkQuantity(raw: unknown, rules: QuantityRules = NO_RULES): QuantityCheck {
  let quantity: number;
  if (typeof raw === "number") quantity = raw;
  else if (typeof raw === "string" && NUMBER_TEXT.test(raw.trim())) quantity = Number(raw.trim());
  else return { ok: false, message: QUANTITY_MESSAGES.missing };
  if (Number.isNaN(quantity)) return { ok: false, message: QUANTITY_MESSAGES.missing };
  const problem = quantityProblem(quantity, rules);
  return problem ? { ok: false, message: problem } : { ok: true, quantity };
}

/**
 * The zod field for a quantity, with the same messages as checkQuantity. Without rules it checks
 * what holds for every product (the API before it has loaded the product); the store then checks
 * the product's own rules.
 */
export function quantityField(rules: QuantityRules = NO_RULES) {
  return z.unknown().transform((raw, ctx): number => {
    const checked = checkQuantity(raw, rules);
    if (checked.ok) return checked.quantity;
    ctx.issues.push({ code: "custom", message: checked.message, input: raw });
    return z.NEVER;
  });
}

/** The smallest quantity the rules allow: the minimum, rounded up to a whole pack. */
export function firstValidQuantity(rules: QuantityRules): number {
  const min = Math.max(MIN_LINE_QUANTITY, rules.minQuantity);
  return Math.ceil(min / rules.packQuantity) * rules.packQuantity;
}

/** The largest quantity the rules allow on one line: the maximum, rounded down to a whole pack. */
export function lastValidQuantity(rules: QuantityRules): number {
  return Math.floor(MAX_LINE_QUANTITY / rules.packQuantity) * rules.packQuantity;
}

export type QuantityInputAttributes = { type: "number"; inputMode: "numeric"; min: number; max: number; step: number };

/**
 * The attributes of every quantity input. `min` is the first valid quantity (not the bare minimum),
 * so the browser's spinner steps from it through valid quantities only.
 */
export function quantityInputAttributes(rules: QuantityRules): QuantityInputAttributes {
  return { type: "number", inputMode: "numeric", min: firstValidQuantity(rules), max: lastValidQuantity(rules), step: rules.packQuantity };
}

/** The rules in a sentence next to the field; empty when there are none to tell. */
export function quantityHint(rules: QuantityRules): string {
  return [rules.packQuantity > 1 ? `Sold in packs of ${rules.packQuantity}.` : "", rules.minQuantity > 1 ? `Minimum order ${rules.minQuantity}.` : ""].filter(Boolean).join(" ");
}

/** A tagged template such as drizzle's `sql`: the guard never imports the database layer. */
export type SqlTag<T> = (strings: TemplateStringsArray, ...values: unknown[]) => T;

/**
 * The rules as one SQL condition, for the store to put into the statement that writes a line, so
 * the database refuses a quantity against the product row as it is at that moment. `quantity` is the
 * new line quantity (a number, or an expression such as the sum of an upsert); `minQuantity` and
 * `packQuantity` are usually the product's columns.
 */
export function quantityGuardSql<T>(sql: SqlTag<T>, quantity: unknown, minQuantity: unknown, packQuantity: unknown): T {
  return sql`((${quantity})::integer between ${MIN_LINE_QUANTITY} and ${MAX_LINE_QUANTITY} and (${quantity})::integer >= ${minQuantity} and (${quantity})::integer % ${packQuantity} = 0)`;
}
