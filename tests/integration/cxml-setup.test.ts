import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { cxmlSettings, cxmlSetups, ociProfiles } from "@/db/schema";
import { handleCxmlSetup } from "@/lib/cxml/next/setup";
import { saveCxmlSettings } from "@/lib/cxml/settings-store";
import { redeemSetup } from "@/lib/cxml/setup-store";
import { DEFAULT_PROFILE } from "@/lib/oci/profile";
import { users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { validateCxml } from "../support/cxml-validate";
import { parseResponse, setupRequestXml, type SetupOptions } from "../support/cxml-documents";
import { makeWorld } from "../support/fixtures";

const SECRET = "integration-cxml-secret";

/** A customer with cXML settings of its own (identities unique per test). */
async function cxmlWorld(overrides: Partial<Parameters<typeof saveCxmlSettings>[2]> = {}) {
  const w = await makeWorld();
  const id = `${w.b2b.id}${Math.random().toString(36).slice(2, 7)}`.toUpperCase();
  const from = { domain: "NetworkID", identity: `AN01-${id}` };
  const to = { domain: "NetworkID", identity: `AN02-${id}` };
  const saved = await saveCxmlSettings(w.db, w.b2b.id, { enabled: true, from, sender: from, to, sharedSecret: SECRET, defaultUserId: w.buyer.id, returnField: "cxml-urlencoded", ...overrides });
  expect(saved.ok).toBe(true);
  const options: SetupOptions = { from, to, sender: from, secret: SECRET };
  return { ...w, from, to, options };
}

async function post(body: string | Uint8Array<ArrayBuffer>, contentType = "text/xml; charset=utf-8", ip = "203.0.113.7") {
  const response = await handleCxmlSetup(new Request("http://localhost:3000/punchout/cxml/setup", { method: "POST", headers: { "content-type": contentType, "x-forwarded-for": ip }, body }));
  const xml = await response.text();
  return { status: response.status, contentType: response.headers.get("content-type"), retryAfter: response.headers.get("retry-after"), xml, ...parseResponse(xml) };
}

const setupsOf = async (w: { db: Awaited<ReturnType<typeof makeWorld>>["db"]; b2b: { id: number } }) => w.db.select().from(cxmlSetups).where(eq(cxmlSetups.customerId, w.b2b.id));

describe("cXML setup: authentication against the customer's settings", () => {
  it("answers a valid request with a one-time StartPage for the default user, in a valid cXML Response", async () => {
    const w = await cxmlWorld();
    const answer = await post(setupRequestXml(w.options));
    expect(answer).toMatchObject({ status: 200, code: "200", text: "OK" });
    expect(answer.contentType).toMatch(/^text\/xml/);
    expect(answer.startUrl).toMatch(/^http:\/\/localhost:3000\/punchout\/cxml\/start\?t=[A-Za-z0-9_-]{43}$/);
    expect(answer.payloadId).toMatch(/^\d{13}\.\d+\.[a-z0-9]+@localhost$/);
    expect(answer.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
    expect(validateCxml(answer.xml)).toEqual({ ok: true });

    const [setup] = await setupsOf(w);
    expect(setup).toMatchObject({ userId: w.buyer.id, browserFormPostUrl: "https://buyer.example/punchout/return?x=1&y=2", usedAt: null });
    expect(setup!.session).toMatchObject({ operation: "create", buyerCookie: "1J3YVWU9QWMTB", buyer: w.from, supplier: w.to, field: "cxml-urlencoded", lang: "de-DE" });
    // The URL's token is not stored, only its hash.
    const token = new URL(answer.startUrl!).searchParams.get("t")!;
    expect(JSON.stringify(setup)).not.toContain(token);

    // Used once; a second use opens nothing.
    expect((await redeemSetup(token))?.id).toBe(setup!.id);
    expect(await redeemSetup(token)).toBeNull();
    // Two answers never share a payloadID.
    const again = await post(setupRequestXml(w.options));
    expect(again.payloadId).not.toBe(answer.payloadId);
  });

  it("refuses wrong secrets, unknown senders and foreign identities with 401 and stores nothing", async () => {
    const w = await cxmlWorld();
    const cases: SetupOptions[] = [
      { ...w.options, secret: "wrong-secret" },
      { ...w.options, secret: "" },
      { ...w.options, from: { domain: "NetworkID", identity: "AN-UNKNOWN" }, sender: { domain: "NetworkID", identity: "AN-UNKNOWN" } },
      { ...w.options, to: { domain: "NetworkID", identity: "AN-SOMEONE-ELSE" } },
      { ...w.options, sender: { domain: "NetworkID", identity: "AN-OTHER-SENDER" } },
      { ...w.options, from: { domain: "DUNS", identity: w.from.identity } },
    ];
    for (const [i, c] of cases.entries()) {
      const answer = await post(setupRequestXml(c), "text/xml", `198.51.100.${i + 1}`);
      expect(answer, `case ${i}`).toMatchObject({ status: 200, code: "401", text: "Unauthorized" });
      expect(validateCxml(answer.xml)).toEqual({ ok: true });
    }
    expect(await setupsOf(w)).toHaveLength(0);
  });

  it("throttles repeated wrong secrets for one identity (429 with Retry-After), then lets nobody through on a right one from that address", async () => {
    const w = await cxmlWorld();
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await post(setupRequestXml({ ...w.options, secret: `guess-${i}` }), "text/xml", "192.0.2.50"));
    expect(answers.map((a) => a.code)).toEqual(["401", "401", "401", "401", "401", "429"]);
    expect(Number(answers[5]!.retryAfter)).toBeGreaterThan(0);
    expect((await post(setupRequestXml(w.options), "text/xml", "192.0.2.50")).code).toBe("429");
    expect(await setupsOf(w)).toHaveLength(0);
  });

  it("counts a guess on the customer its credentials name, whatever decoy From comes first", async () => {
    const w = await cxmlWorld();
    const decoyed = (i: number, secret: string) =>
      setupRequestXml({ ...w.options, secret }).replace(
        "<From><Credential",
        `<From><Credential domain="NetworkID"><Identity>AN-DECOY-${i}-${w.b2b.id}</Identity></Credential><Credential`,
      );
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) codes.push((await post(decoyed(i, `guess-${i}`), "text/xml", "192.0.2.77")).code);
    expect(codes).toEqual(["401", "401", "401", "401", "401", "429"]);
    expect((await post(decoyed(9, SECRET), "text/xml", "192.0.2.77")).code).toBe("429");
    expect(await setupsOf(w)).toHaveLength(0);
  });

  it("answers a NUL smuggled into an identity with a 400, not a database error", async () => {
    const w = await cxmlWorld();
    const nul = setupRequestXml(w.options).replace(`<Identity>${w.from.identity}</Identity></Credential></From>`, `<Identity>${w.from.identity}&#0;</Identity></Credential></From>`);
    const answer = await post(nul);
    expect(answer.code).toBe("400");
  });

  it("signs in the UserEmail extrinsic's user when it is one of the customer's, else the default user", async () => {
    const w = await cxmlWorld();
    const [colleague] = await w.db.insert(users).values({ customerId: w.b2b.id, email: `colleague-${w.b2b.id}@example.com`, name: "Colleague", passwordHash: await hashPassword("x-password-1") }).returning();
    await post(setupRequestXml({ ...w.options, userEmail: colleague!.email.toUpperCase() }));
    await post(setupRequestXml({ ...w.options, userEmail: w.shopper.email }));
    const rows = await setupsOf(w);
    expect(rows.map((r) => r.userId).sort()).toEqual([w.buyer.id, colleague!.id].sort());
  });

  it("answers 403 when cXML is off, no user can be found, or the BrowserFormPost URL is not agreed", async () => {
    const off = await cxmlWorld({ enabled: false });
    expect((await post(setupRequestXml(off.options))).code).toBe("403");

    const nobody = await cxmlWorld({ defaultUserId: null });
    expect((await post(setupRequestXml(nobody.options))).code).toBe("403");

    const strict = await cxmlWorld();
    await strict.db.insert(ociProfiles).values({ customerId: strict.b2b.id, profile: { ...DEFAULT_PROFILE, allowedHooks: ["https://buyer.example/punchout/"] } });
    const refused = await post(setupRequestXml({ ...strict.options, url: "https://evil.example/steal" }));
    expect(refused.code).toBe("403");
    expect(refused.detail).toContain("BrowserFormPost");
    expect((await post(setupRequestXml(strict.options))).code).toBe("200");
    for (const w of [off, nobody]) expect(await setupsOf(w)).toHaveLength(0);
    expect(await setupsOf(strict)).toHaveLength(1);
  });
});

describe("cXML setup: bad documents get a cXML 4xx, never a page or a stack trace", () => {
  it("refuses malformed XML, other versions, missing parts and unsupported operations with 400", async () => {
    const w = await cxmlWorld();
    const good = setupRequestXml(w.options);
    const bad: [string, string][] = [
      ["malformed", good.replace("</Header>", "</Heder>")],
      ["not cXML", `<?xml version="1.0"?><order><item/></order>`],
      ["version 1.1", setupRequestXml({ ...w.options, version: "1.1.010" })],
      ["version 2", setupRequestXml({ ...w.options, version: "2.0.001" })],
      ["no BuyerCookie", good.replace(/<BuyerCookie>[^<]*<\/BuyerCookie>/, "")],
      ["no BrowserFormPost", good.replace(/<BrowserFormPost>.*?<\/BrowserFormPost>/s, "")],
      ["javascript URL", setupRequestXml({ ...w.options, url: "javascript:alert(1)" })],
      ["source", setupRequestXml({ ...w.options, operation: "source" })],
      ["unknown operation", setupRequestXml({ ...w.options, operation: "destroy" })],
      ["fractional ItemOut", setupRequestXml({ ...w.options, operation: "edit", items: [{ sku: "A", quantity: "2.5" }] })],
      ["HTML entity", good.replace("<UserAgent>Buyer 14s2</UserAgent>", "<UserAgent>M&uuml;ller</UserAgent>")],
      ["empty", ""],
      ["too long for the session cookie", setupRequestXml({ ...w.options, url: `https://buyer.example/${"a".repeat(2020)}`, buyerCookie: "b".repeat(512) })],
    ];
    for (const [name, body] of bad) {
      const answer = await post(body);
      expect(answer, name).toMatchObject({ status: 200, code: "400", text: "Bad Request" });
      expect(answer.xml, name).not.toMatch(/at \w+ \(|node_modules|<html/i);
      expect(validateCxml(answer.xml), name).toEqual({ ok: true });
    }
    // Accepted: any declared 1.2.0xx, and no DOCTYPE at all.
    for (const version of ["1.2.008", "1.2.040", "1.2.063"]) expect((await post(setupRequestXml({ ...w.options, version }))).code, version).toBe("200");
    expect((await post(good.replace(/<!DOCTYPE[^>]*>/, ""))).code).toBe("200");
  });

  it("refuses an entity-expansion bomb at once and reads no external entity", async () => {
    const w = await cxmlWorld();
    const lol = `<!DOCTYPE cXML [<!ENTITY a "aaaaaaaaaa">${Array.from({ length: 9 }, (_, i) => `<!ENTITY ${"b".repeat(i + 1)} "${`&${i === 0 ? "a" : "b".repeat(i)};`.repeat(10)}">`).join("")}]>`;
    const bomb = setupRequestXml(w.options).replace(/<!DOCTYPE[^>]*>/, lol).replace("<UserAgent>Buyer 14s2</UserAgent>", "<UserAgent>&bbbbbbbbb;</UserAgent>");
    const started = performance.now();
    const answer = await post(bomb);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(answer.code).toBe("400");
    expect(answer.detail).toMatch(/DTD subset|entity/i);

    const xxe = setupRequestXml(w.options)
      .replace(/<!DOCTYPE[^>]*>/, `<!DOCTYPE cXML [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>`)
      .replace("<BuyerCookie>1J3YVWU9QWMTB</BuyerCookie>", "<BuyerCookie>&xxe;</BuyerCookie>");
    const stolen = await post(xxe);
    expect(stolen.code).toBe("400");
    expect(stolen.xml).not.toContain("root:");
    // A parameter entity that would fetch a DTD from elsewhere.
    const remote = setupRequestXml(w.options).replace(/<!DOCTYPE[^>]*>/, `<!DOCTYPE cXML [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;]>`);
    expect((await post(remote)).code).toBe("400");
    expect(await setupsOf(w)).toHaveLength(0);
  });

  it("reads the declared encoding, honours the Content-Type charset, and refuses bytes that do not match", async () => {
    const w = await cxmlWorld();
    const latin1 = setupRequestXml({ ...w.options, encoding: "ISO-8859-1", buyerCookie: "Müller-Köln-1" });
    const ok = await post(new Uint8Array(Buffer.from(latin1, "latin1")), "text/xml");
    expect(ok.code).toBe("200");
    expect((await setupsOf(w))[0]!.session.buyerCookie).toBe("Müller-Köln-1");

    const invalidUtf8 = new Uint8Array(Buffer.from(setupRequestXml({ ...w.options, buyerCookie: "Müller" }), "latin1"));
    expect((await post(invalidUtf8, "application/xml; charset=utf-8")).code).toBe("400");
    expect((await post(setupRequestXml(w.options), "application/json")).code).toBe("415");
    expect((await post("x".repeat(600 * 1024))).code).toBe("413");
  });

  it("keeps the settings' secret hashed", async () => {
    const w = await cxmlWorld();
    const [row] = await w.db.select().from(cxmlSettings).where(eq(cxmlSettings.customerId, w.b2b.id));
    expect(row!.sharedSecretHash).toMatch(/^scrypt\$/);
    expect(JSON.stringify(row)).not.toContain(SECRET);
  });
});
