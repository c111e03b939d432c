import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  MAX_LINE_QUANTITY,
  QUANTITY_MESSAGES,
  checkQuantity,
  firstValidQuantity,
  quantityField,
  quantityGuardSql,
  quantityHint,
  quantityInputAttributes,
  quantityProblem,
} from "@/lib/cart/quantity-rules";

const packs = { minQuantity: 100, packQuantity: 100 };

describe("quantityProblem", () => {
  it("explains what to fix", () => {
    expect(quantityProblem(200, packs)).toBeNull();
    expect(quantityProblem(50, packs)).toMatch(/minimum order quantity is 100/);
    expect(quantityProblem(150, packs)).toMatch(/packs of 100.*100 or 200/);
    expect(quantityProblem(0, packs)).toMatch(/at least 1/);
    expect(quantityProblem(1.5, packs)).toMatch(/whole number/);
    expect(quantityProblem(10_000_000, packs)).toMatch(/at most/);
  });

  it("keeps the shopper-facing texts", () => {
    expect(quantityProblem(0)).toBe("Enter a quantity of at least 1.");
    expect(quantityProblem(2.5)).toBe("Enter a whole number.");
    expect(quantityProblem(MAX_LINE_QUANTITY + 1)).toBe("Enter at most 999,999.");
    expect(quantityProblem(4, { minQuantity: 5, packQuantity: 5 })).toBe("The minimum order quantity is 5.");
    expect(quantityProblem(12, { minQuantity: 5, packQuantity: 5 })).toBe("Sold in packs of 5: order a multiple of 5 (e.g. 10 or 15).");
    expect(quantityProblem(MAX_LINE_QUANTITY)).toBeNull();
    expect(QUANTITY_MESSAGES.lineFull).toBe("A line can hold at most 999,999.");
  });

  it("checks the minimum before the pack", () => {
    expect(quantityProblem(5, { minQuantity: 10, packQuantity: 5 })).toMatch(/minimum order quantity is 10/);
    expect(quantityProblem(15, { minQuantity: 10, packQuantity: 5 })).toBeNull();
  });
});

describe("checkQuantity", () => {
  it("reads input text and JSON numbers", () => {
    expect(checkQuantity("200", packs)).toEqual({ ok: true, quantity: 200 });
    expect(checkQuantity(" 200 ", packs)).toEqual({ ok: true, quantity: 200 });
    expect(checkQuantity("2e2", packs)).toEqual({ ok: true, quantity: 200 });
    expect(checkQuantity(200, packs)).toEqual({ ok: true, quantity: 200 });
  });

  it("asks for a quantity when there is none or it is not a number", () => {
    for (const raw of ["", "   ", "abc", "0x10", "Infinity", "1,000", undefined, null, true, {}, [], Number.NaN]) {
      expect(checkQuantity(raw, packs), JSON.stringify(raw)).toEqual({ ok: false, message: "Enter a quantity." });
    }
  });

  it("gives the rule's message otherwise", () => {
    expect(checkQuantity("150", packs)).toEqual({ ok: false, message: quantityProblem(150, packs) });
    expect(checkQuantity("-3")).toEqual({ ok: false, message: "Enter a quantity of at least 1." });
    expect(checkQuantity("1.5")).toEqual({ ok: false, message: "Enter a whole number." });
    expect(checkQuantity(1_000_000)).toEqual({ ok: false, message: "Enter at most 999,999." });
  });
});

describe("quantityField (zod)", () => {
  const schema = z.object({ quantity: quantityField() });
  const message = (input: unknown) => {
    const parsed = schema.safeParse(input);
    return parsed.success ? null : parsed.error.issues[0]!.message;
  };

  it("parses what checkQuantity accepts, to a number", () => {
    expect(schema.parse({ quantity: "7" })).toEqual({ quantity: 7 });
    expect(schema.parse({ quantity: 7 })).toEqual({ quantity: 7 });
  });

  it("refuses with the same messages as the inputs", () => {
    for (const raw of ["", "abc", "0", "-1", "1.5", 1_000_000, null, true]) {
      expect(message({ quantity: raw }), JSON.stringify(raw)).toBe((checkQuantity(raw) as { message: string }).message);
    }
    expect(message({})).toBe("Enter a quantity.");
  });

  it("checks a product's rules when given them", () => {
    const withRules = z.object({ quantity: quantityField(packs) });
    expect(withRules.safeParse({ quantity: 150 }).error?.issues[0]?.message).toBe(quantityProblem(150, packs));
    expect(withRules.parse({ quantity: 300 })).toEqual({ quantity: 300 });
  });
});

describe("quantity input attributes", () => {
  it("are the same for every input and step through valid quantities only", () => {
    expect(quantityInputAttributes(packs)).toEqual({ type: "number", inputMode: "numeric", min: 100, max: 999_900, step: 100 });
    expect(quantityInputAttributes({ minQuantity: 1, packQuantity: 1 })).toEqual({ type: "number", inputMode: "numeric", min: 1, max: 999_999, step: 1 });
    // A minimum that is no whole pack: the first valid quantity is the next whole pack.
    expect(firstValidQuantity({ minQuantity: 150, packQuantity: 100 })).toBe(200);
    const { min, max, step } = quantityInputAttributes({ minQuantity: 12, packQuantity: 5 });
    expect([min, max, step]).toEqual([15, 999_995, 5]);
    expect(quantityProblem(min, { minQuantity: 12, packQuantity: 5 })).toBeNull();
    expect(quantityProblem(max, { minQuantity: 12, packQuantity: 5 })).toBeNull();
  });

  it("tell the rules in a sentence", () => {
    expect(quantityHint(packs)).toBe("Sold in packs of 100. Minimum order 100.");
    expect(quantityHint({ minQuantity: 1, packQuantity: 5 })).toBe("Sold in packs of 5.");
    expect(quantityHint({ minQuantity: 1, packQuantity: 1 })).toBe("");
  });
});

describe("quantityGuardSql", () => {
  // A stand-in for drizzle's `sql`: column names (strings here) inline, everything else bound as "?".
  const tag = (strings: TemplateStringsArray, ...values: unknown[]) => ({
    text: strings.reduce((out, s, i) => out + s + (i < values.length ? (typeof values[i] === "string" ? values[i] : "?") : ""), ""),
    bound: values.filter((v) => typeof v !== "string"),
  });

  it("states every rule against the columns it is given", () => {
    const guard = quantityGuardSql(tag, 150, "p.min_quantity", "p.pack_quantity");
    expect(guard.text).toBe("((?)::integer between ? and ? and (?)::integer >= p.min_quantity and (?)::integer % p.pack_quantity = 0)");
    expect(guard.bound).toEqual([150, 1, MAX_LINE_QUANTITY, 150, 150]);
  });
});

describe("the module", () => {
  it("imports nothing a client component cannot (no server-only, no database)", () => {
    const source = readFileSync(path.resolve(import.meta.dirname, "../../lib/cart/quantity-rules.ts"), "utf8");
    const imports = [...source.matchAll(/^import\s.*?from\s+"([^"]+)"/gm)].map((m) => m[1]);
    expect(imports).toEqual(["zod"]);
  });
});
