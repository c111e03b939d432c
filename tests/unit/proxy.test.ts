import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { openOciSession, sealOciSession, type OciSessionData } from "@/lib/oci/session-token";

const SECRET = "unit-test-secret-that-is-long-enough-0123456789";
const session: OciSessionData = { sid: "6f1c1a58-3a4e-4f0e-9a7a-1f2d3c4b5a69", userId: 1, customerId: 1, hookUrl: "https://srm.example.com/hook", target: "_top", echoFields: [], charset: "utf-8", startedAt: Date.now() };

let proxy: (request: NextRequest) => Promise<Response>;
beforeAll(async () => {
  process.env.AUTH_SECRET = SECRET;
  ({ proxy } = await import("@/proxy"));
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

  it("gives a new browser its anonymous cart id on the first page", async () => {
    expect(setCookie(await proxy(request("/")), "shop.cart")).toMatch(/Partitioned/i);
    expect(setCookie(await proxy(request("/", { "shop.cart": "6f1c1a58-3a4e-4f0e-9a7a-1f2d3c4b5a69" })), "shop.cart")).toBeUndefined();
    expect(setCookie(await proxy(request("/api/cart")), "shop.cart")).toBeUndefined();
  });

  it("slides the punchout expiry with activity, at most once a minute", async () => {
    const idle = 8 * 60 * 60;
    const fresh = await sealOciSession(session, { secret: SECRET, idleSeconds: idle });
    expect(setCookie(await proxy(request("/", { "shop.oci": fresh })), "shop.oci")).toBeUndefined();

    const tenMinutesAgo = Date.now() - 10 * 60 * 1000;
    const old = await sealOciSession(session, { secret: SECRET, idleSeconds: idle, now: tenMinutesAgo });
    const refreshed = setCookie(await proxy(request("/cart", { "shop.oci": old })), "shop.oci");
    expect(refreshed).toBeDefined();
    const opened = await openOciSession(refreshed!.split(";")[0]!.split("=")[1], { secret: SECRET });
    expect(opened.status).toBe("valid");
    if (opened.status === "valid") expect(opened.expiresAt).toBeGreaterThan(Date.now() + idle * 1000 - 5000);
    // Never on the punchout entry, which writes a new cookie of its own.
    expect(setCookie(await proxy(request("/ocihome", { "shop.oci": old })), "shop.oci")).toBeUndefined();
  });
});

describe("the customer's punchout lifetime and framing origins", () => {
  it("slides by the profile's idle minutes and lets the profile's portal frame the shop", async () => {
    const custom = { ...session, idleMinutes: 30, frameOrigins: ["https://portal.example.com"] };
    const twoMinutesAgo = Date.now() - 2 * 60 * 1000;
    const old = await sealOciSession(custom, { secret: SECRET, idleSeconds: 30 * 60, now: twoMinutesAgo });
    const res = await proxy(request("/cart", { "shop.oci": old }));
    expect(res.headers.get("content-security-policy")).toContain("https://portal.example.com");
    const refreshed = setCookie(res, "shop.oci");
    expect(refreshed).toMatch(/Max-Age=1800/);
    const opened = await openOciSession(refreshed!.split(";")[0]!.split("=")[1], { secret: SECRET });
    if (opened.status !== "valid") throw new Error(opened.status);
    expect(opened.expiresAt).toBeLessThan(Date.now() + 30 * 60 * 1000 + 5000);
  });
});

describe("frame sources", () => {
  it("take only a plain origin from the hook URL", async () => {
    const { frameSourcesFor } = await import("@/lib/oci/punchout-cookie");
    expect(frameSourcesFor("https://srm.example.com:8443/sap/hook?x=1")).toEqual(["https://srm.example.com:8443"]);
    expect(frameSourcesFor("http://127.0.0.1:4010/hook")).toEqual(["http://127.0.0.1:4010"]);
    expect(frameSourcesFor("SAPEVENT:POST")).toEqual([]);
    expect(frameSourcesFor("https://x%3Bsandbox/")).toEqual([]);
    expect(frameSourcesFor("https://a*b.example/")).toEqual([]);
  });

  it("add the customer's framing origins (plain origins only) to the hook's", async () => {
    const { frameSourcesFor } = await import("@/lib/oci/punchout-cookie");
    expect(frameSourcesFor("https://srm.example.com/hook", ["https://portal.example.com", "https://x;script-src *", "https://srm.example.com"])).toEqual(["https://srm.example.com", "https://portal.example.com"]);
  });

  it("maps catalog query strings onto one cached path and redirects signed-out visitors of account pages", async () => {
    const listing = await proxy(request("/categories/fasteners?page=2&utm_source=x"));
    expect((await proxy(request("/categories/fasteners?utm_source=x"))).headers.get("x-middleware-rewrite")).toBeNull();
    expect(listing.headers.get("x-middleware-rewrite")).toContain(`/categories/fasteners/${encodeURIComponent("page=2")}`);
    const account = await proxy(request("/account", { "shop.session-token": "not-a-token" }));
    expect(account.status).toBe(307);
    expect(new URL(account.headers.get("location")!, "http://shop.test").pathname + new URL(account.headers.get("location")!, "http://shop.test").search).toBe("/login?next=%2Faccount");
    expect(account.headers.get("cache-control")).toBe("private, no-store");
    expect((await proxy(request("/cart"))).status).toBe(200);
  });

  it("marks a response that sets the anonymous cart cookie as private, so no shared cache passes it on", async () => {
    const first = await proxy(request("/products/x"));
    expect(setCookie(first, "shop.cart")).toBeTruthy();
    expect(first.headers.get("cache-control")).toBe("private, no-store");
  });
});
