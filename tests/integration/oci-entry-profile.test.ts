import { eq } from "drizzle-orm";
import { parse } from "node-html-parser";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ociSessions, products } from "@/db/schema";
import { mintGrant, redeemGrant } from "@/lib/auth/grants";
import { saveOciProfile } from "@/lib/admin/oci-profiles";
import { authenticateOciCall } from "@/lib/oci/entry-auth";
import { DEFAULT_PROFILE, type OciProfile } from "@/lib/oci/profile";
import type { CookieJar, CookieSpec } from "@/lib/oci/punchout-cookie";
import { openOciSession } from "@/lib/oci/session-token";
import { makeWorld } from "../support/fixtures";

// The entry route's Next-only edges, replaced by a browser jar and a sign-in recorder: what is
// tested is the order of the entry's checks and what a call leaves behind.
const browser = vi.hoisted(() => ({ values: new Map<string, { name: string; value: string; maxAge: number }>(), signIns: [] as { token: string; purpose: string }[] }));
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("@/lib/auth/viewer", () => ({ getViewer: async () => null }));
vi.mock("@/lib/auth/sign-in", () => ({
  signInWithGrant: async (token: string, purpose: string) => {
    // The grant is real: redeeming it proves the entry minted one for the right user.
    const user = await redeemGrant(token, [purpose as "oci-switch"]);
    if (!user) throw new Error("grant not redeemable");
    browser.signIns.push({ token, purpose });
  },
}));
vi.mock("@/lib/oci/next/jar", () => ({
  nextCookieJar: async (): Promise<CookieJar> => ({
    get: (n) => browser.values.get(n)?.value,
    set: (c: CookieSpec) => void browser.values.set(c.name, c),
    delete: (n) => void browser.values.delete(n),
  }),
}));

const { handleOciCall } = await import("@/lib/oci/next/entry");

const SHOP = "http://localhost:3000";
const PINNED: OciProfile = { ...DEFAULT_PROFILE, allowedHooks: ["http://127.0.0.1:"], frameOrigins: ["https://portal.example.com"], idleMinutes: 30, defaultCharset: "iso-8859-1" };

function call(params: Record<string, string>) {
  return new Request(`${SHOP}/ocihome`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(params).toString() });
}

async function withProfile(profile: OciProfile) {
  const w = await makeWorld();
  const saved = await saveOciProfile(w.adminViewer, w.b2b.id, 0, profile);
  expect(saved.ok).toBe(true);
  return w;
}

const sessionsOf = async (w: Awaited<ReturnType<typeof makeWorld>>) => w.db.select().from(ociSessions).where(eq(ociSessions.userId, w.buyer.id));

beforeEach(() => {
  browser.values.clear();
  browser.signIns.length = 0;
});

describe("the allowed-hook rule at the entry", () => {
  it("refuses a hook outside the customer's list with 400 naming the rule; no session, sign-in or cookie", async () => {
    const w = await withProfile(PINNED);
    const res = await handleOciCall(call({ username: w.buyer.email, password: "secret-pass-1", hook_url: "https://evil.example/hook" }));
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(parse(html).querySelector("h1")?.textContent).toBe("This return address is not allowed");
    expect(html).toContain("The hook URL must start with one of: http://127.0.0.1:");
    expect(await sessionsOf(w)).toHaveLength(0);
    expect(browser.signIns).toHaveLength(0);
    expect(browser.values.size).toBe(0);
    // The refused hook may not frame the refusal; the customer's portal may.
    expect(res.headers.get("content-security-policy")).not.toContain("evil.example");
  });

  it("tells a stranger with a wrong password only that the sign-in failed", async () => {
    const w = await withProfile(PINNED);
    const res = await handleOciCall(call({ username: w.buyer.email, password: "wrong-password", hook_url: "https://evil.example/hook" }));
    expect(res.status).toBe(401);
    expect(await res.text()).not.toContain("127.0.0.1");
  });

  it("opens an allowed hook's punchout with the profile's idle lifetime, framing origins and default charset", async () => {
    const w = await withProfile(PINNED);
    const res = await handleOciCall(call({ username: w.buyer.email, password: "secret-pass-1", hook_url: "http://127.0.0.1:4010/hook" }));
    expect(res.status).toBe(303);
    expect(browser.signIns).toHaveLength(1);
    const [session] = await sessionsOf(w);
    expect(session?.status).toBe("active");
    const cookie = [...browser.values.values()].find((c) => c.name.includes("oci"))!;
    expect(cookie.maxAge).toBe(30 * 60);
    const opened = await openOciSession(cookie.value, { secret: process.env.AUTH_SECRET! });
    expect(opened).toMatchObject({ status: "valid", session: { idleMinutes: 30, frameOrigins: ["https://portal.example.com"], charset: "iso-8859-1", hookUrl: "http://127.0.0.1:4010/hook" } });
  });

  it("a call naming its charset keeps it; SAPEVENT is refused when the profile says so", async () => {
    const w = await withProfile({ ...PINNED, allowSapEvent: false });
    const named = await handleOciCall(call({ username: w.buyer.email, password: "secret-pass-1", hook_url: "http://127.0.0.1:4010/hook", http_content_charset: "utf-8" }));
    expect(named.status).toBe(303);
    const cookie = [...browser.values.values()].find((c) => c.name.includes("oci"))!;
    expect(await openOciSession(cookie.value, { secret: process.env.AUTH_SECRET! })).toMatchObject({ session: { charset: "utf-8" } });
    browser.values.clear();
    const sap = await handleOciCall(call({ username: w.buyer.email, password: "secret-pass-1", hook_url: "SAPEVENT:POST" }));
    expect(sap.status).toBe(400);
    expect(await sap.text()).toContain("SAPEVENT hooks are not enabled for this customer.");
  });

  it("a changed profile applies to the next call", async () => {
    const w = await withProfile(PINNED);
    expect((await handleOciCall(call({ username: w.buyer.email, password: "secret-pass-1", hook_url: "https://srm.example.com/hook" }))).status).toBe(400);
    expect((await saveOciProfile(w.adminViewer, w.b2b.id, 1, { ...PINNED, allowedHooks: [] })).ok).toBe(true);
    expect((await handleOciCall(call({ username: w.buyer.email, password: "secret-pass-1", hook_url: "https://srm.example.com/hook" }))).status).toBe(303);
  });
});

describe("the tester's test credential", () => {
  it("signs in the user the grant was minted for, once, and allows the shop's own tester hook", async () => {
    const w = await withProfile(PINNED);
    const token = await mintGrant(w.buyer.id, "oci-test", 300);
    const hook = `${SHOP}/oci-tester/hook/7?key=abc`;
    const res = await handleOciCall(call({ username: w.buyer.email, password: `ocitest_${token}`, hook_url: hook }));
    expect(res.status).toBe(303);
    expect((await sessionsOf(w))[0]?.status).toBe("active");
    // Single use.
    browser.values.clear();
    expect((await handleOciCall(call({ username: w.buyer.email, password: `ocitest_${token}`, hook_url: hook }))).status).toBe(401);
  });

  it("the tester hook is not open to a password call; a test call still obeys the customer's list elsewhere", async () => {
    const w = await withProfile(PINNED);
    expect((await handleOciCall(call({ username: w.buyer.email, password: "secret-pass-1", hook_url: `${SHOP}/oci-tester/hook/7?key=abc` }))).status).toBe(400);
    const token = await mintGrant(w.buyer.id, "oci-test", 300);
    expect((await handleOciCall(call({ username: w.buyer.email, password: `ocitest_${token}`, hook_url: "https://evil.example/hook" }))).status).toBe(400);
    expect(await sessionsOf(w)).toHaveLength(0);
  });

  it("another user's grant, another purpose's grant or a made-up token is a wrong password", async () => {
    const w = await makeWorld();
    const other = await makeWorld();
    const auth = (password: string) => authenticateOciCall({ username: w.buyer.email, password }, "203.0.113.9");
    expect(await auth(`ocitest_${await mintGrant(other.buyer.id, "oci-test", 300)}`)).toEqual({ ok: false, reason: "credentials" });
    expect(await auth(`ocitest_${await mintGrant(w.buyer.id, "oci-handoff", 300)}`)).toEqual({ ok: false, reason: "credentials" });
    expect(await auth("ocitest_made-up-token-made-up-token-000")).toEqual({ ok: false, reason: "credentials" });
    expect(await auth(`ocitest_${await mintGrant(w.buyer.id, "oci-test", 300)}`)).toMatchObject({ ok: true, testCall: true, user: { id: w.buyer.id, customerId: w.b2b.id } });
  });

  it("is counted by the password throttle before it is checked", async () => {
    const w = await makeWorld();
    const auth = (password: string) => authenticateOciCall({ username: w.buyer.email, password }, "203.0.113.10");
    for (let i = 0; i < 5; i++) expect((await auth(`ocitest_wrong-token-wrong-token-${i}0000`)).ok).toBe(false);
    const token = await mintGrant(w.buyer.id, "oci-test", 300);
    expect(await auth(`ocitest_${token}`)).toMatchObject({ ok: false, reason: "throttled" });
    // Wrong passwords count on the same counter.
    expect(await auth("secret-pass-1")).toMatchObject({ ok: false, reason: "throttled" });
  });

  it("a password call is one check and says who it is", async () => {
    const w = await makeWorld();
    expect(await authenticateOciCall({ username: w.buyer.email, password: "secret-pass-1" }, null)).toEqual({
      ok: true,
      testCall: false,
      user: { id: w.buyer.id, customerId: w.b2b.id, email: w.buyer.email, name: w.buyer.name },
    });
  });
});

describe("the OCI functions at the entry", () => {
  it("VALIDATE answers on the URL called, with a CSP allowing only its script; no sign-in, no session, no cookie", async () => {
    const w = await withProfile({ ...PINNED, defaultCharset: "utf-8" });
    const res = await handleOciCall(call({ username: w.buyer.email, password: "secret-pass-1", hook_url: "http://127.0.0.1:4010/hook", FUNCTION: "VALIDATE", PRODUCTID: String(w.products[1]!.id), QUANTITY: "2" }));
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const csp = res.headers.get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'self' http://127.0.0.1:4010 https://portal.example.com");
    expect(parse(await res.text()).querySelectorAll("form input")).not.toHaveLength(0);
    expect(browser.signIns).toHaveLength(0);
    expect(browser.values.size).toBe(0);
    expect(await sessionsOf(w)).toHaveLength(0);
  });

  it("a Latin-1 customer's page is served in Latin-1", async () => {
    const w = await withProfile(PINNED);
    await w.db.update(products).set({ name: "Schlüssel groß" }).where(eq(products.id, w.products[1]!.id));
    const res = await handleOciCall(call({ username: w.buyer.email, password: "secret-pass-1", hook_url: "http://127.0.0.1:4010/hook", FUNCTION: "VALIDATE", PRODUCTID: String(w.products[1]!.id), QUANTITY: "1" }));
    expect(res.headers.get("content-type")).toBe("text/html; charset=iso-8859-1");
    const page = new TextDecoder("latin1").decode(await res.arrayBuffer());
    expect(page).toContain('<meta charset="iso-8859-1">');
    expect(page).toContain('value="Schlüssel groß"');
  });

  it("QUANTITYCHECK answers JSON, never cached; its refusals are JSON too", async () => {
    const w = await makeWorld();
    const ok = await handleOciCall(call({ username: w.buyer.email, password: "secret-pass-1", hook_url: "https://srm.example.com/hook", FUNCTION: "QUANTITYCHECK", EXT_PRODUCT_ID: String(w.products[1]!.id), QUANTITY: "3" }));
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toMatch(/^application\/json/);
    expect(ok.headers.get("cache-control")).toBe("no-store");
    expect(await ok.json()).toEqual({ AVAILABLE_QUANTITY: "3", LEADTIME: "1" });
    const unknown = await handleOciCall(call({ username: w.buyer.email, password: "secret-pass-1", hook_url: "https://srm.example.com/hook", FUNCTION: "QUANTITYCHECK", EXT_PRODUCT_ID: "999999999" }));
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).ERROR).toBeTruthy();
    const wrong = await handleOciCall(call({ username: w.buyer.email, password: "nope", hook_url: "https://srm.example.com/hook", FUNCTION: "QUANTITYCHECK", EXT_PRODUCT_ID: "1" }));
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("content-type")).toMatch(/^application\/json/);
    expect(browser.signIns).toHaveLength(0);
  });
});
