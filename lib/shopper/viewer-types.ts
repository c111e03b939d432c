/** What the browser learns about its visitor on a cached catalog page (no prices, no cart lines). */
export type ViewerSummary = {
  /** `operator`: the header links to the back office. */
  account: { name: string; kind: "b2b" | "consumer"; pricing: string; operator?: true } | null;
  cartCount: number;
  punchout: { state: "active"; customerName: string } | { state: "expired" } | null;
};

/** The visitor's own prices for some products, formatted for display. Empty when not signed in. */
export type ViewerPrices = {
  personal: boolean;
  prices: Record<string, { price: string; vat: string; tiers?: { from: string; price: string }[] }>;
};

/** Prices rendered into a page cached for one customer; `for` is that customer's `pricing`. */
export type PagePrices = ViewerPrices & { for: string };
