import type { ProductSummary } from "@/lib/catalog/types";
import type { Amount } from "@/lib/money/decimal";
import type { PricedLineInput, Totals } from "./totals";

/** Whose cart: a signed-in user's web cart, a punchout session's basket, or an anonymous cookie cart. */
export type CartOwner =
  | { kind: "user"; userId: number }
  | { kind: "oci"; userId: number; ociSessionId: string }
  | { kind: "anonymous"; cartId: string | null };

export type PricedCartLine = {
  product: ProductSummary & { description: string; unspsc: string; categoryId: number };
  quantity: number;
  available: boolean;
  problem: string | null;
  /** Net price per price unit for this quantity (what OCI transfers). */
  netUnitPrice: Amount;
  /** Price per price unit as shown (gross for consumers). */
  unitPrice: Amount;
  lineTotal: Amount;
  input: PricedLineInput;
};

export type PricedCart = {
  id: string | null;
  currency: string;
  lines: PricedCartLine[];
  totals: Totals;
  itemCount: number;
  lineCount: number;
};
