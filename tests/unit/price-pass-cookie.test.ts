import { beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import type { CookieJar, CookieSpec } from "@/lib/http/cookies";
import { checkPricePass, issuePricePass, PRICE_PASS_WINDOW_SECONDS } from "@/lib/pricing/price-pass";

const SECRET = "unit-test-secret-that-is-long-enough-0123456789";
const NOW = Date.UTC(2026, 11, 1, 12, 30);
let syncPricePass: typeof import("@/lib/shopper/price-pass-cookie").syncPricePass;
beforeAll(async () => {
  process.env.AUTH_SECRET = SECRET;
  ({ syncPricePass } = await import("@/lib/shopper/price-pass-cookie"));
});

function jar(initial?: string) {
  const values = new Map<string, string>(initial ? [["shop.prices", initial]] : []);
  const writes: (CookieSpec | { deleted: string })[] = [];
  const j: CookieJar = {
    get: (name) => values.get(name),
    set: (cookie) => (values.set(cookie.name, cookie.value), writes.push(cookie)),
    delete: (name) => (values.delete(name), writes.push({ deleted: name })),
  };
  return { j, values, writes };
}

const viewer = (customerId: number, kind: "b2b" | "consumer" = "b2b") => ({ customer: { id: customerId, kind } }) as unknown as Viewer;

describe("the price-pass cookie follows the session", () => {
  it("gives a business customer's browser a pass for its customer, as narrow as the other cookies", () => {
    const { j, values, writes } = jar();
    syncPricePass(j, viewer(42), NOW);
    expect(checkPricePass(SECRET, values.get("shop.prices"), NOW)).toEqual({ ok: true, customerId: 42, current: true });
    expect(writes[0]).toMatchObject({ httpOnly: true, secure: true, path: "/", maxAge: 2 * PRICE_PASS_WINDOW_SECONDS });
  });

  it("leaves a current pass alone, renews last hour's, and replaces another customer's", () => {
    const current = jar(issuePricePass(SECRET, 42, NOW));
    syncPricePass(current.j, viewer(42), NOW);
    expect(current.writes).toEqual([]);
    const old = jar(issuePricePass(SECRET, 42, NOW - PRICE_PASS_WINDOW_SECONDS * 1000));
    syncPricePass(old.j, viewer(42), NOW);
    expect(checkPricePass(SECRET, old.values.get("shop.prices"), NOW)).toMatchObject({ ok: true, current: true });
    const foreign = jar(issuePricePass(SECRET, 7, NOW));
    syncPricePass(foreign.j, viewer(42), NOW);
    expect(checkPricePass(SECRET, foreign.values.get("shop.prices"), NOW)).toMatchObject({ ok: true, customerId: 42 });
  });

  it("takes the pass away from a browser nobody is signed in with, and gives consumers none", () => {
    const signedOut = jar(issuePricePass(SECRET, 42, NOW));
    syncPricePass(signedOut.j, null, NOW);
    expect(signedOut.values.has("shop.prices")).toBe(false);
    const consumer = jar(issuePricePass(SECRET, 42, NOW));
    syncPricePass(consumer.j, viewer(43, "consumer"), NOW);
    expect(consumer.values.has("shop.prices")).toBe(false);
    const nothing = jar();
    syncPricePass(nothing.j, null, NOW);
    expect(nothing.writes).toEqual([]);
  });
});
