import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { customers, products } from "@/db/schema";
import { searchProducts } from "@/lib/catalog/search";
import { categoryParents } from "@/lib/catalog/queries";
import { getDb, type Db } from "@/lib/db/client";
import { toDb } from "@/lib/money/decimal";
import type { PriceContext } from "@/lib/pricing/context";
import { loadPriceInfo } from "@/lib/pricing/load";
import { resolvePrice } from "@/lib/pricing/tiers";
import { ociPage } from "./html";
import type { OciCall } from "./inbound-call";
import { encodeOciBasket, OciEncodeError, type OciBasketLine } from "./outbound-fields";
import { BACKGROUND_SEARCH_LIMIT, backgroundSearchPage, ociLine, quantityCheckAnswer, validatePage, wholeQuantity, type OciCatalogProduct } from "./outbound-functions";
import type { OciProfile } from "./profile";
import type { OciCharset } from "./text-rules";

/**
 * The OCI functions that answer at once, without a shopping session: VALIDATE, BACKGROUND_SEARCH,
 * QUANTITYCHECK. The caller is authenticated and its hook allowed (see the entry); this reads the
 * catalog and the customer's prices and returns what to send. Nothing is written.
 */
export type FunctionAnswer =
  | { kind: "html"; status: number; html: string; charset: OciCharset; scriptHash: string | null }
  | { kind: "json"; status: number; data: Record<string, string> };

export type FunctionCall = Pick<OciCall, "hookUrl" | "target" | "echoFields" | "fn"> & { charset: OciCharset };

const productColumns = {
  id: products.id,
  sku: products.sku,
  name: products.name,
  description: products.description,
  manufacturer: products.manufacturer,
  manufacturerPartNumber: products.manufacturerPartNumber,
  unit: products.unit,
  priceUnit: products.priceUnit,
  currency: products.currency,
  leadTimeDays: products.leadTimeDays,
  unspsc: products.unspsc,
  categoryId: products.categoryId,
  stock: products.stock,
  minQuantity: products.minQuantity,
  listPrice: products.listPrice,
};

type Row = OciCatalogProduct & { listPrice: string };

/** Our EXT_PRODUCT_ID is the product id; anything else names no product. */
async function activeProduct(db: Db, productId: string | undefined): Promise<Row | null> {
  if (!productId || !/^\d{1,9}$/.test(productId)) return null;
  const [row] = await db.select(productColumns).from(products).where(and(eq(products.id, Number(productId)), eq(products.active, true))).limit(1);
  return row ?? null;
}

/** Net prices: OCI carries the customer's NET price per price unit. */
async function priceContextOf(db: Db, customerId: number): Promise<PriceContext> {
  const [row] = await db.select({ priceListId: customers.priceListId }).from(customers).where(eq(customers.id, customerId)).limit(1);
  return { customerId, priceListId: row?.priceListId ?? null, includeVat: false, vatExempt: false };
}

function page(status: number, title: string, intro: string, charset: OciCharset): FunctionAnswer {
  return { kind: "html", status, html: ociPage({ title, intro, charset }), charset, scriptHash: null };
}

export async function answerOciFunction(customerId: number, call: FunctionCall, profile: OciProfile): Promise<FunctionAnswer> {
  const fn = call.fn;
  if (fn?.name === "QUANTITYCHECK") return quantityCheck(fn.productId, fn.quantity ?? "1");
  if (fn?.name === "VALIDATE") return validate(customerId, call, profile);
  if (fn?.name === "BACKGROUND_SEARCH") return backgroundSearch(customerId, call, profile);
  throw new Error(`not an immediate OCI function: ${fn?.name ?? "none"}`);
}

async function quantityCheck(productId: string | undefined, quantity: string): Promise<FunctionAnswer> {
  const db = await getDb();
  const product = await activeProduct(db, productId);
  if (!product) return { kind: "json", status: 404, data: { ERROR: "Unknown product: EXT_PRODUCT_ID names no product of this catalog." } };
  return { kind: "json", status: 200, data: quantityCheckAnswer(product, quantity) };
}

async function validate(customerId: number, call: FunctionCall, profile: OciProfile): Promise<FunctionAnswer> {
  const db = await getDb();
  // Read together: the answer is due on the very request, which already paid for a password check.
  const [product, ctx, parents] = await Promise.all([activeProduct(db, call.fn?.productId), priceContextOf(db, customerId), categoryParents(db)]);
  if (!product) {
    return page(404, "This item is no longer available", "The product named by PRODUCTID is not in the catalog any more. Nothing was sent to your procurement system; remove the item or choose another in the catalog.", call.charset);
  }
  const quantity = wholeQuantity(call.fn?.quantity ?? "");
  if (quantity === null) return page(400, "The quantity cannot be checked", "QUANTITY must be a whole number of at most 999999 for this catalog. Nothing was sent.", call.charset);
  const info = (await loadPriceInfo(db, ctx, [product])).get(product.id)!;
  const line = ociLine(product, toDb(resolvePrice(info, quantity).unitPrice), quantity, parents);
  let fields: [string, string][];
  try {
    fields = encodeOciBasket([line], profile, { echoFields: call.echoFields, charset: call.charset });
  } catch (error) {
    if (!(error instanceof OciEncodeError)) throw error;
    return page(409, "This item cannot be sent", `${error.message}. Nothing was sent; please contact us.`, call.charset);
  }
  const answer = validatePage({ hookUrl: call.hookUrl, target: call.target, charset: call.charset, fields });
  return { kind: "html", status: 200, html: answer.html, charset: call.charset, scriptHash: answer.scriptHash };
}

function encodes(line: OciBasketLine, profile: OciProfile, charset: OciCharset): boolean {
  try {
    encodeOciBasket([line], profile, { echoFields: [], charset });
    return true;
  } catch (error) {
    if (error instanceof OciEncodeError) return false;
    throw error;
  }
}

async function backgroundSearch(customerId: number, call: FunctionCall, profile: OciProfile): Promise<FunctionAnswer> {
  const searchString = call.fn?.searchString ?? "";
  const found = await searchProducts(searchString, 1, BACKGROUND_SEARCH_LIMIT);
  const db = await getDb();
  const ids = found.items.map((p) => p.id);
  const rows = ids.length ? await db.select(productColumns).from(products).where(and(inArray(products.id, ids), eq(products.active, true))) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const hits = ids.map((id) => byId.get(id)).filter((r): r is Row => r !== undefined);
  const [ctx, parents] = await Promise.all([priceContextOf(db, customerId), categoryParents(db)]);
  const prices = await loadPriceInfo(db, ctx, hits);
  // Each hit at the smallest quantity the shop sells it in, at the customer's price for that quantity;
  // a product that cannot be written in OCI's formats is left out rather than sent wrong.
  const lines = hits
    .map((p) => {
      const quantity = Math.max(1, p.minQuantity);
      return ociLine(p, toDb(resolvePrice(prices.get(p.id)!, quantity).unitPrice), quantity, parents);
    })
    .filter((line) => encodes(line, profile, call.charset));
  const fields = encodeOciBasket(lines, profile, { echoFields: call.echoFields, charset: call.charset });
  const html = backgroundSearchPage(
    { hookUrl: call.hookUrl, target: call.target, charset: call.charset, fields },
    { searchString, hits: lines.length, capped: found.total > BACKGROUND_SEARCH_LIMIT || found.totalIsCapped },
  );
  return { kind: "html", status: 200, html, charset: call.charset, scriptHash: null };
}
