/**
 * The one place that decides cookie attributes. Buyers in procurement systems use the shop inside
 * cross-site iframes, where browsers keep only `SameSite=None; Secure; Partitioned` cookies (CHIPS).
 * Partitioned cookies behave as first-party cookies when the shop is the top-level site, so ordinary
 * shoppers are unaffected. Browsers accept `Secure` on https and on http://localhost.
 * SameSite=None means cross-site requests carry the cookies: every state-changing endpoint checks
 * its origin (Server Actions do so built in; route handlers call assertSameOrigin).
 */
export const COOKIE_OPTIONS = {
  httpOnly: true,
  sameSite: "none",
  secure: true,
  partitioned: true,
  path: "/",
} as const;

export const COOKIE_NAMES = {
  session: "shop.session-token",
  csrf: "shop.csrf-token",
  callbackUrl: "shop.callback-url",
  cart: "shop.cart",
  oci: "shop.oci",
  /** Whose prices cached catalog pages show (lib/shopper/price-pass-cookie.ts); next.config.ts reads it. */
  prices: "shop.prices",
} as const;

export type CookieSpec = { name: string; value: string; maxAge: number } & typeof COOKIE_OPTIONS;
/** Cookies as the modules that own one write them: Next's `cookies()`, or a response in the proxy. */
export type CookieJar = { get(name: string): string | undefined; set(cookie: CookieSpec): void; delete(name: string): void };
