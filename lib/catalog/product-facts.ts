import { unitLabel } from "@/lib/money/format";
import type { ProductDetail } from "./types";
import type { ProductNotice } from "./views";

type Facts = Pick<ProductDetail, "sku" | "manufacturer" | "manufacturerPartNumber" | "unit" | "priceUnit" | "minQuantity" | "packQuantity" | "leadTimeDays" | "vatRate" | "unspsc">;

/** The specification table of a product page, empty values left out. */
export function productAttributes(p: Facts): [string, string][] {
  const rows: [string, string][] = [
    ["Article number", p.sku],
    ["Manufacturer", p.manufacturer],
    ["Manufacturer part number", p.manufacturerPartNumber],
    ["Unit", `${unitLabel(p.unit)} (${p.unit})`],
    ["Price unit", p.priceUnit === 1 ? `per ${unitLabel(p.unit)}` : `per ${p.priceUnit} ${unitLabel(p.unit, p.priceUnit)}`],
    ["Minimum order quantity", String(p.minQuantity)],
    ["Pack quantity", String(p.packQuantity)],
    ["Lead time", `${p.leadTimeDays} day${p.leadTimeDays === 1 ? "" : "s"}`],
    ["VAT rate", `${p.vatRate.replace(/\.00$/, "")} %`],
    ["UNSPSC", p.unspsc],
  ];
  return rows.filter(([, v]) => v);
}

/** The sentence for a refused script-less "Add to cart" (only known codes ever reach the page). */
export function productNoticeText(p: Pick<ProductDetail, "minQuantity" | "packQuantity">, notice: ProductNotice | null): string | undefined {
  if (notice === "quantity") return `Check the quantity: at least ${p.minQuantity}${p.packQuantity > 1 ? `, in packs of ${p.packQuantity}` : ""}.`;
  if (notice === "unavailable") return "This product is no longer available.";
  return undefined;
}
