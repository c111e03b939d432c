import type { PricedCart } from "@/lib/cart/types";
import { cxmlVersion, type CxmlStamp } from "@/lib/cxml/document";
import { buildOrderMessage, returnFields } from "@/lib/cxml/outbound-order";
import { toDb } from "@/lib/money/decimal";
import { encodeOciBasket, OciEncodeError, type OciBasketLine, type OciOutboundProfile } from "./outbound-fields";
import type { OciSessionData } from "./session-token";

/**
 * Everything the cart page needs to render the return form. `fields` is a frozen snapshot (see
 * transfer.ts): the form, the hook and the stored order all get exactly this list.
 */
export type OciForm = {
  action: string;
  target: string;
  charset: "utf-8" | "iso-8859-1";
  snapshotId: string | null;
  fields: [string, string][];
  /** An empty basket: the echo fields alone, for "cancel" (cXML: an order message without lines; for inspect, the unchanged lines). */
  cancelFields: [string, string][];
  error: string | null;
  protocol: "oci" | "cxml";
  /** A cXML inspect: the basket is shown, never changed; only "return" (the cancel path) goes back. */
  readOnly: boolean;
};

/**
 * Cart lines → encoder input: the customer's NET price per price unit for the line's quantity.
 * `parents` (category id → parent id) gives each line its category path for a MATGROUP mapping. Pure.
 */
export function basketLines(cart: PricedCart, parents: ReadonlyMap<number, number | null> = new Map()): OciBasketLine[] {
  return cart.lines
    .filter((l) => l.available)
    .map((l) => ({
      productId: l.product.id,
      sku: l.product.sku,
      name: l.product.name,
      description: l.product.description,
      manufacturerPartNumber: l.product.manufacturerPartNumber,
      unit: l.product.unit,
      priceUnit: l.product.priceUnit,
      unitPrice: toDb(l.netUnitPrice),
      currency: l.product.currency,
      quantity: l.quantity,
      leadTimeDays: l.product.leadTimeDays,
      unspsc: l.product.unspsc,
      manufacturer: l.product.manufacturer,
      categoryPath: categoryPath(l.product.categoryId, parents),
    }));
}

export function categoryPath(id: number, parents: ReadonlyMap<number, number | null>): number[] {
  const path: number[] = [];
  for (let at: number | null | undefined = id; at != null && path.length < 20 && !path.includes(at); at = parents.get(at)) path.push(at);
  return path;
}

export type EncodedBasket = { ok: true; fields: [string, string][] } | { ok: false; error: string };

/**
 * The ordered return-form fields for a basket, or a sentence saying which line cannot go. Pure.
 * A cXML punchout gets one field holding a PunchOutOrderMessage; `stamp` is that document's
 * payloadID and timestamp.
 */
export function encodeCart(
  cart: PricedCart,
  session: Pick<OciSessionData, "echoFields" | "charset" | "cxml">,
  profile: OciOutboundProfile,
  parents: ReadonlyMap<number, number | null> = new Map(),
  stamp: CxmlStamp = FROZEN_STAMP,
): EncodedBasket {
  if (session.cxml) return { ok: true, fields: cxmlFields(session.cxml, basketLines(cart, parents), cart.currency, profile, stamp) };
  try {
    return { ok: true, fields: encodeOciBasket(basketLines(cart, parents), profile, { echoFields: session.echoFields, charset: session.charset }) };
  } catch (error) {
    if (error instanceof OciEncodeError) return { ok: false, error: `Line ${error.line} cannot be transferred (${error.field}): ${error.message}. Please change or remove it.` };
    throw error;
  }
}

/** The stamp a cXML basket is compared with: snapshots differ by content, never by their payloadID or time. */
export const FROZEN_STAMP: CxmlStamp = { payloadId: "snapshot", timestamp: "1970-01-01T00:00:00+00:00" };

/** A cXML return field for the given lines (none: the message that closes the punchout without items). */
export function cxmlFields(cxml: NonNullable<OciSessionData["cxml"]>, lines: OciBasketLine[], currency: string, profile: Pick<OciOutboundProfile, "unitCodes">, stamp: CxmlStamp): [string, string][] {
  const message = buildOrderMessage({ session: cxml, lines, currency, profile, stamp, version: cxmlVersion() });
  return returnFields(message.xml, cxml.field);
}
