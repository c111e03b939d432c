import { getRewrittenUrl, unstable_doesMiddlewareMatch, unstable_getResponseFromNextConfig } from "next/experimental/testing/server";
import { NextRequest } from "next/server";
import nextConfig from "@/next.config";
import { COOKIE_NAMES } from "@/lib/http/cookies";
import { beforeAll, describe, expect, it } from "vitest";
import { openOciSession, sealOciSession, type OciSessionData } from "@/lib/oci/session-token";

const SECRET = "unit-test-secret-that-is-long-enough-0123456789";
const session: OciSessionData = { sid: "6f1c1a58-3a4e-4f0e-9a7a-1f2d3c4b5a69", userId: 1, customerId: 1, hookUrl: "https://srm.example.com/hook", target: "_top", echoFields: [], charset: "utf-8", startedAt: Date.now() };

let proxy: (request: NextRequest) => Promise<Response>;
let config: { matcher: Parameters<typeof unstable_doesMiddlewareMatch>[0]["config"]["matcher"] };
beforeAll(async () => {
  process.env.AUTH_SECRET = SECRET;
  ({ proxy, config } = await import("@/proxy"));
});

function request(path: string, cookies: Record<string, string> = {}) {
  const cookie = Object.entries(cookies).map(([k, v]) => `${k}=${v}`).join("; ");
  return new NextRequest(`http://shop.test${path}`, { headers: cookie ? { cookie } : {} });
}

function setCookie(res: Response, name: string) {
  return res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
}

describe("proxy", () => {
  it("answers a visitor who is not an operator 404 on the back office: the not-found page, or a bare 404 for a post", async () => {
    const page = await proxy(request("/admin/products/1"));
    expect(new URL(page.headers.get("x-middleware-rewrite")!).pathname).toBe("/__not-found");
    expect(page.headers.get("cache-control")).toBe("private, no-store");
    const forged = await proxy(request("/admin", { "authjs.session-token": "forged" }));
    expect(new URL(forged.headers.get("x-middleware-rewrite")!).pathname).toBe("/__not-found");
    const post = await proxy(new NextRequest("http://shop.test/admin/products/1", { method: "POST", headers: { "next-action": "0123abcd" }, body: "x" }));
    expect(post.status).toBe(404);
    expect(post.headers.get("x-middleware-rewrite")).toBeNull();
  });

  it("forbids framing for ordinary shoppers and allows only the hook's origin during a punchout", async () => {
    const plain = await proxy(request("/"));
    expect(plain.headers.get("content-security-policy")).toBe("frame-ancestors 'self'");
    expect(plain.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    const live = await sealOciSession(session, { secret: SECRET, idleSeconds: 600 });
    const framed = await proxy(request("/cart", { "shop.oci": live }));
    expect(framed.headers.get("content-security-policy")).toBe("frame-ancestors 'self' https://srm.example.com");
    expect(framed.headers.get("x-frame-options")).toBeNull();
    // The entry routes set their own policy from the call's hook URL.
    expect((await proxy(request("/ocihome"))).headers.get("content-security-policy")).toBeNull();
  });

  it("keeps framing closed for a forged, foreign or expired punchout cookie", async () => {
    const foreign = await sealOciSession(session, { secret: `${SECRET}-other`, idleSeconds: 600 });
    const expired = await sealOciSession(session, { secret: SECRET, idleSeconds: 60, now: Date.now() - 120_000 });
    const tooOld = await sealOciSession({ ...session, startedAt: Date.now() - 13 * 60 * 60 * 1000 }, { secret: SECRET, idleSeconds: 600 });
    for (const value of ["garbage", foreign, expired, tooOld]) {
      const res = await proxy(request("/", { "shop.oci": value }));
      expect(res.headers.get("content-security-policy")).toBe("frame-ancestors 'self'");
      expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    }
  });

  it("redirects account pages for signed-out visitors before anything renders", async () => {
    const account = await proxy(request("/account", { "shop.session-token": "not-a-token" }));
    expect(account.status).toBe(307);
    expect(new URL(account.headers.get("location")!, "http://shop.test").pathname + new URL(account.headers.get("location")!, "http://shop.test").search).toBe("/login?next=%2Faccount");
    expect(account.headers.get("cache-control")).toBe("private, no-store");
    expect((await proxy(request("/cart"))).status).toBe(200);
  });

  it("sets no cookie on a page: the anonymous cart id comes with /api/viewer, so cached pages stay shareable", async () => {
    const first = await proxy(request("/products/x?error=quantity"));
    expect(first.headers.getSetCookie()).toEqual([]);
    expect(first.headers.get("cache-control")).toBeNull();
  });
});

describe("where the proxy runs", () => {
  const runs = (path: string, cookies: Record<string, string> = {}) => unstable_doesMiddlewareMatch({ config, url: `http://shop.test${path}`, cookies });

  it("skips a visit to a catalog page without a query: the page cache answers it alone", () => {
    for (const path of ["/", "/categories/fasteners", "/products/din-933-m8", "/search", "/cart", "/api/viewer", "/images/products/1.png"]) expect(runs(path), path).toBe(false);
  });

  it("runs on every path for a browser in a punchout, and skips signed-in catalog pages", () => {
    // The matcher names the cookie literally (Next reads it at build time): it is the cookie helper's name.
    for (const path of ["/", "/categories/fasteners", "/products/din-933-m8", "/cart", "/api/cart"]) expect(runs(path, { [COOKIE_NAMES.oci]: "x" }), path).toBe(true);
    for (const path of ["/", "/categories/fasteners", "/cart"]) expect(runs(path, { [COOKIE_NAMES.session]: "x", [COOKIE_NAMES.cart]: "y" }), path).toBe(false);
  });

  it("runs for the back office, the account pages and catalog queries, whoever asks", () => {
    for (const path of ["/admin", "/admin/products/1", "/account", "/account/orders/1", "/checkout", "/login", "/register", "/search?q=M8%2F20", "/search?page=1", "/categories/fasteners?sort=price", "/categories/fasteners?page=1", "/categories/fasteners?manufacturer=Bolzwerk", "/categories/fasteners?stock=1", "/products/din-933-m8?error=quantity"]) {
      expect(runs(path), path).toBe(true);
    }
  });

  it("never runs on the punchout routes and the upload route, cookies or not", () => {
    for (const path of ["/ocihome?username=x", "/oci/start", "/oci/transfer", "/oci-tester/hook/1", "/punchout/cxml/setup", "/punchout/cxml/start?t=x", "/admin/import/upload/"]) {
      expect(runs(path, { "shop.session-token": "x", "shop.oci": "y" }), path).toBe(false);
    }
  });
});

describe("next.config routes for requests the proxy skips", () => {
  it("maps / and /search to their cached pages and gives every answer outside a punchout the closed framing policy", async () => {
    const home = await unstable_getResponseFromNextConfig({ url: "http://shop.test/", nextConfig });
    expect(getRewrittenUrl(home)).toBe("http://shop.test/home/all");
    const search = await unstable_getResponseFromNextConfig({ url: "http://shop.test/search", nextConfig });
    expect(getRewrittenUrl(search)).toBe("http://shop.test/search/all");
    expect(home.headers.get("content-security-policy")).toBe("frame-ancestors 'self'");
    expect(home.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    // A punchout's policy is the proxy's, from its cookie.
    const punchout = await unstable_getResponseFromNextConfig({ url: "http://shop.test/cart", nextConfig, cookies: { "shop.oci": "x" } });
    expect(punchout.headers.get("content-security-policy")).toBeNull();
    const entry = await unstable_getResponseFromNextConfig({ url: "http://shop.test/ocihome", nextConfig });
    expect(entry.headers.get("content-security-policy")).toBeNull();
  });
});
