import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Totals } from "@/components/orders/totals";
import { computeTotals } from "@/lib/cart/totals";
import { amount } from "@/lib/money/decimal";
import { exactDecimal, orderTotalsSummary, totalsSummary, vatRateLabel } from "@/lib/orders/totals";

const b2bLines = [
  { quantity: 2, priceUnit: 1, netUnitPrice: amount("94"), vatRate: "19.00" },
  { quantity: 2, priceUnit: 1, netUnitPrice: amount("24.90"), vatRate: "7.00" },
];

/** The rendered rows as [label, value, test id] — what a shopper reads, in order. */
function rows(html: string) {
  return [...html.matchAll(/<dt>([^<]*)<\/dt><dd(?: data-testid="([^"]+)")?>([^<]*)<\/dd>/g)].map((m) => [m[1], m[3], m[2] ?? null]);
}

describe("totals summary", () => {
  it("carries exact decimals, never floats", () => {
    const summary = totalsSummary(computeTotals(b2bLines, false), "EUR");
    expect(summary).toEqual({
      currency: "EUR",
      includesVat: false,
      subtotal: "237.8000",
      vat: [
        { rate: "7.00", amount: "3.4900" },
        { rate: "19.00", amount: "35.7200" },
      ],
      total: "277.0100",
    });
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
    expect(exactDecimal("0.1")).toBe("0.1000");
    expect(() => exactDecimal("1e3")).toThrow();
  });

  it("takes a stored order's VAT total as one row without rate", () => {
    expect(orderTotalsSummary({ currency: "EUR", pricesIncludeVat: false, subtotal: "218.0000", vatTotal: "41.4200", total: "259.4200" })).toEqual({
      currency: "EUR",
      includesVat: false,
      subtotal: "218.0000",
      vat: [{ rate: null, amount: "41.4200" }],
      total: "259.4200",
    });
  });

  it("labels rates without needless decimals", () => {
    expect(vatRateLabel("19.00")).toBe("19");
    expect(vatRateLabel("7.50")).toBe("7.50");
  });
});

describe("<Totals>", () => {
  it("business prices: subtotal (net), VAT per rate, total", () => {
    const html = renderToStaticMarkup(createElement(Totals, { totals: totalsSummary(computeTotals(b2bLines, false), "EUR"), testIdPrefix: "cart" }));
    expect(rows(html)).toEqual([
      ["Subtotal (net)", "€237.80", "cart-subtotal"],
      ["VAT 7 %", "€3.49", null],
      ["VAT 19 %", "€35.72", null],
      ["Total", "€277.01", "cart-total"],
    ]);
  });

  it("consumer prices: the VAT the total includes, and the total", () => {
    const totals = totalsSummary(computeTotals([{ quantity: 1, priceUnit: 1, netUnitPrice: amount("129"), vatRate: "19.00" }], true), "EUR");
    expect(rows(renderToStaticMarkup(createElement(Totals, { totals, testIdPrefix: "checkout" })))).toEqual([
      ["Includes VAT 19 %", "€24.51", null],
      ["Total", "€153.51", "checkout-total"],
    ]);
  });

  it("a placed order: one VAT row", () => {
    const net = orderTotalsSummary({ currency: "EUR", pricesIncludeVat: false, subtotal: "218.0000", vatTotal: "41.4200", total: "259.4200" });
    expect(rows(renderToStaticMarkup(createElement(Totals, { totals: net, testIdPrefix: "order" })))).toEqual([
      ["Subtotal (net)", "€218.00", "order-subtotal"],
      ["VAT", "€41.42", null],
      ["Total", "€259.42", "order-total"],
    ]);
    const gross = orderTotalsSummary({ currency: "EUR", pricesIncludeVat: true, subtotal: "153.5100", vatTotal: "24.5100", total: "153.5100" });
    expect(rows(renderToStaticMarkup(createElement(Totals, { totals: gross })))).toEqual([
      ["Includes VAT", "€24.51", null],
      ["Total", "€153.51", null],
    ]);
  });

  it("keeps prices under a cent exact", () => {
    const totals = orderTotalsSummary({ currency: "EUR", pricesIncludeVat: false, subtotal: "0.0125", vatTotal: "0.0000", total: "0.0125" });
    expect(rows(renderToStaticMarkup(createElement(Totals, { totals })))[0]).toEqual(["Subtotal (net)", "€0.0125", null]);
  });
});
