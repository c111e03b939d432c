import { describe, expect, it } from "vitest";
import { checkOciFields } from "@/lib/oci/outbound-checks";
import { encodeOciBasket } from "@/lib/oci/outbound-fields";
import { DEFAULT_PROFILE } from "@/lib/oci/profile";

const ECHO: [string, string][] = [
  ["~OkCode", "ADDI"],
  ["~TARGET", "_top"],
  ["~CALLER", "CTLG"],
];

function item(n: number, overrides: Record<string, string> = {}): [string, string][] {
  const base: Record<string, string> = { DESCRIPTION: "Hex bolt M8x40", QUANTITY: "200", UNIT: "C62", PRICE: "12.5", PRICEUNIT: "100", CURRENCY: "EUR", ...overrides };
  return Object.entries(base).map(([k, v]) => [`NEW_ITEM-${k}[${n}]`, v]);
}

const problemsOf = (fields: [string, string][], name: string) => checkOciFields(fields).fields.find((f) => f.name === name)?.problems ?? null;

describe("OCI outbound checks", () => {
  it("passes every field the shop's own encoder writes, in order, and computes the line totals", () => {
    const fields = encodeOciBasket(
      [
        { productId: 1, sku: "FAS-1", name: "Sechskantschraube M8x40", description: "Verzinkt\nDIN 933", manufacturerPartNumber: "933", unit: "C62", priceUnit: 100, unitPrice: "12.5000", currency: "EUR", quantity: 300, leadTimeDays: 2, unspsc: "31161500" },
        { productId: 2, sku: "TOL-2", name: "Drehmomentschlüssel", description: "", manufacturerPartNumber: "", unit: "C62", priceUnit: 1, unitPrice: "0.0125", currency: "EUR", quantity: 3, leadTimeDays: null, unspsc: "" },
      ],
      { ...DEFAULT_PROFILE, vendorNumber: "4711" },
      { echoFields: ECHO, charset: "utf-8" },
    );
    const result = checkOciFields(fields);
    expect(result.ok).toBe(true);
    expect(result.fields.map((f) => [f.name, f.value])).toEqual(fields);
    expect(result.fields.every((f) => f.ok && f.problems.length === 0)).toBe(true);
    expect(result.problems).toEqual([]);
    expect(result.lines.map((l) => [l.item, l.quantity, l.price, l.priceUnit, l.currency, l.lineTotal])).toEqual([
      [1, "300", "12.5", "100", "EUR", "37.50"],
      // 0.0125 per piece is sent as 12.5 per 1000: 3 pieces are 0.0375 → 0.04.
      [2, "3", "12.5", "1000", "EUR", "0.04"],
    ]);
    expect(result.totals).toEqual([{ currency: "EUR", total: "37.54" }]);
  });

  it("knows the field names: items, long text, echo fields; anything else is not ok", () => {
    const fields: [string, string][] = [
      ...item(1),
      ["NEW_ITEM-LONGTEXT_1:132[]", "Line one\nLine two"],
      ["NEW_ITEM-COLOUR[1]", "red"],
      ["NEW_ITEM-DESCRIPTION[0]", "zero"],
      ["new_item-unit[1]", "C62"],
      ["session", "abc"],
      ...ECHO,
    ];
    const result = checkOciFields(fields);
    expect(result.ok).toBe(false);
    expect(problemsOf(fields, "NEW_ITEM-LONGTEXT_1:132[]")).toEqual([]);
    expect(problemsOf(fields, "~OkCode")).toEqual([]);
    for (const name of ["NEW_ITEM-COLOUR[1]", "NEW_ITEM-DESCRIPTION[0]", "new_item-unit[1]", "session"]) {
      expect(problemsOf(fields, name)?.join(" ")).toMatch(/not an OCI field/);
    }
  });

  it("holds values to the OCI length limits (LONGTEXT has none)", () => {
    const fields: [string, string][] = [...item(1, { DESCRIPTION: "x".repeat(41), UNIT: "PCES" }), ["NEW_ITEM-LONGTEXT_1:132[]", "y".repeat(5000)], ["NEW_ITEM-VENDOR[1]", "12345678901"]];
    expect(problemsOf(fields, "NEW_ITEM-DESCRIPTION[1]")).toEqual(["41 characters; OCI allows at most 40"]);
    expect(problemsOf(fields, "NEW_ITEM-UNIT[1]")).toEqual(["4 characters; OCI allows at most 3"]);
    expect(problemsOf(fields, "NEW_ITEM-VENDOR[1]")).toEqual(["11 characters; OCI allows at most 10"]);
    expect(problemsOf(fields, "NEW_ITEM-LONGTEXT_1:132[]")).toEqual([]);
  });

  it("wants plain decimals with a '.' in QUANTITY and PRICE, whole numbers in PRICEUNIT and LEADTIME", () => {
    const bad = (field: string, value: string) => problemsOf(item(1, { [field]: value }), `NEW_ITEM-${field}[1]`)!.join(" ");
    expect(bad("PRICE", "12,50")).toMatch(/"\." as the decimal separator/);
    expect(bad("PRICE", "1.234.56")).toMatch(/thousands separators/);
    expect(bad("PRICE", "1,234.56")).toMatch(/thousands separators|decimal separator/);
    expect(bad("PRICE", "12.5 ")).toMatch(/spaces/);
    expect(bad("PRICE", "0.12345")).toMatch(/at most 3 decimals/);
    expect(bad("PRICE", "123456789012")).toMatch(/at most 11 digits before/);
    expect(bad("PRICE", "-1")).toMatch(/negative/);
    expect(bad("QUANTITY", "1e3")).toMatch(/not a plain decimal number/);
    expect(bad("PRICEUNIT", "2.5")).toMatch(/whole number/);
    expect(bad("PRICEUNIT", "0")).toMatch(/at least 1/);
    expect(bad("LEADTIME", "3.5")).toMatch(/whole number/);
    expect(problemsOf(item(1, { PRICE: "12.500", QUANTITY: "2.5" }), "NEW_ITEM-PRICE[1]")).toEqual([]);
    expect(problemsOf([...item(1), ["NEW_ITEM-LEADTIME[1]", ""]], "NEW_ITEM-LEADTIME[1]")).toEqual([]);
  });

  it("asks each item for its required fields", () => {
    const noQuantity = item(1).filter(([n]) => n !== "NEW_ITEM-QUANTITY[1]");
    expect(checkOciFields(noQuantity).lines[0]!.problems).toEqual(["QUANTITY is required"]);
    expect(problemsOf(item(1, { QUANTITY: "" }), "NEW_ITEM-QUANTITY[1]")).toEqual(["QUANTITY is required"]);
    const noCurrency = item(1).filter(([n]) => n !== "NEW_ITEM-CURRENCY[1]");
    expect(checkOciFields(noCurrency).lines[0]!.problems).toEqual(["CURRENCY is required when PRICE is sent"]);
    const noDescription = item(1).filter(([n]) => n !== "NEW_ITEM-DESCRIPTION[1]");
    expect(checkOciFields(noDescription).lines[0]!.problems).toEqual(["DESCRIPTION is required unless MATNR is sent"]);
    // With the buyer's material number neither DESCRIPTION nor UNIT is needed, and both is wrong.
    const byMatnr: [string, string][] = [["NEW_ITEM-MATNR[1]", "100-200"], ["NEW_ITEM-QUANTITY[1]", "1"]];
    expect(checkOciFields(byMatnr).ok).toBe(true);
    expect(problemsOf([...item(1), ["NEW_ITEM-MATNR[1]", "100-200"]], "NEW_ITEM-MATNR[1]")).toEqual(["send either MATNR or DESCRIPTION, not both"]);
    const noUnit = item(1).filter(([n]) => n !== "NEW_ITEM-UNIT[1]");
    expect(checkOciFields(noUnit).lines[0]!.problems).toEqual(["UNIT is required unless MATNR is sent"]);
    const category: [string, string][] = [...item(1), ["NEW_ITEM-EXT_CATEGORY_ID[1]", "31161500"]];
    expect(checkOciFields(category).lines[0]!.problems).toEqual(["EXT_SCHEMA_TYPE is required when EXT_CATEGORY_ID is sent"]);
    const contract: [string, string][] = [...item(1), ["NEW_ITEM-CONTRACT_ITEM[1]", "10"]];
    expect(checkOciFields(contract).lines[0]!.problems).toEqual(["CONTRACT is required when CONTRACT_ITEM is sent"]);
    expect(problemsOf([...item(1), ["NEW_ITEM-SERVICE[1]", "Y"]], "NEW_ITEM-SERVICE[1]")).toEqual(['SERVICE is "X" or empty']);
  });

  it("reports a field sent twice and item numbers with gaps", () => {
    const twice: [string, string][] = [...item(1), ["NEW_ITEM-QUANTITY[1]", "5"]];
    const result = checkOciFields(twice);
    expect(result.fields.at(-1)!.problems).toEqual(["sent twice (the receiver may take either value)"]);
    expect(result.fields[1]!.ok).toBe(true);
    expect(checkOciFields([...item(1), ...item(3)]).problems).toEqual(["item numbers must count from 1 without gaps (found 1, 3)"]);
  });

  it("flags markup, control characters and, for ISO-8859-1, characters that charset cannot carry", () => {
    expect(problemsOf(item(1, { DESCRIPTION: "Bolt <b>M8</b>" }), "NEW_ITEM-DESCRIPTION[1]")).toEqual(["contains markup; OCI values are plain text"]);
    expect(problemsOf(item(1, { DESCRIPTION: "Bolt\tM8" }), "NEW_ITEM-DESCRIPTION[1]")).toEqual(["contains control characters"]);
    const euro = item(1, { DESCRIPTION: "Bolt 5 € Müller" });
    expect(checkOciFields(euro, { charset: "iso-8859-1" }).fields[0]!.problems).toEqual(['"€" cannot be sent in ISO-8859-1']);
    expect(checkOciFields(euro, { charset: "utf-8" }).fields[0]!.problems).toEqual([]);
  });

  it("sums the lines per currency and leaves out lines that cannot be computed", () => {
    const fields: [string, string][] = [...item(1), ...item(2, { PRICE: "3", PRICEUNIT: "", QUANTITY: "2.5", CURRENCY: "USD" }), ...item(3, { PRICE: "1,5" }), ...item(4, { PRICE: "" })];
    const result = checkOciFields(fields.filter(([n]) => n !== "NEW_ITEM-CURRENCY[4]"));
    expect(result.lines.map((l) => l.lineTotal)).toEqual(["25.00", "7.50", null, null]);
    expect(result.totals).toEqual([{ currency: "EUR", total: "25.00" }, { currency: "USD", total: "7.50" }]);
  });
});
