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

/** What of a customer decides their prices. */
export type PricedCustomer = Pick<Viewer["customer"], "id" | "kind" | "priceListId" | "vatMode">;

// B2B customers buy net; consumers see gross prices; anonymous visitors see net list prices, as
// a trade wholesaler shows them.
export function priceContextFor(viewer: Viewer | null): PriceContext {
  return viewer ? priceContextOfCustomer(viewer.customer) : { customerId: null, priceListId: null, includeVat: false, vatExempt: false };
}

export function priceContextOfCustomer(customer: PricedCustomer): PriceContext {
  return {
    customerId: customer.id,
    priceListId: customer.priceListId,
    includeVat: customer.kind === "consumer",
    vatExempt: customer.vatMode !== "standard",
  };
}

/**
 * Names a customer's prices for the browser: it changes when another customer's (or another price
 * list's) prices would apply, so prices shown for one are never kept for the other.
 */
export function pricingKeyOf(customer: Pick<PricedCustomer, "id" | "priceListId">): string {
  return `${customer.id}:${customer.priceListId ?? "-"}`;
}

/**
 * The VAT rate this customer pays on a product. The one place a product's rate enters prices,
 * carts, checkout and order records (web and punchout): everything downstream takes the rate from
 * here, so an exempt customer's lines, totals and stored order lines all say 0 %.
 */
export function vatRateFor(ctx: PriceContext, productVatRate: string): string {
  return ctx.vatExempt ? "0.00" : productVatRate;
}
