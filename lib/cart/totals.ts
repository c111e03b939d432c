import { add, amount, mulDiv, round, toFixed, type Amount } from "@/lib/money/decimal";
import { displayPrice } from "@/lib/pricing/vat";

export type PricedLineInput = {
  quantity: number;
  priceUnit: number;
  /** Net price per price unit for this quantity. */
  netUnitPrice: Amount;
  vatRate: string;
};

export type LineAmounts = { unitPrice: Amount; lineTotal: Amount };

export type Totals = {
  includesVat: boolean;
  subtotal: Amount;
  vat: { rate: string; amount: Amount }[];
  vatTotal: Amount;
  total: Amount;
};

/** A line as the customer sees it: gross per unit (rounded to cents) for consumers, net for B2B. */
export function lineAmounts(line: PricedLineInput, includeVat: boolean): LineAmounts {
  const unitPrice = displayPrice(line.netUnitPrice, line.vatRate, includeVat);
  return { unitPrice, lineTotal: round(mulDiv(unitPrice, line.quantity, line.priceUnit), 2) };
}

/**
 * Order totals. Net prices (B2B): VAT is added per rate on the net subtotal of that rate.
 * Gross prices (consumers): the total is the sum of gross lines and the VAT contained is shown.
 */
export function computeTotals(lines: PricedLineInput[], includeVat: boolean): Totals {
  const byRate = new Map<string, Amount>();
  let subtotal = 0n as Amount;
  for (const line of lines) {
    const { lineTotal } = lineAmounts(line, includeVat);
    subtotal = add(subtotal, lineTotal);
    const rate = toFixed(amount(line.vatRate), 2);
    byRate.set(rate, add(byRate.get(rate) ?? (0n as Amount), lineTotal));
  }
  const hundred = amount(100);
  const vat = [...byRate.entries()]
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([rate, base]) => {
      const r = amount(rate);
      const vatAmount = includeVat ? round(mulDiv(base, r, hundred + r), 2) : round(mulDiv(base, r, hundred), 2);
      return { rate, amount: vatAmount };
    })
    .filter((v) => v.amount !== 0n);
  const vatTotal = add(...vat.map((v) => v.amount));
  return { includesVat: includeVat, subtotal, vat, vatTotal, total: includeVat ? subtotal : add(subtotal, vatTotal) };
}
