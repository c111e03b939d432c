import { toFixed, type Amount } from "./decimal";

export const LOCALE = "en-IE";

const formatters = new Map<string, Intl.NumberFormat>();

/** "€12.50"; prices under a cent keep up to 4 decimals so €0.0125 is not shown as €0.01. */
export function formatMoney(value: Amount, currency: string): string {
  const exact = toFixed(value, 4).replace(/0{1,2}$/, "");
  const decimals = Math.max(2, exact.split(".")[1]?.length ?? 0);
  const key = `${currency}:${decimals}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE, {
      style: "currency",
      currency,
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    formatters.set(key, f);
  }
  // Intl accepts decimal strings exactly (no float conversion) for this range.
  return f.format(toFixed(value, decimals) as unknown as number);
}

const UNIT_LABELS: Record<string, [string, string]> = {
  C62: ["pc", "pcs"],
  PCE: ["pc", "pcs"],
  EA: ["ea", "ea"],
  MTR: ["m", "m"],
  KGM: ["kg", "kg"],
  LTR: ["l", "l"],
  SET: ["set", "sets"],
  BX: ["box", "boxes"],
  PR: ["pair", "pairs"],
  RO: ["roll", "rolls"],
  PK: ["pack", "packs"],
};

export function unitLabel(unit: string, quantity = 1): string {
  const labels = UNIT_LABELS[unit];
  if (!labels) return unit;
  return quantity === 1 ? labels[0] : labels[1];
}

/** "€12.50 / 100 pcs" or "€3.90 / pc". */
export function formatUnitPrice(value: Amount, currency: string, unit: string, priceUnit: number): string {
  const per = priceUnit === 1 ? unitLabel(unit, 1) : `${priceUnit} ${unitLabel(unit, priceUnit)}`;
  return `${formatMoney(value, currency)} / ${per}`;
}
