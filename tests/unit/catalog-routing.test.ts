import { getRewrittenUrl, unstable_doesMiddlewareMatch, unstable_getResponseFromNextConfig } from "next/experimental/testing/server";
import { beforeAll, describe, expect, it } from "vitest";
import { PLAIN_PAGE_PATTERN, PLAIN_QUERY_PATTERN, PLAIN_SORT_PATTERN } from "@/lib/catalog/plain-query";
import { catalogRewrite, splitPricedKey } from "@/lib/catalog/views";
import { COOKIE_NAMES } from "@/lib/http/cookies";
import { issuePricePass } from "@/lib/pricing/price-pass";
import nextConfig from "@/next.config";

// How public catalog URLs reach their cached pages: next.config.ts maps what needs no code (the
// default views, plain searches, a business customer's price pass), the proxy the rest.

const SECRET = "unit-test-secret-that-is-long-enough-0123456789";
const PASS = issuePricePass(SECRET, 7);

let config: { matcher: Parameters<typeof unstable_doesMiddlewareMatch>[0]["config"]["matcher"] };
beforeAll(async () => {
  process.env.AUTH_SECRET = SECRET;
  ({ config } = await import("@/proxy"));
});

async function mapped(path: string, cookies: Record<string, string> = {}) {
  const res = await unstable_getResponseFromNextConfig({ url: `http://shop.test${path}`, nextConfig, cookies });
  const to = getRewrittenUrl(res);
  return { to: to ? decodeURIComponent(new URL(to).pathname) : null, res };
}
const proxyRuns = (path: string, cookies: Record<string, string> = {}) => unstable_doesMiddlewareMatch({ config, url: `http://shop.test${path}`, cookies });

describe("plain searches go straight to their cached page", () => {
  // Where they are mapped to is checked against the real server (tests/e2e/catalog-routing.spec.ts):
  // Next's config test helper does not fill in values captured from a query or a cookie.
  it("skips the proxy for words, umlauts, article numbers, result pages and listing orders and pages", () => {
    for (const path of ["/search?q=Schraube+verzinkt", `/search?q=${encodeURIComponent("Drehmomentschlüssel")}`, "/search?q=FAS-100", "/search?q=glove&page=3", "/search?page=3&q=glove&utm_source=x", "/categories/fasteners?sort=price_desc&page=2", "/categories/fasteners?page=12"]) {
      expect(proxyRuns(path), path).toBe(false);
    }
  });

  it("leaves everything else to the proxy, which normalises it", () => {
    for (const path of ["/search?q=M8%2F20", "/search?q=C%2B%2B", "/search?q=a%20%20b", "/search?q=%20a", "/search?q=100%25", `/search?q=${"x".repeat(101)}`, "/search?q=glove&page=1", "/search?q=glove&page=abc", "/search?q=%3Cscript%3E", "/categories/fasteners?sort=name", "/categories/fasteners?sort=price_asc&page=0"]) {
      expect(proxyRuns(path), path).toBe(true);
    }
  });

  it("keeps one pattern: the proxy's literal copies are the module's", () => {
    const entries = [config.matcher].flat() as (string | { has?: { value?: string }[] })[];
    const values = entries.flatMap((m) => (typeof m === "string" ? [] : (m.has ?? []).map((h) => h.value))).filter(Boolean);
    expect(values).toContain(`(?!(?:${PLAIN_QUERY_PATTERN})$).*`);
    expect(values).toContain(`(?!(?:${PLAIN_PAGE_PATTERN})$).*`);
    expect(values).toContain(`(?!(?:${PLAIN_SORT_PATTERN})$).*`);
  });
});

describe("a business customer's price pass picks their cached pages", () => {
  it("leaves the pass to next.config.ts: what the proxy maps is the page shared by everyone", () => {
    expect(catalogRewrite("/categories/fasteners", new URLSearchParams("sort=price_asc&stock=1"))).toBe(`/categories/fasteners/${encodeURIComponent("sort=price_asc&stock=1")}`);
    // Plain orders and pages, and plain searches, are next.config.ts's to map (with the pass).
    expect(catalogRewrite("/categories/fasteners", new URLSearchParams("sort=price_asc&page=2"))).toBeNull();
    expect(catalogRewrite("/search", new URLSearchParams("q=glove&page=2"))).toBeNull();
    expect(catalogRewrite("/categories/fasteners", new URLSearchParams("sort=name"))).toBeNull();
  });

  it("tells shared caches to keep those answers to themselves, and only those", async () => {
    // Any value: the header does not depend on the pass being valid.
    for (const path of ["/", "/categories/fasteners", "/products/din-933-m8", "/search"]) {
      expect((await mapped(path, { [COOKIE_NAMES.prices]: "x" })).res.headers.get("cache-control"), path).toBe("private, no-store");
      expect((await mapped(path)).res.headers.get("cache-control"), path).toBeNull();
    }
  });

  it("has the proxy say the same where next.config.ts maps the page after it", async () => {
    const { proxy } = await import("@/proxy");
    const { NextRequest } = await import("next/server");
    const ask = (path: string, cookie?: string) => proxy(new NextRequest(`http://shop.test${path}`, { headers: cookie ? { cookie } : {} }));
    // A punchout browser's proxy passes the page on to next.config.ts, which adds the pass.
    for (const path of ["/categories/fasteners", "/categories/fasteners?sort=price_asc", "/search?q=glove", "/products/din-933-m8"]) {
      expect((await ask(path, `${COOKIE_NAMES.prices}=${PASS}; ${COOKIE_NAMES.oci}=x`)).headers.get("cache-control"), path).toBe("private, no-store");
      expect((await ask(path, `${COOKIE_NAMES.oci}=x`)).headers.get("cache-control"), path).toBeNull();
    }
    // What it maps itself is the shared page, which Next marks publicly cacheable whatever it says.
    for (const path of ["/categories/fasteners?stock=1", "/search?q=M8%2F20"]) {
      const res = await ask(path, `${COOKIE_NAMES.prices}=${PASS}`);
      expect(new URL(res.headers.get("x-middleware-rewrite")!).pathname, path).not.toContain("for=");
    }
    expect((await ask("/cart", `${COOKIE_NAMES.prices}=${PASS}`)).headers.get("cache-control")).toBeNull();
  });

  it("ignores a cookie that is not shaped like a pass: it never reaches a path", async () => {
    for (const value of ["../admin", "7.1.short", `${PASS}/x`, `${PASS}&for=1`]) {
      expect((await mapped("/", { [COOKIE_NAMES.prices]: value })).to, value).toBe("/home/all");
      expect((await mapped("/categories/fasteners", { [COOKIE_NAMES.prices]: value })).to, value).toBeNull();
    }
  });

  it("splits the pass off again, whichever way the segment was written", () => {
    expect(splitPricedKey(`for=${PASS}`)).toEqual({ key: "all", pass: PASS });
    expect(splitPricedKey(`for%3D${PASS}`)).toEqual({ key: "all", pass: PASS });
    expect(splitPricedKey(`q=glove&page=2&for=${PASS}`)).toEqual({ key: encodeURIComponent("q=glove&page=2"), pass: PASS });
    expect(splitPricedKey(`sort%3Dprice_asc&for=${PASS}`)).toEqual({ key: encodeURIComponent("sort=price_asc"), pass: PASS });
    expect(splitPricedKey("for=forged")).toEqual({ key: "all", pass: undefined });
    expect(splitPricedKey("sort%3Dprice_asc")).toEqual({ key: "sort%3Dprice_asc" });
    expect(splitPricedKey("%E0%A4%A&for=x")).toEqual({ key: "%E0%A4%A&for=x" });
  });
});
