import type { PricedCart } from "@/lib/cart/types";
import { toDb } from "@/lib/money/decimal";
import { encodeOciBasket, OciEncodeError, type OciBasketLine } from "./fields";
import type { OciSessionData } from "./session-token";

/** Everything the cart page needs to render the return form; the fields come from the encoder only. */
export type OciForm = {
  action: string;
  target: string;
  charset: "utf-8" | "iso-8859-1";
  fields: [string, string][];
  /** An empty basket: the echo fields alone, for "cancel". */
  cancelFields: [string, string][];
  error: string | null;
};

/** Cart lines → encoder input: the customer's NET price per price unit for the line's quantity. */
export function basketLines(cart: PricedCart): OciBasketLine[] {
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
    }));
}

export function encodeCart(cart: PricedCart, session: OciSessionData, vendorNumber: string | null): [string, string][] {
  return encodeOciBasket(basketLines(cart), { vendorNumber }, { echoFields: session.echoFields, charset: session.charset });
}

export function ociFormFor(cart: PricedCart, session: OciSessionData, vendorNumber: string | null): OciForm {
  const base = { action: session.hookUrl, target: session.target, charset: session.charset, cancelFields: session.echoFields };
  try {
    return { ...base, fields: encodeCart(cart, session, vendorNumber), error: null };
  } catch (error) {
    if (error instanceof OciEncodeError) {
      return { ...base, fields: [], error: `Line ${error.line} cannot be transferred (${error.field}): ${error.message}. Please change or remove it.` };
    }
    throw error;
  }
}
