/**
 * Checks an OCI return form (the ordered name/value pairs a hook receives) against the OCI rules,
 * field by field and item by item, and computes each item's PRICE × QUANTITY / PRICEUNIT. Pure: no
 * I/O, so it serves the back office's view of a sent basket as well as any basket received from
 * elsewhere. Lengths count UTF-16 code units, as the shop's own encoder does.
 */
import { add, amount, mulDiv, round, toFixed, type Amount } from "@/lib/money/decimal";
import { OCI_FIELD_LIMITS, type OciField } from "./outbound-fields";
import { normalizeCharset } from "./text-rules";

export type FieldCheck = {
  name: string;
  value: string;
  /** The item the field belongs to (1-based), null for echo and unknown fields. */
  item: number | null;
  /** The OCI field (DESCRIPTION, LONGTEXT …), null for echo and unknown fields. */
  field: OciField | null;
  ok: boolean;
  problems: string[];
};

export type LineCheck = {
  item: number;
  quantity: string | null;
  price: string | null;
  /** As sent; an empty or missing PRICEUNIT counts as 1 for the total. */
  priceUnit: string | null;
  currency: string | null;
  /** PRICE × QUANTITY / PRICEUNIT rounded to the cent; null when a number is missing or malformed. */
  lineTotal: string | null;
  /** What the item lacks as a whole (a required field that was not sent at all, …). */
  problems: string[];
};

export type OutboundCheck = {
  ok: boolean;
  fields: FieldCheck[];
  lines: LineCheck[];
  /** The sum of the computable line totals, per currency, in order of first appearance. */
  totals: { currency: string; total: string }[];
  /** What is wrong with the basket as a whole (item numbering). */
  problems: string[];
};

const ITEM_FIELD = /^NEW_ITEM-([A-Z0-9_]+)\[([1-9][0-9]*)\]$/;
const LONGTEXT_FIELD = /^NEW_ITEM-LONGTEXT_([1-9][0-9]*):132\[\]$/;
const NUMBER_FIELDS = new Set<OciField>(["QUANTITY", "PRICE"]);
const WHOLE_FIELDS = new Set<OciField>(["PRICEUNIT", "LEADTIME"]);
const MAX_INTEGER_DIGITS = 11;
const MAX_DECIMALS = 3;

const isOciField = (name: string): name is OciField => Object.hasOwn(OCI_FIELD_LIMITS, name) && name !== "LONGTEXT";

function parseName(name: string): { item: number; field: OciField } | null {
  const longText = LONGTEXT_FIELD.exec(name);
  if (longText) return { item: Number(longText[1]), field: "LONGTEXT" };
  const match = ITEM_FIELD.exec(name);
  if (!match || !isOciField(match[1]!)) return null;
  return { item: Number(match[2]), field: match[1] };
}

/** Format (a): at most 11 digits, a ".", at most 3 decimals; nothing else. */
function decimalProblems(value: string): string[] {
  if (/\s/.test(value)) return ["contains spaces; OCI numbers are digits and one \".\" only"];
  if (value.startsWith("-")) return ["is negative"];
  if (value.includes(",")) {
    return /^\d+,\d{1,3}$/.test(value)
      ? ['uses "," — OCI numbers take "." as the decimal separator']
      : ['uses "," — OCI numbers take "." as the decimal separator and no thousands separators'];
  }
  if ((value.match(/\./g) ?? []).length > 1) return ['has more than one "." — OCI numbers take no thousands separators'];
  const match = /^(\d+)(?:\.(\d+))?$/.exec(value);
  if (!match) return ["is not a plain decimal number"];
  const problems: string[] = [];
  if (match[1]!.length > MAX_INTEGER_DIGITS) problems.push(`has ${match[1]!.length} digits before the "."; OCI allows at most ${MAX_INTEGER_DIGITS} digits before the "."`);
  if ((match[2]?.length ?? 0) > MAX_DECIMALS) problems.push(`has ${match[2]!.length} decimals; OCI allows at most 3 decimals`);
  return problems;
}

function wholeProblems(field: OciField, value: string): string[] {
  if (!/^\d+$/.test(value)) return [`must be a whole number (digits only)`];
  if (field === "PRICEUNIT" && /^0+$/.test(value)) return ["must be at least 1"];
  return [];
}

function latin1Problems(value: string): string[] {
  const outside = [...new Set([...value].filter((c) => c.codePointAt(0)! > 0xff))];
  return outside.map((c) => `"${c}" cannot be sent in ISO-8859-1`);
}

/** Checks of one value that do not depend on the other fields. */
function valueProblems(field: OciField | null, value: string, latin1: boolean): string[] {
  const problems: string[] = [];
  if (field) {
    const limit = OCI_FIELD_LIMITS[field];
    if (value.length > limit) problems.push(`${value.length} characters; OCI allows at most ${limit}`);
    if (value !== "" && NUMBER_FIELDS.has(field)) problems.push(...decimalProblems(value));
    if (value !== "" && WHOLE_FIELDS.has(field)) problems.push(...wholeProblems(field, value));
    if (field === "SERVICE" && value !== "" && value !== "X") problems.push('SERVICE is "X" or empty');
    if (/<\/?[A-Za-z][^<>]*>|<!--/.test(value)) problems.push("contains markup; OCI values are plain text");
    const controls = field === "LONGTEXT" ? /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f]/ : /[\u0000-\u001f\u007f]/;
    if (controls.test(value)) problems.push("contains control characters");
  }
  if (latin1) problems.push(...latin1Problems(value));
  return problems;
}

type Item = { fields: Map<OciField, FieldCheck> };

/** `(a, b)`: when field b is filled, field a must be too. */
const NEEDED_WITH: [OciField, OciField][] = [
  ["CURRENCY", "PRICE"],
  ["CONTRACT", "CONTRACT_ITEM"],
  ["EXT_QUOTE_ID", "EXT_QUOTE_ITEM"],
  ["EXT_SCHEMA_TYPE", "EXT_CATEGORY_ID"],
  ["EXT_SCHEMA_TYPE", "EXT_CATEGORY"],
];

function itemProblems(item: Item, add: (field: OciField, problem: string) => boolean): string[] {
  const own: string[] = [];
  const filled = (f: OciField) => (item.fields.get(f)?.value ?? "") !== "";
  /** A required field: the problem goes to the field when it was sent empty, else to the item. */
  const require = (field: OciField, problem: string) => {
    if (!add(field, problem)) own.push(problem);
  };
  const matnr = filled("MATNR");
  if (!matnr && !filled("DESCRIPTION")) require("DESCRIPTION", "DESCRIPTION is required unless MATNR is sent");
  if (matnr && filled("DESCRIPTION")) add("MATNR", "send either MATNR or DESCRIPTION, not both");
  if (!filled("QUANTITY")) require("QUANTITY", "QUANTITY is required");
  if (!matnr && !filled("UNIT")) require("UNIT", "UNIT is required unless MATNR is sent");
  for (const [needed, by] of NEEDED_WITH) {
    if (filled(by) && !filled(needed)) require(needed, `${needed} is required when ${by} is sent`);
  }
  return own;
}

function lineTotalOf(item: Item): { quantity: string | null; price: string | null; priceUnit: string | null; currency: string | null; total: Amount | null } {
  const raw = (f: OciField) => item.fields.get(f)?.value ?? null;
  const okNumber = (f: OciField) => {
    const check = item.fields.get(f);
    return check && check.value !== "" && check.problems.length === 0;
  };
  const quantity = raw("QUANTITY");
  const price = raw("PRICE");
  const priceUnit = raw("PRICEUNIT");
  const currency = raw("CURRENCY");
  const unitOk = priceUnit === null || priceUnit === "" || okNumber("PRICEUNIT");
  if (!okNumber("QUANTITY") || !okNumber("PRICE") || !unitOk) return { quantity, price, priceUnit, currency, total: null };
  const per = priceUnit ? BigInt(priceUnit) : 1n;
  // price × quantity (both at the money scale) / per, back to the money scale: exact to 1/10,000.
  const exact = mulDiv(amount(price!), amount(quantity!), amount(per));
  return { quantity, price, priceUnit, currency, total: round(exact, 2) };
}

/**
 * The OCI verdict on a basket. `charset`: the form's charset label; with a Latin-1 charset every
 * character outside ISO-8859-1 is a problem (the browser would send "&#…;" instead).
 */
export function checkOciFields(pairs: readonly (readonly [string, string])[], options: { charset?: string | null } = {}): OutboundCheck {
  const latin1 = normalizeCharset(options.charset ?? undefined) === "iso-8859-1";
  const seen = new Set<string>();
  const items = new Map<number, Item>();
  const fields: FieldCheck[] = pairs.map(([name, value]) => {
    const parsed = name.startsWith("~") ? null : parseName(name);
    const problems = valueProblems(parsed?.field ?? null, value, latin1);
    if (!parsed && !name.startsWith("~")) problems.unshift("not an OCI field name (NEW_ITEM-<FIELD>[n] with a known OCI field, NEW_ITEM-LONGTEXT_n:132[], or a ~ echo field)");
    if (seen.has(name)) problems.push("sent twice (the receiver may take either value)");
    seen.add(name);
    const check: FieldCheck = { name, value, item: parsed?.item ?? null, field: parsed?.field ?? null, ok: problems.length === 0, problems };
    if (parsed) {
      const item = items.get(parsed.item) ?? { fields: new Map() };
      items.set(parsed.item, item);
      // The first of a twice-sent field is the one checked with its item.
      if (!item.fields.has(parsed.field)) item.fields.set(parsed.field, check);
    }
    return check;
  });

  const numbers = [...items.keys()].sort((a, b) => a - b);
  const lines: LineCheck[] = numbers.map((n) => {
    const item = items.get(n)!;
    const addTo = (field: OciField, problem: string) => {
      const check = item.fields.get(field);
      if (!check) return false;
      check.problems.push(problem);
      check.ok = false;
      return true;
    };
    const problems = itemProblems(item, addTo);
    const { total, ...sent } = lineTotalOf(item);
    return { item: n, ...sent, lineTotal: total === null ? null : toFixed(total, 2), problems };
  });

  const sums = new Map<string, Amount>();
  for (const line of lines) {
    if (line.lineTotal === null) continue;
    const currency = line.currency ?? "";
    sums.set(currency, add(sums.get(currency) ?? (0n as Amount), amount(line.lineTotal)));
  }
  const totals = [...sums].map(([currency, total]) => ({ currency, total: toFixed(total, 2) }));

  const problems: string[] = [];
  if (numbers.some((n, i) => n !== i + 1)) problems.push(`item numbers must count from 1 without gaps (found ${numbers.join(", ")})`);
  const ok = problems.length === 0 && fields.every((f) => f.ok) && lines.every((l) => l.problems.length === 0);
  return { ok, fields, lines, totals, problems };
}
