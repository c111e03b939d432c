/**
 * The answers to the OCI functions VALIDATE, BACKGROUND_SEARCH and QUANTITYCHECK: product + price +
 * profile in, fields / page / JSON out. Pure; the entry (lib/oci/next/functions.ts) loads the data.
 *
 * Decisions (where OCI leaves room):
 * - VALIDATE answers the quantity asked for (a whole number, as the cart's lines are), at the
 *   customer's tier price for that quantity; the fields are exactly those of a transfer for that one
 *   item (see outbound-fields.ts), echo fields included. The page holds only hidden fields; one
 *   script, allowed by its hash, submits it; without script a Continue button shows. A SAPEVENT hook
 *   gets no script (SAP GUI only follows a real button press) and a visible Continue button.
 * - BACKGROUND_SEARCH returns at most BACKGROUND_SEARCH_LIMIT hits in the shop's search order, each at
 *   its minimum order quantity and the customer's price for it (the smallest quantity the shop sells,
 *   so the price is one that applies to an order). One form, no script, no redirect.
 * - QUANTITYCHECK: AVAILABLE_QUANTITY is the quantity asked for when that much is in stock, else the
 *   stock (never below 0); LEADTIME is the product's lead time in days. Both in format (a).
 */
import { createHash } from "node:crypto";
import { MAX_LINE_QUANTITY } from "@/lib/cart/quantity-rules";
import { amount, toPlain, type Amount } from "@/lib/money/decimal";
import { categoryPath } from "./basket";
import { escapeHtml, hiddenFields, ociPage } from "./html";
import type { OciBasketLine } from "./outbound-fields";
import type { OciCharset } from "./text-rules";

/** What the functions read of a product. */
export type OciCatalogProduct = {
  id: number;
  sku: string;
  name: string;
  description: string;
  manufacturer: string;
  manufacturerPartNumber: string;
  unit: string;
  priceUnit: number;
  currency: string;
  leadTimeDays: number;
  unspsc: string;
  categoryId: number;
  stock: number;
  minQuantity: number;
};

export const BACKGROUND_SEARCH_LIMIT = 100;

/** One product at a quantity and its NET price per price unit → encoder input. */
export function ociLine(product: OciCatalogProduct, unitPrice: string, quantity: number, parents: ReadonlyMap<number, number | null> = new Map()): OciBasketLine {
  return {
    productId: product.id,
    sku: product.sku,
    name: product.name,
    description: product.description,
    manufacturerPartNumber: product.manufacturerPartNumber,
    unit: product.unit,
    priceUnit: product.priceUnit,
    unitPrice,
    currency: product.currency,
    quantity,
    leadTimeDays: product.leadTimeDays,
    unspsc: product.unspsc,
    manufacturer: product.manufacturer,
    categoryPath: categoryPath(product.categoryId, parents),
  };
}

const OCI_DECIMAL = /^\d{1,11}(?:\.(\d{1,3}))?$/;

/** An OCI QUANTITY ("5", "1.000") as a whole number the cart could hold, else null. */
export function wholeQuantity(raw: string): number | null {
  const match = OCI_DECIMAL.exec(raw.trim());
  if (!match || /[1-9]/.test(match[1] ?? "")) return null;
  const n = Number(raw.trim().split(".")[0]);
  return Number.isSafeInteger(n) && n >= 1 && n <= MAX_LINE_QUANTITY ? n : null;
}

type HookForm = { hookUrl: string; target: string; charset: OciCharset; fields: [string, string][] };

function formTag(form: HookForm, id: string): string {
  return `<form id="${id}" method="post" action="${escapeHtml(form.hookUrl)}" target="${escapeHtml(form.target)}" accept-charset="${form.charset}">`;
}

/** The VALIDATE page's only script; the CSP allows exactly this text by its hash. */
export const VALIDATE_SCRIPT = 'HTMLFormElement.prototype.submit.call(document.getElementById("oci-validate"));';
const VALIDATE_SCRIPT_HASH = `sha256-${createHash("sha256").update(VALIDATE_SCRIPT).digest("base64")}`;

export function validatePage(form: HookForm): { html: string; scriptHash: string | null } {
  const sapEvent = /^sapevent:/i.test(form.hookUrl);
  const button = `<button type="submit" class="btn">Continue</button>`;
  const body = sapEvent
    ? `${formTag(form, "oci-validate")}${hiddenFields(form.fields)}${button}</form>`
    : `${formTag(form, "oci-validate")}${hiddenFields(form.fields)}<noscript>${button}</noscript></form><script>${VALIDATE_SCRIPT}</script>`;
  const html = ociPage({
    title: "Returning the checked item",
    intro: sapEvent ? "Press Continue to send the item back to your procurement system." : "The item goes back to your procurement system with its current price.",
    body,
    charset: form.charset,
  });
  return { html, scriptHash: sapEvent ? null : VALIDATE_SCRIPT_HASH };
}

export function backgroundSearchPage(form: HookForm, result: { searchString: string; hits: number; capped: boolean }): string {
  const title = result.hits === 0 ? `No items found for “${result.searchString}”` : `${result.hits} ${result.hits === 1 ? "item" : "items"} found for “${result.searchString}”`;
  const intro = result.capped
    ? `Showing the first ${BACKGROUND_SEARCH_LIMIT} hits; refine the search for others.`
    : "The items below are ready for your procurement system.";
  return ociPage({
    title,
    intro,
    body: `${formTag(form, "oci-search")}${hiddenFields(form.fields)}${result.hits > 0 ? `<button type="submit" class="btn">Transfer these items</button>` : ""}</form>`,
    charset: form.charset,
  });
}

function minAmount(a: Amount, b: Amount): Amount {
  return a < b ? a : b;
}

/** QUANTITYCHECK's answer; `requested` is a valid OCI quantity (format (a)). */
export function quantityCheckAnswer(product: { stock: number; leadTimeDays: number }, requested: string): { AVAILABLE_QUANTITY: string; LEADTIME: string } {
  const stock = amount(Math.max(0, Math.trunc(product.stock)));
  const available = minAmount(amount(requested), stock);
  return { AVAILABLE_QUANTITY: toPlain(available), LEADTIME: String(Math.max(0, Math.ceil(product.leadTimeDays))) };
}
