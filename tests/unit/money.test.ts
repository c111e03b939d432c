import { describe, expect, it } from "vitest";
import { add, amount, mulDiv, percent, round, toFixed, toPlain } from "@/lib/money/decimal";
import { formatMoney, formatUnitPrice } from "@/lib/money/format";

describe("decimal amounts", () => {
  it("parses exactly and rejects what is not a decimal", () => {
    expect(toFixed(amount("12.5"), 4)).toBe("12.5000");
    expect(toFixed(amount("-0.0125"), 4)).toBe("-0.0125");
    expect(toPlain(amount("0.1000"))).toBe("0.1");
    expect(toPlain(amount(3))).toBe("3");
    expect(() => amount("1,5")).toThrow();
    expect(() => amount("1e3")).toThrow();
    expect(() => amount("0.00001")).toThrow(RangeError);
    expect(() => amount(0.1)).toThrow(TypeError);
  });

  it("adds without float error", () => {
    expect(toFixed(add(amount("0.1"), amount("0.2")))).toBe("0.30");
  });

  it("rounds half away from zero", () => {
    expect(toFixed(round(amount("2.345")))).toBe("2.35");
    expect(toFixed(round(amount("-2.345")))).toBe("-2.35");
    expect(toFixed(round(amount("2.3449")))).toBe("2.34");
  });

  it("computes price × quantity ÷ price unit exactly", () => {
    // 12.50 per 100 pieces, 250 pieces → 31.25
    expect(toFixed(mulDiv(amount("12.5"), 250, 100))).toBe("31.25");
    // 18.90 per 1000, 1000 pieces
    expect(toFixed(mulDiv(amount("18.9"), 1000, 1000))).toBe("18.90");
    expect(toFixed(percent(amount("100"), "19.00"))).toBe("19.00");
  });

  it("formats with Intl and keeps sub-cent prices visible", () => {
    expect(formatMoney(amount("1234.5"), "EUR")).toBe("€1,234.50");
    expect(formatMoney(amount("0.0125"), "EUR")).toBe("€0.0125");
    expect(formatMoney(amount("12345678901.99"), "EUR")).toBe("€12,345,678,901.99");
    expect(formatUnitPrice(amount("12.5"), "EUR", "C62", 100)).toBe("€12.50 / 100 pcs");
    expect(formatUnitPrice(amount("0.89"), "EUR", "MTR", 1)).toBe("€0.89 / m");
  });
});
