/**
 * OCI basket encoder: turns basket lines into the ordered name/value pairs of the OCI return form
 * (`NEW_ITEM-<FIELD>[n]`, the OCI return form). Pure TypeScript, no I/O.
 *
 * Decisions (where the OCI spec leaves room):
 * - Lengths are counted in UTF-16 code units (what SAP's Unicode kernel counts for CHAR fields), so a
 *   value never overflows whether the receiver counts code units or code points. Cuts never split a
 *   surrogate pair or a grapheme (a letter and its combining marks stay together); trailing spaces
 *   left by a cut are removed.
 * - Numbers (QUANTITY, PRICE) are written with trailing zeros dropped: "12.5", "3", "0.125".
 * - A price with 4 decimals (the money module's scale) cannot be written in format (a). PRICEUNIT is
 *   then multiplied by 1000 ("per mille", e.g. 0.0125 per 1 → PRICE 12.5 PRICEUNIT 1000), which
 *   leaves at most one decimal, so it also survives receivers that keep only the currency's 2
 *   decimals. If ×1000 does not fit (PRICEUNIT > 5 digits or PRICE > 11 integer digits) ×100, then
 *   ×10 is tried; if nothing fits an {@link OciEncodeError} is thrown. PRICE/PRICEUNIT is exact.
 * - PRICEUNIT is always sent, also when it is 1.
 * - Whatever cannot be sent correctly throws {@link OciEncodeError} instead of sending a wrong value:
 *   non-whole/≤0/too large quantity, negative or malformed price, PRICEUNIT outside 1…99999,
 *   LEADTIME > 99999 days or negative, missing UNIT (required because MATNR is never sent), missing
 *   CURRENCY (required because PRICE is always filled). A fractional LEADTIME is rounded up.
 * - CHAR fields are NFC-normalised plain text: HTML comments/script/style removed, tags stripped,
 *   common entities decoded, control characters and whitespace runs become one space, trimmed.
 *   LONGTEXT keeps line breaks (`<br>`, `</p>`, `</li>`, … become line breaks too), at most one blank
 *   line in a row, "\n" as line separator.
 * - In iso-8859-1 mode characters outside Latin-1 become close ASCII equivalents (typographic
 *   dashes/quotes, €, …, ™, •, various spaces), letters with diacritics outside Latin-1 lose the
 *   diacritic ("č" → "c"), anything else becomes "?". UNIT/CURRENCY are upper-cased.
 * - DESCRIPTION is never empty: name, else the start of the description, else the SKU, else
 *   "Article <productId>".
 * - Echo (`~`) fields are appended unchanged, in the given order.
 */
import { amount, toPlain, type Amount } from "@/lib/money/decimal";
import { manufacturerCodeFor, matgroupFor, unitCodeFor, type CustFieldSource, type OciProfile } from "./profile";
import { cutText, normalizeCharset, toLatin1, toPlainLongText, toPlainText } from "./text-rules";

export type OciBasketLine = {
  /** our stable key → EXT_PRODUCT_ID */
  productId: number;
  /** → VENDORMAT */
  sku: string;
  /** → DESCRIPTION (cut to 40) */
  name: string;
  /** full plain text (may contain stray HTML or line breaks) → LONGTEXT */
  description: string;
  /** → MANUFACTMAT */
  manufacturerPartNumber: string;
  /** ISO/UN-ECE code → UNIT */
  unit: string;
  /** whole number ≥ 1 → PRICEUNIT */
  priceUnit: number;
  /** decimal string, the customer's NET price per priceUnit for this quantity → PRICE */
  unitPrice: string;
  /** → CURRENCY */
  currency: string;
  /** whole number → QUANTITY (format (a)) */
  quantity: number;
  /** → LEADTIME */
  leadTimeDays: number | null;
  /** → MATGROUP, EXT_CATEGORY_ID with EXT_SCHEMA_TYPE=UNSPSC (empty when no code) */
  unspsc: string;
  /** → SERVICE "X" */
  service?: boolean;
  /** → MANUFACTCODE through the profile's mapping, CUST_FIELDn when the profile says so */
  manufacturer?: string;
  /** the product's category, then its ancestors: for a MATGROUP mapping by category */
  categoryPath?: readonly number[];
};

/** The part of a customer's OCI profile that shapes the fields (see ./profile). */
export type OciOutboundProfile = Pick<OciProfile, "vendorNumber" | "manufacturerCodes" | "matgroup" | "unitCodes" | "custFields" | "sendLongText" | "description">;

/** Maximum lengths of the OCI item fields. LONGTEXT is unlimited. */
export const OCI_FIELD_LIMITS = {
  DESCRIPTION: 40,
  MATNR: 40,
  QUANTITY: 15,
  UNIT: 3,
  PRICE: 15,
  CURRENCY: 5,
  PRICEUNIT: 5,
  LEADTIME: 5,
  LONGTEXT: Number.POSITIVE_INFINITY,
  VENDOR: 10,
  VENDORMAT: 40,
  MANUFACTCODE: 10,
  MANUFACTMAT: 40,
  MATGROUP: 10,
  SERVICE: 1,
  CONTRACT: 10,
  CONTRACT_ITEM: 5,
  EXT_QUOTE_ID: 35,
  EXT_QUOTE_ITEM: 10,
  EXT_PRODUCT_ID: 40,
  ATTACHMENT: 255,
  ATTACHMENT_TITLE: 255,
  ATTACHMENT_PURPOSE: 1,
  EXT_SCHEMA_TYPE: 10,
  EXT_CATEGORY_ID: 60,
  EXT_CATEGORY: 40,
  SLD_SYS_NAME: 60,
  CUST_FIELD1: 10,
  CUST_FIELD2: 10,
  CUST_FIELD3: 10,
  CUST_FIELD4: 20,
  CUST_FIELD5: 50,
  PARENT_ID: 5,
  ITEM_TYPE: 1,
} as const;

export type OciField = keyof typeof OCI_FIELD_LIMITS;

/** Format (a): at most 11 digits before the point and 3 after. */
const MAX_INTEGER_DIGITS = 11;
const MAX_DECIMALS = 3;
const MAX_PRICE_UNIT = 99_999;
const MAX_LEADTIME = 99_999;

export type OciEncodeErrorCode =
  | "QUANTITY_INVALID"
  | "QUANTITY_TOO_LARGE"
  | "PRICE_INVALID"
  | "PRICE_TOO_LARGE"
  | "PRICE_UNIT_INVALID"
  | "PRICE_NOT_REPRESENTABLE"
  | "LEADTIME_INVALID"
  | "UNIT_MISSING"
  | "CURRENCY_MISSING"
  | "PRODUCT_ID_INVALID";

/** A basket line that cannot be sent without changing its meaning. */
export class OciEncodeError extends Error {
  override readonly name = "OciEncodeError";
  constructor(
    readonly code: OciEncodeErrorCode,
    /** 1-based item index */
    readonly line: number,
    readonly field: OciField,
    message: string,
  ) {
    super(`OCI item ${line}, ${field}: ${message}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Numbers

function integerDigits(value: Amount): number {
  return toPlain(value).replace("-", "").split(".")[0]!.length;
}

function decimalsOf(value: Amount): number {
  const plain = toPlain(value);
  const point = plain.indexOf(".");
  return point < 0 ? 0 : plain.length - point - 1;
}

/** Format (a) for a whole quantity. */
export function formatOciQuantity(quantity: number, line = 1): string {
  if (!Number.isSafeInteger(quantity) || quantity <= 0) {
    throw new OciEncodeError("QUANTITY_INVALID", line, "QUANTITY", `quantity must be a whole number ≥ 1, got ${String(quantity)}`);
  }
  const digits = BigInt(quantity).toString();
  if (digits.length > MAX_INTEGER_DIGITS) {
    throw new OciEncodeError("QUANTITY_TOO_LARGE", line, "QUANTITY", `more than ${MAX_INTEGER_DIGITS} digits before the decimal point`);
  }
  return digits;
}

/**
 * PRICE and PRICEUNIT in format (a) such that PRICE / PRICEUNIT equals unitPrice / priceUnit exactly.
 * Trailing zeros are dropped ("12.5").
 */
export function formatOciPrice(unitPrice: string, priceUnit: number, line = 1): { price: string; priceUnit: string } {
  if (!Number.isSafeInteger(priceUnit) || priceUnit < 1 || priceUnit > MAX_PRICE_UNIT) {
    throw new OciEncodeError("PRICE_UNIT_INVALID", line, "PRICEUNIT", `price unit must be a whole number from 1 to ${MAX_PRICE_UNIT}, got ${String(priceUnit)}`);
  }
  let value: Amount;
  try {
    value = amount(unitPrice);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new OciEncodeError("PRICE_INVALID", line, "PRICE", `not an exact decimal price (${reason})`);
  }
  if (value < 0n) throw new OciEncodeError("PRICE_INVALID", line, "PRICE", "negative prices cannot be sent");

  const candidates = decimalsOf(value) <= MAX_DECIMALS ? [1] : [1000, 100, 10];
  for (const factor of candidates) {
    const scaledUnit = priceUnit * factor;
    if (scaledUnit > MAX_PRICE_UNIT) continue;
    const scaled = (value * BigInt(factor)) as Amount;
    if (integerDigits(scaled) > MAX_INTEGER_DIGITS) continue;
    if (decimalsOf(scaled) > MAX_DECIMALS) continue;
    return { price: toPlain(scaled), priceUnit: String(scaledUnit) };
  }
  if (candidates.length === 1) {
    throw new OciEncodeError("PRICE_TOO_LARGE", line, "PRICE", `more than ${MAX_INTEGER_DIGITS} digits before the decimal point`);
  }
  throw new OciEncodeError(
    "PRICE_NOT_REPRESENTABLE",
    line,
    "PRICE",
    `a price with more than ${MAX_DECIMALS} decimals needs a larger PRICEUNIT, which would exceed ${MAX_PRICE_UNIT} or ${MAX_INTEGER_DIGITS} integer digits`,
  );
}

function formatLeadTime(days: number | null, line: number): string {
  if (days === null) return "";
  if (!Number.isFinite(days) || days < 0) {
    throw new OciEncodeError("LEADTIME_INVALID", line, "LEADTIME", `lead time must be a number of days ≥ 0, got ${String(days)}`);
  }
  const whole = Math.ceil(days);
  if (whole > MAX_LEADTIME) {
    throw new OciEncodeError("LEADTIME_INVALID", line, "LEADTIME", `lead time of ${whole} days does not fit ${OCI_FIELD_LIMITS.LEADTIME} digits`);
  }
  return String(whole);
}

// ---------------------------------------------------------------------------------------------
// Encoder

/** The name of the long-text field of item n: `NEW_ITEM-LONGTEXT_n:132[]`. */
export function longTextFieldName(n: number): string {
  return `NEW_ITEM-LONGTEXT_${n}:132[]`;
}

const CUST_FIELDS = ["CUST_FIELD1", "CUST_FIELD2", "CUST_FIELD3", "CUST_FIELD4", "CUST_FIELD5"] as const;

function custFieldValue(source: CustFieldSource, line: OciBasketLine): string | null {
  if (source.kind === "none") return null;
  if (source.kind === "fixed") return source.value;
  return { sku: line.sku, manufacturer: line.manufacturer ?? "", unspsc: line.unspsc, manufacturerPartNumber: line.manufacturerPartNumber }[source.attribute];
}

export function encodeOciBasket(
  lines: OciBasketLine[],
  settings: OciOutboundProfile,
  options: { echoFields: [string, string][]; charset: string },
): [string, string][] {
  const charset = normalizeCharset(options.charset);
  const forCharset = charset === "iso-8859-1" ? toLatin1 : (text: string) => text;
  /** Plain single-line text for the target charset, cut to the field's limit. */
  const char = (value: string | null | undefined, field: OciField): string =>
    cutText(forCharset(toPlainText(value ?? "")).trim(), OCI_FIELD_LIMITS[field]);

  const vendor = char(settings.vendorNumber, "VENDOR");
  const out: [string, string][] = [];

  lines.forEach((line, index) => {
    const n = index + 1;
    const field = (name: OciField, value: string) => out.push([`NEW_ITEM-${name}[${n}]`, value]);

    if (!Number.isSafeInteger(line.productId)) {
      throw new OciEncodeError("PRODUCT_ID_INVALID", n, "EXT_PRODUCT_ID", `product id must be an integer, got ${String(line.productId)}`);
    }
    const longText = forCharset(toPlainLongText(line.description ?? ""));
    const named = settings.description === "name_and_variant" && line.manufacturerPartNumber.trim() ? `${line.name} ${line.manufacturerPartNumber}` : line.name;
    const description =
      char(named, "DESCRIPTION") ||
      cutText(longText.replace(/\s+/g, " ").trim(), OCI_FIELD_LIMITS.DESCRIPTION) ||
      char(line.sku, "DESCRIPTION") ||
      `Article ${line.productId}`;
    const quantity = formatOciQuantity(line.quantity, n);
    const unit = char(unitCodeFor(settings, line.unit.trim().toUpperCase()), "UNIT").toUpperCase();
    if (!unit) throw new OciEncodeError("UNIT_MISSING", n, "UNIT", "a unit of measure is required (ISO/UN-ECE code such as C62)");
    const { price, priceUnit } = formatOciPrice(line.unitPrice, line.priceUnit, n);
    const currency = char(line.currency, "CURRENCY").toUpperCase();
    if (!currency) throw new OciEncodeError("CURRENCY_MISSING", n, "CURRENCY", "a currency is required when a price is sent");
    const category = char(line.unspsc, "EXT_CATEGORY_ID");

    field("DESCRIPTION", description);
    field("QUANTITY", quantity);
    field("UNIT", unit);
    field("PRICE", price);
    field("PRICEUNIT", priceUnit);
    field("CURRENCY", currency);
    field("LEADTIME", formatLeadTime(line.leadTimeDays, n));
    field("VENDOR", vendor);
    field("VENDORMAT", char(line.sku, "VENDORMAT"));
    field("MANUFACTMAT", char(line.manufacturerPartNumber, "MANUFACTMAT"));
    const manufacturerCode = char(manufacturerCodeFor(settings, line.manufacturer ?? ""), "MANUFACTCODE");
    if (manufacturerCode) field("MANUFACTCODE", manufacturerCode);
    field("EXT_PRODUCT_ID", cutText(String(line.productId), OCI_FIELD_LIMITS.EXT_PRODUCT_ID));
    field("MATGROUP", char(matgroupFor(settings, { unspsc: line.unspsc, categoryPath: line.categoryPath ?? [] }), "MATGROUP"));
    field("EXT_SCHEMA_TYPE", category ? "UNSPSC" : "");
    field("EXT_CATEGORY_ID", category);
    if (line.service) field("SERVICE", "X");
    settings.custFields.forEach((source, i) => {
      const value = custFieldValue(source, line);
      if (value !== null) field(CUST_FIELDS[i]!, char(value, CUST_FIELDS[i]!));
    });
    if (settings.sendLongText) out.push([longTextFieldName(n), longText]);
  });

  for (const [name, value] of options.echoFields) out.push([name, value]);
  return out;
}
