import { amount, toDb, type Amount } from "@/lib/money/decimal";
import type { Totals } from "@/lib/cart/totals";

/**
 * An exact decimal amount as a string with four decimals, as numeric(14,4) stores it ("218.0000"):
 * it crosses to the browser (JSON, server-component props) without ever becoming a float, and is
 * read back with lib/money's `amount` to be formatted.
 */
export type ExactDecimal = string & { readonly __exactDecimal: unique symbol };

export function exactDecimal(value: Amount | string): ExactDecimal {
  return toDb(typeof value === "string" ? amount(value) : value) as ExactDecimal;
}

/**
 * The totals of a cart, a checkout or a placed order, as the totals summary shows them. VAT comes
 * per rate where it is known (cart, checkout); an order keeps only its VAT total, a row without rate.
 * With gross prices (consumers) the total is the sum of the lines and the VAT rows say what it contains.
 */
export type TotalsSummary = {
  currency: string;
  includesVat: boolean;
  /** The sum of the lines: net for businesses, gross for consumers. */
  subtotal: ExactDecimal;
  vat: { rate: string | null; amount: ExactDecimal }[];
  total: ExactDecimal;
};

/** Computed totals (cart, checkout) → the summary. */
export function totalsSummary(totals: Totals, currency: string): TotalsSummary {
  return {
    currency,
    includesVat: totals.includesVat,
    subtotal: exactDecimal(totals.subtotal),
    vat: totals.vat.map((v) => ({ rate: v.rate, amount: exactDecimal(v.amount) })),
    total: exactDecimal(totals.total),
  };
}

/** A stored order (exact decimal strings from the database) → the summary. */
export function orderTotalsSummary(order: { currency: string; pricesIncludeVat: boolean; subtotal: string; vatTotal: string; total: string }): TotalsSummary {
  return {
    currency: order.currency,
    includesVat: order.pricesIncludeVat,
    subtotal: exactDecimal(order.subtotal),
    vat: [{ rate: null, amount: exactDecimal(order.vatTotal) }],
    total: exactDecimal(order.total),
  };
}

/** "19.00" → "19", "7.50" → "7.50": the rate as the summary labels it. */
export function vatRateLabel(rate: string): string {
  return rate.replace(/\.00$/, "");
}
