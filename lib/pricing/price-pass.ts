import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * A price pass names whose prices a browser may see on cached catalog pages: `<customer>.<window>.<mac>`.
 * next.config.ts copies it from its cookie into the cached page's path, so a signed-in customer's
 * pages are cached per customer and served without running any per-request code. The page trusts
 * only what the MAC proves, and only for the current or the previous window (one to two hours): the
 * session stays the authority — /api/viewer renews the pass while the session is open and removes
 * it once it is not, and sign-out removes it at once.
 *
 * Every customer's signed-in users share one pass per window, so they share the cached pages too.
 */
export const PRICE_PASS_WINDOW_SECONDS = 60 * 60;

/** The pass as a regular expression source (next.config.ts matches the cookie with it). */
export const PRICE_PASS_PATTERN = "[1-9]\\d{0,9}\\.\\d{1,8}\\.[A-Za-z0-9_-]{22}";
const PASS = new RegExp(`^${PRICE_PASS_PATTERN}$`);

const windowOf = (nowMs: number) => Math.floor(nowMs / 1000 / PRICE_PASS_WINDOW_SECONDS);

function mac(secret: string, customerId: number, window: number): string {
  // A key of its own: a pass can never be mistaken for another signature made with the app secret.
  const key = createHmac("sha256", secret).update("price-pass/v1").digest();
  return createHmac("sha256", key).update(`${customerId}.${window}`).digest("base64url").slice(0, 22);
}

export function issuePricePass(secret: string, customerId: number, nowMs = Date.now()): string {
  const window = windowOf(nowMs);
  return `${customerId}.${window}.${mac(secret, customerId, window)}`;
}

export type PricePassCheck = { ok: true; customerId: number; current: boolean } | { ok: false };

/** `current`: issued in this window (else it is still valid but due for renewal). */
export function checkPricePass(secret: string, pass: string | undefined, nowMs = Date.now()): PricePassCheck {
  if (!pass || !PASS.test(pass)) return { ok: false };
  const [idText, windowText, given = ""] = pass.split(".");
  const customerId = Number(idText);
  const window = Number(windowText);
  const now = windowOf(nowMs);
  if (!Number.isSafeInteger(customerId) || customerId > 2_147_483_647 || (window !== now && window !== now - 1)) return { ok: false };
  const expected = Buffer.from(mac(secret, customerId, window));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return { ok: false };
  return { ok: true, customerId, current: window === now };
}

export function isPricePassShaped(value: string | null | undefined): value is string {
  return typeof value === "string" && PASS.test(value);
}
