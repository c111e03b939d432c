import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { openOciSession, sealOciSession, type OciSessionData } from "@/lib/oci/session-token";

const SECRET = "unit-test-secret-that-is-long-enough-0123456789";
const session: OciSessionData = { sid: "6f1c1a58-3a4e-4f0e-9a7a-1f2d3c4b5a69", userId: 1, customerId: 1, hookUrl: "https://srm.example.com/hook", target: "_top", echoFields: [], charset: "utf-8", startedAt: 0 };

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
  it("forbids framing for ordinary shoppers and allows it during a punchout", async () => {
    const plain = await proxy(request("/"));
    expect(plain.headers.get("content-security-policy")).toBe("frame-ancestors 'self'");
    expect(plain.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    const entry = await proxy(request("/ocihome"));
    expect(entry.headers.get("content-security-policy")).toMatch(/^frame-ancestors https:/);
    expect(entry.headers.get("x-frame-options")).toBeNull();
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
