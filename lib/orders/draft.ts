import type { OrderDraftData } from "@/db/schema";
import type { PricedCart } from "@/lib/cart/types";
import { toDb } from "@/lib/money/decimal";

export type OrderDraft = OrderDraftData;

/** A priced cart → the lines and totals an order stores (exact decimal strings). Pure. */
export function orderDraftFromCart(cart: PricedCart): OrderDraft {
  return {
    currency: cart.currency,
    pricesIncludeVat: cart.totals.includesVat,
    subtotal: toDb(cart.totals.subtotal),
    vatTotal: toDb(cart.totals.vatTotal),
    total: toDb(cart.totals.total),
    lines: cart.lines
      .filter((l) => l.available)
      .map((l) => ({
        productId: l.product.id,
        sku: l.product.sku,
        name: l.product.name,
        unit: l.product.unit,
        priceUnit: l.product.priceUnit,
        unitPrice: toDb(l.unitPrice),
        quantity: l.quantity,
        lineTotal: toDb(l.lineTotal),
        // The rate the line was priced with (0 % for a VAT-exempt customer), not the catalogue's.
        vatRate: l.input.vatRate,
      })),
  };
}
