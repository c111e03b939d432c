import { describe, expect, it } from "vitest";
import { checkPricePass, issuePricePass, isPricePassShaped, PRICE_PASS_WINDOW_SECONDS } from "@/lib/pricing/price-pass";

const SECRET = "unit-test-secret-that-is-long-enough-0123456789";
const HOUR = PRICE_PASS_WINDOW_SECONDS * 1000;
const NOW = Date.UTC(2026, 11, 1, 12, 30);

describe("price pass", () => {
  it("names the customer it was issued to, in this window and the next, and no longer", () => {
    const pass = issuePricePass(SECRET, 42, NOW);
    expect(isPricePassShaped(pass)).toBe(true);
    expect(checkPricePass(SECRET, pass, NOW)).toEqual({ ok: true, customerId: 42, current: true });
    expect(checkPricePass(SECRET, pass, NOW + HOUR)).toEqual({ ok: true, customerId: 42, current: false });
    expect(checkPricePass(SECRET, pass, NOW + 2 * HOUR)).toEqual({ ok: false });
    // Nor before it was issued (a clock that jumps back must not widen it).
    expect(checkPricePass(SECRET, pass, NOW - HOUR)).toEqual({ ok: false });
  });

  it("is shared by every browser of one customer in one window, so they share cached pages", () => {
    expect(issuePricePass(SECRET, 42, NOW)).toBe(issuePricePass(SECRET, 42, NOW + 60_000));
    expect(issuePricePass(SECRET, 42, NOW)).not.toBe(issuePricePass(SECRET, 43, NOW));
  });

  it("proves nothing when another customer's number, another window or another secret is put in", () => {
    const pass = issuePricePass(SECRET, 42, NOW);
    const [, window, mac] = pass.split(".");
    expect(checkPricePass(SECRET, `43.${window}.${mac}`, NOW)).toEqual({ ok: false });
    expect(checkPricePass(SECRET, `42.${Number(window) + 1}.${mac}`, NOW + HOUR)).toEqual({ ok: false });
    expect(checkPricePass(`${SECRET}-other`, pass, NOW)).toEqual({ ok: false });
    const flipped = `${pass.slice(0, -1)}${pass.endsWith("A") ? "B" : "A"}`;
    expect(checkPricePass(SECRET, flipped, NOW)).toEqual({ ok: false });
  });

  it("refuses anything not shaped like a pass before any work", () => {
    for (const value of [undefined, "", "42", "0.1.AAAAAAAAAAAAAAAAAAAAAA", "42.1.short", "42.1.AAAAAAAAAAAAAAAAAAAAAA/..", " 42.1.AAAAAAAAAAAAAAAAAAAAAA", "99999999999.1.AAAAAAAAAAAAAAAAAAAAAA"]) {
      expect(checkPricePass(SECRET, value, NOW), String(value)).toEqual({ ok: false });
    }
  });
});
