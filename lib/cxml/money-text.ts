import { toFixed, type Amount } from "@/lib/money/decimal";

/** A cXML Money value: a `.` decimal with at least two places and no trailing zeros beyond them ("12.50", "0.0845"). Pure. */
export function moneyText(value: Amount): string {
  const full = toFixed(value, 4);
  return full.replace(/(\.\d\d\d*?)0+$/, "$1");
}
