import type { InputHTMLAttributes } from "react";
import { quantityInputAttributes, type QuantityRules } from "@/lib/cart/quantity-rules";

type Props = { rules: QuantityRules; invalid: boolean; describedBy: string } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  "type" | "inputMode" | "min" | "max" | "step" | "aria-invalid" | "aria-describedby"
>;

/**
 * The one quantity input ("Add to cart" and the cart's quantity cell): type, input mode, min, max and
 * step come from the product's quantity rules, so both fields offer and step through the same values.
 */
export function QuantityInput({ rules, invalid, describedBy, ...rest }: Props) {
  return <input {...rest} {...quantityInputAttributes(rules)} aria-invalid={invalid} aria-describedby={describedBy} />;
}
