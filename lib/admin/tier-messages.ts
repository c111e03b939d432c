import { amount, toFixed } from "@/lib/money/decimal";

/** What the operator reads after "Save price". */
export function tierSavedMessage(t: { sku: string; minQuantity: number; price: string; changed: boolean }): string {
  const price = toFixed(amount(t.price), 4).replace(/0{1,2}$/, "");
  return t.changed ? `Price saved: ${t.sku} from ${t.minQuantity} → ${price}.` : `${t.sku} from ${t.minQuantity} already costs ${price}; nothing changed.`;
}
