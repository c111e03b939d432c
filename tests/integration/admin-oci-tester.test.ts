import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { authGrants, ociTestRuns } from "@/db/schema";
import { testerOptionsSchema } from "@/lib/admin/oci-tester/call";
import { getTestRun, listTestRuns, listTesterCustomers, receiveTestRun, startTestRun } from "@/lib/admin/oci-tester";
import { saveOciProfile } from "@/lib/admin/oci-profiles";
import { redeemGrant } from "@/lib/auth/grants";
import { encodeFormBody } from "@/lib/oci/form-body";
import { DEFAULT_PROFILE } from "@/lib/oci/profile";
import { NextRequest } from "next/server";
import { POST as hookRoute } from "@/app/oci-tester/hook/[runId]/route";
import { makeWorld } from "../support/fixtures";

const origins = { shop: "http://localhost:3000", punchout: "http://127.0.0.1:3000" };

const options = (overrides: Record<string, string> = {}) =>
  testerOptionsSchema.parse({ method: "POST", charset: "default", paramCase: "lower", echo: "~OkCode=ADDI\n~TARGET=_top\n~CALLER=CTLG", window: "iframe", fn: "none", ...overrides });

const basket: [string, string][] = [
  ["NEW_ITEM-DESCRIPTION[1]", "Drehmomentschlüssel 40-200 Nm"],
  ["NEW_ITEM-QUANTITY[1]", "2"],
  ["NEW_ITEM-UNIT[1]", "C62"],
  ["NEW_ITEM-PRICE[1]", "129.00"],
  ["NEW_ITEM-CURRENCY[1]", "EUR"],
  ["NEW_ITEM-PRICEUNIT[1]", "1"],
  ["NEW_ITEM-DESCRIPTION[2]", "Sechskantschraube M8x40"],
  ["NEW_ITEM-QUANTITY[2]", "300"],
  ["NEW_ITEM-UNIT[2]", "C62"],
  ["NEW_ITEM-PRICE[2]", "12.50"],
  ["NEW_ITEM-CURRENCY[2]", "EUR"],
  ["NEW_ITEM-PRICEUNIT[2]", "100"],
  ["~OkCode", "ADDI"],
  ["~TARGET", "_top"],
  ["~CALLER", "CTLG"],
];

/** The parts of the hook URL the started call carries. */
function hookOf(call: { fields: [string, string][] }) {
  const url = new URL(call.fields.find(([n]) => n.toLowerCase() === "hook_url")![1]);
  return { url, runId: url.pathname.split("/").pop()!, key: url.searchParams.get("key")! };
}

describe("the punchout tester", () => {
  it("answers operators only and writes nothing for anyone else", async () => {
    const w = await makeWorld();
    expect(await startTestRun(w.buyerViewer, { userId: w.buyer.id, options: options() }, origins)).toMatchObject({ ok: false, code: "not_found" });
    expect(await startTestRun(null, { userId: w.buyer.id, options: options() }, origins)).toMatchObject({ ok: false, code: "not_found" });
    expect(await w.db.select().from(ociTestRuns).where(eq(ociTestRuns.userId, w.buyer.id))).toHaveLength(0);
    expect(await w.db.select().from(authGrants).where(eq(authGrants.userId, w.buyer.id))).toHaveLength(0);
    expect(await listTestRuns(w.buyerViewer)).toBeNull();
    expect(await listTesterCustomers(w.shopperViewer)).toBeNull();
    const started = await startTestRun(w.adminViewer, { userId: w.buyer.id, options: options() }, origins);
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    expect(await getTestRun(w.buyerViewer, started.id)).toBeNull();
  });

  it("lists B2B customers with their active users to pick from", async () => {
    const w = await makeWorld();
    const customers = await listTesterCustomers(w.adminViewer);
    const mine = customers!.find((c) => c.id === w.b2b.id);
    expect(mine).toMatchObject({ name: w.b2b.name, debtorNumber: w.b2b.debtorNumber, users: [{ id: w.buyer.id, email: w.buyer.email }] });
    expect(customers!.some((c) => c.id === w.consumer.id)).toBe(false);
  });

  it("starts a run: a single-use oci-test credential for the user, a hook with a secret stored only hashed", async () => {
    const w = await makeWorld();
    const started = await startTestRun(w.adminViewer, { userId: w.buyer.id, options: options({ paramCase: "upper", method: "GET" }) }, origins);
    if (!started.ok) throw new Error(started.message);
    const { call } = started;
    expect(call.action).toBe("http://127.0.0.1:3000/ocihome");
    expect(call.method).toBe("get");
    expect(call.target).toBe("oci-tester-frame");
    expect(call.fields.find(([n]) => n === "USERNAME")![1]).toBe(w.buyer.email);
    const password = call.fields.find(([n]) => n === "PASSWORD")![1];
    expect(password).toMatch(/^ocitest_[A-Za-z0-9_-]{40,}$/);

    const { url, runId, key } = hookOf(call);
    expect(url.origin + url.pathname).toBe(`http://localhost:3000/oci-tester/hook/${started.id}`);
    expect(runId).toBe(started.id);
    const [row] = await w.db.select().from(ociTestRuns).where(eq(ociTestRuns.id, started.id));
    expect(row).toMatchObject({ status: "started", customerId: w.b2b.id, userId: w.buyer.id, adminUserId: w.operator.id, fields: null, rawBody: null });
    expect(row!.hookKeyHash).toBe(createHash("sha256").update(key).digest("hex"));
    expect(row!.hookKeyHash).not.toContain(key);
    expect(row!.options).toMatchObject({ method: "GET", paramCase: "upper", window: "iframe", echo: [["~OkCode", "ADDI"], ["~TARGET", "_top"], ["~CALLER", "CTLG"]] });
    expect(JSON.stringify(row!.options)).not.toContain(password);

    // The credential signs in that user once, for the tester's purpose only.
    const token = password.slice("ocitest_".length);
    expect(await redeemGrant(token, ["oci-handoff"])).toBeNull();
    const [grant] = await w.db.select().from(authGrants).where(eq(authGrants.userId, w.buyer.id));
    expect(grant).toMatchObject({ purpose: "oci-test", usedAt: expect.any(Date) });
    const second = await startTestRun(w.adminViewer, { userId: w.buyer.id, options: options() }, origins);
    if (!second.ok) throw new Error(second.message);
    const token2 = second.call.fields.find(([n]) => n === "password")![1].slice("ocitest_".length);
    expect(await redeemGrant(token2, ["oci-test"])).toMatchObject({ id: String(w.buyer.id), email: w.buyer.email });
    expect(await redeemGrant(token2, ["oci-test"])).toBeNull();
  });

  it("refuses a user who is not a B2B buyer, naming the field", async () => {
    const w = await makeWorld();
    const result = await startTestRun(w.adminViewer, { userId: w.shopper.id, options: options() }, origins);
    expect(result).toMatchObject({ ok: false, code: "invalid", fields: { userId: expect.any(String) } });
    expect(await startTestRun(w.adminViewer, { userId: 2_000_000_000, options: options() }, origins)).toMatchObject({ ok: false, code: "invalid" });
    expect(await w.db.select().from(ociTestRuns).where(eq(ociTestRuns.userId, w.shopper.id))).toHaveLength(0);
  });

  it("keeps the last 20 runs and lists them newest first", async () => {
    const w = await makeWorld();
    const ids: string[] = [];
    for (let i = 0; i < 22; i++) {
      const r = await startTestRun(w.adminViewer, { userId: w.buyer.id, options: options() }, origins);
      if (!r.ok) throw new Error(r.message);
      ids.push(r.id);
    }
    const all = await w.db.select({ id: ociTestRuns.id }).from(ociTestRuns);
    expect(all).toHaveLength(20);
    const listed = await listTestRuns(w.adminViewer);
    expect(listed!.map((r) => r.id)).toEqual(ids.slice(2).reverse());
    expect(listed![0]).toMatchObject({ status: "started", customerName: w.b2b.name, userEmail: w.buyer.email });
    expect(await getTestRun(w.adminViewer, ids[0]!)).toBeNull();
  });

  it("receives one delivery with the right key: fields in order, raw body, charset, then refuses a second", async () => {
    const w = await makeWorld();
    const started = await startTestRun(w.adminViewer, { userId: w.buyer.id, options: options() }, origins);
    if (!started.ok) throw new Error(started.message);
    const { runId, key } = hookOf(started.call);
    const body = encodeFormBody(basket, "utf-8");

    expect(await receiveTestRun(runId, "wrong-key", body, "application/x-www-form-urlencoded")).toEqual({ ok: false, code: "not_found" });
    expect(await receiveTestRun("not-a-uuid", key, body, "application/x-www-form-urlencoded")).toEqual({ ok: false, code: "not_found" });
    expect(await receiveTestRun("00000000-0000-4000-8000-000000000000", key, body, null)).toEqual({ ok: false, code: "not_found" });
    expect((await getTestRun(w.adminViewer, runId))!.status).toBe("started");

    expect(await receiveTestRun(runId, key, body, "application/x-www-form-urlencoded")).toEqual({ ok: true });
    expect(await receiveTestRun(runId, key, encodeFormBody([["NEW_ITEM-DESCRIPTION[1]", "forged"]], "utf-8"), "application/x-www-form-urlencoded")).toEqual({ ok: false, code: "conflict" });

    const run = await getTestRun(w.adminViewer, runId);
    expect(run).toMatchObject({ status: "received", charset: "utf-8", contentType: "application/x-www-form-urlencoded", fields: basket, rawBodyBytes: body.byteLength });
    expect(run!.rawBodyText).toBe(new TextDecoder().decode(body));
    expect(run!.receivedAt).toBeInstanceOf(Date);
    expect(run!.checks!.ok).toBe(true);
    expect(run!.checks!.lines.map((l) => l.lineTotal)).toEqual(["258.00", "37.50"]);
    expect(run!.checks!.totals).toEqual([{ currency: "EUR", total: "295.50" }]);
  });

  it("reads an ISO-8859-1 basket in the charset the call asked for, or the profile's default", async () => {
    const w = await makeWorld();
    const latin = await startTestRun(w.adminViewer, { userId: w.buyer.id, options: options({ charset: "iso-8859-1" }) }, origins);
    if (!latin.ok) throw new Error(latin.message);
    const body = encodeFormBody(basket, "iso-8859-1");
    expect(body.byteLength).toBeLessThan(encodeFormBody(basket, "utf-8").byteLength);
    const { runId, key } = hookOf(latin.call);
    expect(await receiveTestRun(runId, key, body, "application/x-www-form-urlencoded")).toEqual({ ok: true });
    const run = await getTestRun(w.adminViewer, runId);
    expect(run).toMatchObject({ charset: "iso-8859-1", fields: basket });
    expect(run!.fields![0]![1]).toBe("Drehmomentschlüssel 40-200 Nm");

    // The call names no charset: the customer's profile decides, and the hook expects that.
    expect(await saveOciProfile(w.adminViewer, w.b2b.id, 0, { ...DEFAULT_PROFILE, defaultCharset: "iso-8859-1" })).toMatchObject({ ok: true });
    const byProfile = await startTestRun(w.adminViewer, { userId: w.buyer.id, options: options() }, origins);
    if (!byProfile.ok) throw new Error(byProfile.message);
    expect(byProfile.call.fields.some(([n]) => n === "http_content_charset")).toBe(false);
    const hook = hookOf(byProfile.call);
    expect(await receiveTestRun(hook.runId, hook.key, body, "application/x-www-form-urlencoded")).toEqual({ ok: true });
    expect(await getTestRun(w.adminViewer, hook.runId)).toMatchObject({ charset: "iso-8859-1", fields: basket });
  });

  it("marks what is wrong in a received basket", async () => {
    const w = await makeWorld();
    const started = await startTestRun(w.adminViewer, { userId: w.buyer.id, options: options() }, origins);
    if (!started.ok) throw new Error(started.message);
    const { runId, key } = hookOf(started.call);
    const bad: [string, string][] = [["NEW_ITEM-DESCRIPTION[1]", "x"], ["NEW_ITEM-QUANTITY[1]", "1,5"], ["NEW_ITEM-UNIT[1]", "C62"], ["NEW_ITEM-FOO[1]", "?"]];
    await receiveTestRun(runId, key, encodeFormBody(bad, "utf-8"), "application/x-www-form-urlencoded");
    const run = await getTestRun(w.adminViewer, runId);
    expect(run!.checks!.ok).toBe(false);
    expect(run!.checks!.fields.map((f) => f.ok)).toEqual([true, false, true, false]);
  });

  it("the hook route answers 303 to the run page (frameable by the shop), then 409; 404 for a wrong key", async () => {
    const w = await makeWorld();
    const started = await startTestRun(w.adminViewer, { userId: w.buyer.id, options: options() }, origins);
    if (!started.ok) throw new Error(started.message);
    const { url, runId } = hookOf(started.call);
    const post = (href: string) =>
      hookRoute(new NextRequest(href, { method: "POST", body: Buffer.from(encodeFormBody(basket, "utf-8")), headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://127.0.0.1:3000" } }), { params: Promise.resolve({ runId }) });
    const wrong = new URL(url);
    wrong.searchParams.set("key", "nope");
    expect((await post(wrong.toString())).status).toBe(404);
    const first = await post(url.toString());
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe(`/admin/oci-tester/runs/${runId}`);
    expect(first.headers.get("content-security-policy")).toBe("frame-ancestors 'self'");
    expect(first.headers.get("cache-control")).toBe("no-store");
    const second = await post(url.toString());
    expect(second.status).toBe(409);
    expect((await getTestRun(w.adminViewer, runId))!.fields).toEqual(basket);
  });
});
