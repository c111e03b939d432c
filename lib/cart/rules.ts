export const MAX_LINE_QUANTITY = 999_999;

export type QuantityRules = { minQuantity: number; packQuantity: number };

/** Why a quantity cannot be ordered, in words a shopper can act on; null when it is fine. */
export function quantityProblem(quantity: number, rules: QuantityRules): string | null {
  if (!Number.isInteger(quantity)) return "Enter a whole number.";
  if (quantity < 1) return "Enter a quantity of at least 1.";
  if (quantity > MAX_LINE_QUANTITY) return `Enter at most ${MAX_LINE_QUANTITY.toLocaleString("en")}.`;
  if (quantity < rules.minQuantity) return `The minimum order quantity is ${rules.minQuantity}.`;
  if (quantity % rules.packQuantity !== 0) {
    const lower = Math.max(rules.packQuantity, quantity - (quantity % rules.packQuantity));
    return `Sold in packs of ${rules.packQuantity}: order a multiple of ${rules.packQuantity} (e.g. ${lower} or ${lower + rules.packQuantity}).`;
  }
  return null;
}
