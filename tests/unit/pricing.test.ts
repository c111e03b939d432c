import { describe, expect, it } from "vitest";
import { computeTotals, lineAmounts } from "@/lib/cart/totals";
import { amount, toFixed } from "@/lib/money/decimal";
import { resolvePrice, tierTable } from "@/lib/pricing/tiers";
import { displayPrice } from "@/lib/pricing/vat";

const info = {
  listPrice: "12.5000",
  listTiers: [
    { minQuantity: 100, price: "9.8000" },
    { minQuantity: 1000, price: "8.9000" },
  ],
  customerTiers: [] as { minQuantity: number; price: string }[],
};

describe("price resolution", () => {
  it("uses the highest tier reached", () => {
    expect(toFixed(resolvePrice(info, 100).unitPrice, 4)).toBe("9.8000");
    expect(toFixed(resolvePrice(info, 999).unitPrice, 4)).toBe("9.8000");
    expect(toFixed(resolvePrice(info, 1000).unitPrice, 4)).toBe("8.9000");
    expect(resolvePrice(info, 1000).source).toBe("price_list");
  });

  it("falls back to the list price below the first tier", () => {
    expect(resolvePrice(info, 50)).toMatchObject({ source: "list" });
  });

  it("lets a customer agreement win over the price list", () => {
    const withCustomer = { ...info, customerTiers: [{ minQuantity: 1, price: "9.5000" }] };
    expect(resolvePrice(withCustomer, 1000)).toMatchObject({ source: "customer" });
    expect(toFixed(resolvePrice(withCustomer, 1000).unitPrice, 4)).toBe("9.5000");
  });

  it("never charges more than the list price", () => {
    expect(resolvePrice({ listPrice: "10", listTiers: [{ minQuantity: 1, price: "11" }], customerTiers: [] }, 1).source).toBe("list");
  });

  it("builds the tier table from the minimum order quantity", () => {
    expect(tierTable(info, 100).map((t) => [t.minQuantity, toFixed(t.unitPrice)])).toEqual([
      [100, "9.80"],
      [1000, "8.90"],
    ]);
  });

  it("shows consumers gross prices rounded to cents", () => {
    expect(toFixed(displayPrice(amount("129"), "19.00", true))).toBe("153.51");
    expect(toFixed(displayPrice(amount("129"), "19.00", false))).toBe("129.00");
  });
});

describe("totals", () => {
  it("respects the price unit on every line", () => {
    const line = { quantity: 250, priceUnit: 100, netUnitPrice: amount("12.5"), vatRate: "19.00" };
    expect(toFixed(lineAmounts(line, false).lineTotal)).toBe("31.25");
  });

  it("adds VAT per rate for business customers", () => {
    const totals = computeTotals(
      [
        { quantity: 1, priceUnit: 1, netUnitPrice: amount("100"), vatRate: "19.00" },
        { quantity: 3, priceUnit: 1, netUnitPrice: amount("10"), vatRate: "7.00" },
      ],
      false,
    );
    expect(toFixed(totals.subtotal)).toBe("130.00");
    expect(toFixed(totals.vatTotal)).toBe("21.10");
    expect(toFixed(totals.total)).toBe("151.10");
  });

  it("shows the VAT contained for consumers", () => {
    const totals = computeTotals([{ quantity: 1, priceUnit: 1, netUnitPrice: amount("100"), vatRate: "19.00" }], true);
    expect(toFixed(totals.total)).toBe("119.00");
    expect(toFixed(totals.vatTotal)).toBe("19.00");
  });
});
