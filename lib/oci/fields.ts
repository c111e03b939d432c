/**
 * OCI basket encoder: turns basket lines into the ordered name/value pairs of the OCI return form
 * (`NEW_ITEM-<FIELD>[n]`, see /work/shared/docs/oci.md §2). Pure TypeScript, no I/O.
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
};

export type OciCustomerSettings = { vendorNumber: string | null };

export type OciCharset = "utf-8" | "iso-8859-1";

/** Maximum lengths of the OCI item fields (oci.md §2). LONGTEXT is unlimited. */
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
// Charset

const LATIN1_ALIASES = new Set([
  "iso-8859-1",
  "iso8859-1",
  "iso_8859-1",
  "iso_8859-1:1987",
  "iso88591",
  "8859-1",
  "latin1",
  "latin-1",
  "l1",
  "windows-1252",
  "cp1252",
  "x-cp1252",
  "cp819",
  "ibm819",
  "iso-ir-100",
  "csisolatin1",
  "us-ascii",
  "ascii",
  // ISO-8859-15 is Latin-1 with a handful of changed code points; Latin-1 output is far closer
  // than UTF-8 bytes would be.
  "iso-8859-15",
  "iso8859-15",
  "iso_8859-15",
  "latin9",
  "latin-9",
]);

/** Normalises an `http_content_charset` value; legacy 8-bit charsets → "iso-8859-1", anything else → "utf-8". */
export function normalizeCharset(input: string | undefined): OciCharset {
  if (!input) return "utf-8";
  const value = input.trim().replace(/^["']|["']$/g, "").trim().toLowerCase();
  return LATIN1_ALIASES.has(value) ? "iso-8859-1" : "utf-8";
}

// ---------------------------------------------------------------------------------------------
// Plain text

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
  shy: "",
  ndash: "\u2013",
  mdash: "\u2014",
  hellip: "\u2026",
  euro: "\u20ac",
  laquo: "\u00ab",
  raquo: "\u00bb",
  lsquo: "\u2018",
  rsquo: "\u2019",
  sbquo: "\u201a",
  ldquo: "\u201c",
  rdquo: "\u201d",
  bdquo: "\u201e",
  copy: "\u00a9",
  reg: "\u00ae",
  trade: "\u2122",
  deg: "\u00b0",
  micro: "\u00b5",
  times: "\u00d7",
  middot: "\u00b7",
  sup2: "\u00b2",
  sup3: "\u00b3",
  auml: "\u00e4",
  ouml: "\u00f6",
  uuml: "\u00fc",
  Auml: "\u00c4",
  Ouml: "\u00d6",
  Uuml: "\u00dc",
  szlig: "\u00df",
};

function decodeEntities(text: string): string {
  return text.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,7});/g, (match, body: string) => {
    if (body.startsWith("#")) {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return "\ufffd";
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[body] ?? match;
  });
}

/** Tags that end a line of text (→ line break in LONGTEXT, space elsewhere). */
const LINE_TAG = /<\/?\s*(br|p|div|li|ul|ol|dl|dt|dd|h[1-6]|tr|table|thead|tbody|tfoot|hr|blockquote|pre|section|article|header|footer|address)\b[^<>]*>/gi;
/** Table cells: separated by a space. */
const CELL_TAG = /<\/?\s*(td|th)\b[^<>]*>/gi;

function stripMarkup(text: string, keepLines: boolean): string {
  let out = text
    .replace(/<!--[\s\S]*?(-->|$)/g, " ")
    .replace(/<(script|style|head|title)\b[^>]*>[\s\S]*?(<\/\1\s*>|$)/gi, " ");
  out = out.replace(LINE_TAG, keepLines ? "\n" : " ").replace(CELL_TAG, " ");
  // Inline tags (<b>, <span>, <a …>) disappear without a trace: "Sch<b>lüssel</b>" → "Schlüssel".
  out = out.replace(/<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g, "").replace(/<![^<>]*>/g, " ");
  return decodeEntities(out);
}

/** HTML-free, single-line text: tags stripped, entities decoded, whitespace/controls collapsed. */
export function toPlainText(text: string): string {
  return stripMarkup(text, false)
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, " ")
    .replace(/[\s\u00a0\u200b\ufeff]+/g, " ")
    .trim();
}

/** Like {@link toPlainText} but keeps line breaks (as "\n"), at most one blank line in a row. */
export function toPlainLongText(text: string): string {
  return stripMarkup(text.replace(/\r\n?/g, "\n"), true)
    .normalize("NFC")
    .replace(/[\u2028\u2029]/g, "\n")
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, " ")
    .split("\n")
    .map((line) => line.replace(/[\s\u00a0\u200b\ufeff]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

const LATIN1_REPLACEMENTS: Record<string, string> = {
  "\u2010": "-", // hyphen
  "\u2011": "-", // non-breaking hyphen
  "\u2012": "-", // figure dash
  "\u2013": "-", // en dash
  "\u2014": "-", // em dash
  "\u2015": "-", // horizontal bar
  "\u2212": "-", // minus sign
  "\u201e": '"', // „
  "\u201c": '"', // “
  "\u201d": '"', // ”
  "\u201f": '"',
  "\u2033": '"', // double prime
  "\u201a": "'", // ‚
  "\u2018": "'", // ‘
  "\u2019": "'", // ’
  "\u201b": "'",
  "\u2032": "'", // prime
  "\u2039": "<", // ‹
  "\u203a": ">", // ›
  "\u20ac": "EUR",
  "\u2026": "...",
  "\u2122": "(TM)",
  "\u2022": "*", // bullet
  "\u2002": " ",
  "\u2003": " ",
  "\u2009": " ",
  "\u200a": " ",
  "\u202f": " ",
  "\u2007": " ",
  "\u2008": " ",
  "\u200b": "",
  "\ufeff": "",
  "\u2260": "!=",
  "\u2264": "<=",
  "\u2265": ">=",
  "\u2248": "~",
  "\u2030": "o/oo",
  "\u0152": "OE",
  "\u0153": "oe",
  "\u0141": "L",
  "\u0142": "l",
  "\u0110": "D",
  "\u0111": "d",
};

/** Replaces what ISO-8859-1 cannot represent with close ASCII equivalents, else "?". */
export function toLatin1(text: string): string {
  let out = "";
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code <= 0xff) {
      out += char;
      continue;
    }
    const replacement = LATIN1_REPLACEMENTS[char];
    if (replacement !== undefined) {
      out += replacement;
      continue;
    }
    // Letters with a diacritic outside Latin-1 ("č", "ő", "ś") → base letter.
    const base = char.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    out += base.length > 0 && /^[\u0000-\u00ff]+$/.test(base) ? base : "?";
  }
  return out;
}

const segmenter = typeof Intl !== "undefined" && "Segmenter" in Intl ? new Intl.Segmenter("en", { granularity: "grapheme" }) : null;

/**
 * Cuts `text` to at most `max` UTF-16 code units without splitting a surrogate pair or a grapheme
 * cluster; trailing spaces left by the cut are removed.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = "";
  if (segmenter) {
    for (const { segment } of segmenter.segment(text)) {
      if (out.length + segment.length > max) break;
      out += segment;
    }
  } else {
    for (const char of text) {
      if (out.length + char.length > max) break;
      out += char;
    }
  }
  return out.replace(/\s+$/, "");
}

// ---------------------------------------------------------------------------------------------
// Numbers

const FACTOR = 10_000n; // money module scale 10^4

function integerDigits(value: Amount): number {
  const whole = (value < 0n ? -value : value) / FACTOR;
  return whole.toString().length;
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

export function encodeOciBasket(
  lines: OciBasketLine[],
  settings: OciCustomerSettings,
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
    const description =
      char(line.name, "DESCRIPTION") ||
      cutText(longText.replace(/\s+/g, " ").trim(), OCI_FIELD_LIMITS.DESCRIPTION) ||
      char(line.sku, "DESCRIPTION") ||
      `Article ${line.productId}`;
    const quantity = formatOciQuantity(line.quantity, n);
    const unit = char(line.unit, "UNIT").toUpperCase();
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
    field("EXT_PRODUCT_ID", cutText(String(line.productId), OCI_FIELD_LIMITS.EXT_PRODUCT_ID));
    field("MATGROUP", char(line.unspsc, "MATGROUP"));
    field("EXT_SCHEMA_TYPE", category ? "UNSPSC" : "");
    field("EXT_CATEGORY_ID", category);
    if (line.service) field("SERVICE", "X");
    out.push([longTextFieldName(n), longText]);
  });

  for (const [name, value] of options.echoFields) out.push([name, value]);
  return out;
}
