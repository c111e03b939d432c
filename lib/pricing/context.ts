import type { Viewer } from "@/lib/auth/viewer";

/** Whose prices to show: the customer's agreements and whether prices include VAT. */
export type PriceContext = {
  customerId: number | null;
  priceListId: number | null;
  includeVat: boolean;
  /**
   * No VAT is charged at all: a business in another EU country (reverse charge) or a customer
   * outside the EU (export). Every product's rate then counts as 0 % — see `vatRateFor`.
   */
  vatExempt: boolean;
};

// B2B customers buy net; consumers see gross prices; anonymous visitors see net list prices, as
// a trade wholesaler shows them.
export function priceContextFor(viewer: Viewer | null): PriceContext {
  if (!viewer) return { customerId: null, priceListId: null, includeVat: false, vatExempt: false };
  return {
    customerId: viewer.customer.id,
    priceListId: viewer.customer.priceListId,
    includeVat: viewer.customer.kind === "consumer",
    vatExempt: viewer.customer.vatMode !== "standard",
  };
}

/**
 * The VAT rate this customer pays on a product. The one place a product's rate enters prices,
 * carts, checkout and order records (web and punchout): everything downstream takes the rate from
 * here, so an exempt customer's lines, totals and stored order lines all say 0 %.
 */
export function vatRateFor(ctx: PriceContext, productVatRate: string): string {
  return ctx.vatExempt ? "0.00" : productVatRate;
}
