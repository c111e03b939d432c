import { formatMoney, formatUnitPrice } from "@/lib/money/format";
import { totalsSummary, type TotalsSummary } from "@/lib/orders/totals";
import type { PricedCart } from "./types";

/**
 * What the browser gets: display strings computed on the server, never prices to compute with. The
 * totals are the summary shape the totals block formats (exact decimal strings, never floats).
 */
export type CartDto = {
  lines: {
    productId: number;
    sku: string;
    slug: string;
    name: string;
    unit: string;
    quantity: number;
    minQuantity: number;
    packQuantity: number;
    unitPrice: string;
    lineTotal: string;
    problem: string | null;
  }[];
  totals: TotalsSummary;
  itemCount: number;
  lineCount: number;
};

export function toCartDto(cart: PricedCart): CartDto {
  const c = cart.currency;
  return {
    lines: cart.lines.map((l) => ({
      productId: l.product.id,
      sku: l.product.sku,
      slug: l.product.slug,
      name: l.product.name,
      unit: l.product.unit,
      quantity: l.quantity,
      minQuantity: l.product.minQuantity,
      packQuantity: l.product.packQuantity,
      unitPrice: formatUnitPrice(l.unitPrice, c, l.product.unit, l.product.priceUnit),
      lineTotal: formatMoney(l.lineTotal, c),
      problem: l.problem,
    })),
    totals: totalsSummary(cart.totals, c),
    itemCount: cart.itemCount,
    lineCount: cart.lineCount,
  };
}
