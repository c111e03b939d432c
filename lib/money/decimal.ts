/**
 * Exact decimal amounts as bigint in units of 1/10,000 (the scale of numeric(14,4) in the database).
 * Every price calculation goes through here; JavaScript numbers never hold money.
 */
export type Amount = bigint & { readonly __amount: unique symbol };

export const SCALE = 4;
const FACTOR = 10n ** BigInt(SCALE);

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

export function amount(value: string | bigint | number): Amount {
  if (typeof value === "bigint") return (value * FACTOR) as Amount;
  if (typeof value === "number") {
    if (!Number.isInteger(value)) throw new TypeError("Use a decimal string for fractional amounts");
    return (BigInt(value) * FACTOR) as Amount;
  }
  const match = DECIMAL.exec(value.trim());
  if (!match) throw new TypeError(`Not a decimal amount: ${JSON.stringify(value)}`);
  const [, sign, whole, fraction = ""] = match;
  if (fraction.length > SCALE && /[1-9]/.test(fraction.slice(SCALE))) {
    throw new RangeError(`More than ${SCALE} decimals: ${value}`);
  }
  const units = BigInt(whole!) * FACTOR + BigInt((fraction + "0000").slice(0, SCALE));
  return (sign ? -units : units) as Amount;
}

export const ZERO = 0n as Amount;

export function add(...values: Amount[]): Amount {
  return values.reduce<bigint>((sum, v) => sum + v, 0n) as Amount;
}

export function sub(a: Amount, b: Amount): Amount {
  return (a - b) as Amount;
}

/** Division rounding half away from zero (commercial rounding). */
function divRound(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError("Division by zero");
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (n * 2n + d) / (2n * d);
  return negative ? -q : q;
}

/** value × quantity ÷ per, e.g. a price per 100 pieces times the ordered pieces. */
export function mulDiv(value: Amount, quantity: number | bigint, per: number | bigint = 1): Amount {
  return divRound(value * BigInt(quantity), BigInt(per)) as Amount;
}

/** value × rate% with the result exact to the scale. */
export function percent(value: Amount, rate: string): Amount {
  const r = amount(rate);
  return divRound(value * r, 100n * FACTOR) as Amount;
}

/** Rounds to `decimals` places (0…4), half away from zero. */
export function round(value: Amount, decimals = 2): Amount {
  const step = 10n ** BigInt(SCALE - decimals);
  return (divRound(value, step) * step) as Amount;
}

export function compare(a: Amount, b: Amount): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Plain decimal string with exactly `decimals` places: "12.50", "-0.1250". */
export function toFixed(value: Amount, decimals = 2): string {
  const rounded = decimals < SCALE ? round(value, decimals) : value;
  const negative = rounded < 0n;
  const abs = negative ? -rounded : rounded;
  const whole = abs / FACTOR;
  const fraction = (abs % FACTOR).toString().padStart(SCALE, "0").slice(0, decimals);
  return `${negative ? "-" : ""}${whole}${decimals > 0 ? `.${fraction}` : ""}`;
}

/** Shortest exact decimal string, trailing zeros removed: "12.5", "0.125", "3". */
export function toPlain(value: Amount): string {
  const s = toFixed(value, SCALE);
  return s.includes(".") ? s.replace(/\.?0+$/, "") : s;
}

/** The numeric(14,4) string the database stores. */
export function toDb(value: Amount): string {
  return toFixed(value, SCALE);
}
