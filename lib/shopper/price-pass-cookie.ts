import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { appSecret } from "@/lib/auth/secret";
import { COOKIE_NAMES, COOKIE_OPTIONS, type CookieJar } from "@/lib/http/cookies";
import { checkPricePass, issuePricePass, PRICE_PASS_WINDOW_SECONDS } from "@/lib/pricing/price-pass";

/**
 * The one writer of the price-pass cookie (see lib/pricing/price-pass.ts). Consumers get none:
 * their gross prices differ from the list price only by VAT, which their pages already fetch per
 * visitor. An operator's customer is the shop's own, so it gets one like any business customer.
 */
export const PRICE_PASS_COOKIE = COOKIE_NAMES.prices;

/** Brings the cookie in line with who is signed in now: issues, renews or removes the pass. */
export function syncPricePass(jar: CookieJar, viewer: Viewer | null, nowMs = Date.now()): void {
  const current = jar.get(PRICE_PASS_COOKIE);
  const wanted = viewer && viewer.customer.kind === "b2b" ? viewer.customer.id : null;
  if (wanted === null) {
    if (current !== undefined) clearPricePass(jar);
    return;
  }
  const check = checkPricePass(appSecret(), current, nowMs);
  if (check.ok && check.current && check.customerId === wanted) return;
  jar.set({
    name: PRICE_PASS_COOKIE,
    value: issuePricePass(appSecret(), wanted, nowMs),
    ...COOKIE_OPTIONS,
    // Lives as long as the pass is valid: a pass from the previous window still counts.
    maxAge: 2 * PRICE_PASS_WINDOW_SECONDS,
  });
}

export function clearPricePass(jar: Pick<CookieJar, "delete">): void {
  jar.delete(PRICE_PASS_COOKIE);
}
