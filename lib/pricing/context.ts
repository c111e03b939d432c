import type { Viewer } from "@/lib/auth/viewer";

/** Whose prices to show: the customer's agreements and whether prices include VAT. */
export type PriceContext = {
  customerId: number | null;
  priceListId: number | null;
  includeVat: boolean;
};

// B2B customers buy net; consumers see gross prices; anonymous visitors see net list prices, as
// a trade wholesaler shows them.
export function priceContextFor(viewer: Viewer | null): PriceContext {
  if (!viewer) return { customerId: null, priceListId: null, includeVat: false };
  return {
    customerId: viewer.customer.id,
    priceListId: viewer.customer.priceListId,
    includeVat: viewer.customer.kind === "consumer",
  };
}
