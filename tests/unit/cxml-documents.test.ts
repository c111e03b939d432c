import { describe, expect, it } from "vitest";
import { cxmlTimestamp, cxmlVersion, newStamp, payloadHost, xmlSafe } from "@/lib/cxml/document";
import { extrinsic, parseSetupRequest } from "@/lib/cxml/inbound-setup";
import { moneyText } from "@/lib/cxml/money-text";
import { buildOrderMessage, documentOfField, lineAmount, returnFields } from "@/lib/cxml/outbound-order";
import { buildStartPageResponse, buildStatusResponse } from "@/lib/cxml/outbound-response";
import { readXml } from "@/lib/cxml/xml-read";
import { amount } from "@/lib/money/decimal";
import type { OciBasketLine } from "@/lib/oci/outbound-fields";
import { validateCxml } from "../support/cxml-validate";
import { parseOrderMessage, setupRequestXml } from "../support/cxml-documents";

const bytes = (s: string) => new TextEncoder().encode(s);
const STAMP = { payloadId: "1796140000000.42.abc@shop.example", timestamp: "2026-12-01T17:00:00+00:00" };
const SESSION = { operation: "create" as const, buyerCookie: "34234234ADFSDF234234", buyer: { domain: "NetworkID", identity: "AN01000010001" }, supplier: { domain: "NetworkID", identity: "AN02000000100" }, lang: "de" };

const line = (over: Partial<OciBasketLine> = {}): OciBasketLine => ({
  productId: 17,
  sku: "DIN933-M8x40",
  name: "Sechskantschraube M8×40",
  description: "Verzinkt, Festigkeit 8.8",
  manufacturerPartNumber: "933-0840",
  unit: "C62",
  priceUnit: 1,
  unitPrice: "12.5000",
  currency: "EUR",
  quantity: 1,
  leadTimeDays: 3,
  unspsc: "31161605",
  manufacturer: "Würth",
  ...over,
});

const build = (lines: OciBasketLine[], over: Partial<Parameters<typeof buildOrderMessage>[0]> = {}) =>
  buildOrderMessage({ session: SESSION, lines, currency: "EUR", profile: { unitCodes: {} }, stamp: STAMP, version: "1.2.063", ...over });

describe("cXML order message", () => {
  it("writes every element a receiver needs, in DTD order, valid against the 1.2.063 DTD", () => {
    const { xml, total } = build([line({ quantity: 250, priceUnit: 100, unitPrice: "8.4500" }), line({ productId: 18, sku: "TQ-40", quantity: 2, unitPrice: "129.0000", leadTimeDays: null, manufacturerPartNumber: "", manufacturer: "" })]);
    expect(validateCxml(xml)).toEqual({ ok: true });
    expect(xml).toContain('<cXML payloadID="1796140000000.42.abc@shop.example" timestamp="2026-12-01T17:00:00+00:00" xml:lang="de">');
    const m = parseOrderMessage(xml);
    expect(m).toMatchObject({ buyerCookie: "34234234ADFSDF234234", operationAllowed: "create", from: "AN02000000100", to: "AN01000010001", total: { currency: "EUR", value: "279.125" } });
    expect(total).toBe(amount("279.125"));
    expect(m.items[0]).toEqual({ quantity: "250", sku: "DIN933-M8x40", aux: "17", price: "8.45", currency: "EUR", unit: "C62", basis: "100", unspsc: "31161605", description: "Verzinkt, Festigkeit 8.8", shortName: "Sechskantschraube M8×40", manufacturerPartId: "933-0840", manufacturer: "Würth", leadTime: "3" });
    expect(m.items[1]).toMatchObject({ quantity: "2", price: "129.00", basis: null, manufacturerPartId: "", manufacturer: "", leadTime: "" });
    expect(xml).not.toContain("<ManufacturerPartID></ManufacturerPartID>");
  });

  it("escapes &, < and quotes exactly once and keeps umlauts; entity-looking text stays text", () => {
    const tricky = 'Mutter <M8> & "Scheibe" &lt; &uuml; ]]> Größe';
    const { xml } = build([line({ name: tricky, sku: "A&B<1>" })], { session: { ...SESSION, buyerCookie: 'c&<"\'>ö' } });
    expect(validateCxml(xml)).toEqual({ ok: true });
    const m = parseOrderMessage(xml);
    expect(m.items[0]!.shortName).toBe(tricky);
    expect(m.items[0]!.sku).toBe("A&B<1>");
    expect(m.buyerCookie).toBe('c&<"\'>ö');
    expect(xml).toContain("&amp;lt; &amp;uuml;");
  });

  it("drops characters XML cannot carry instead of writing an unreadable document", () => {
    const { xml } = build([line({ name: "Bolt\u0001\u0008 M8\uFFFE", description: "a\u0000b" })]);
    expect(validateCxml(xml)).toEqual({ ok: true });
    expect(parseOrderMessage(xml).items[0]).toMatchObject({ shortName: "Bolt M8", description: "a b" });
    expect(xmlSafe("x\u0007y\uD800z")).toBe("xyz");
  });

  it("maps units through the customer's unit codes and turns catalog HTML into plain text", () => {
    const { xml } = build([line({ unit: "pr", priceUnit: 1000, description: "<p>Paar</p><script>x()</script>Handschuhe" })], { profile: { unitCodes: { PR: "PAA" } } });
    const item = parseOrderMessage(xml).items[0]!;
    expect(item).toMatchObject({ unit: "PAA", basis: "1000", description: "Paar Handschuhe" });
    expect(validateCxml(xml)).toEqual({ ok: true });
  });

  it("sums lines exactly with the money module and writes money with a dot", () => {
    expect(lineAmount({ unitPrice: "0.0845", quantity: 7, priceUnit: 1 })).toBe(amount("0.5915"));
    expect(lineAmount({ unitPrice: "8.4500", quantity: 3, priceUnit: 100 })).toBe(amount("0.2535"));
    expect(moneyText(amount("12"))).toBe("12.00");
    expect(moneyText(amount("12.5"))).toBe("12.50");
    expect(moneyText(amount("0.0845"))).toBe("0.0845");
    expect(moneyText(amount("1234567.125"))).toBe("1234567.125");
    const { xml } = build([line({ unitPrice: "0.0845", quantity: 7 }), line({ unitPrice: "8.4500", quantity: 3, priceUnit: 100 })]);
    expect(parseOrderMessage(xml).total.value).toBe("0.845");
  });

  it("an empty message (cancel) is valid too", () => {
    const { xml } = build([]);
    expect(validateCxml(xml)).toEqual({ ok: true });
    expect(parseOrderMessage(xml)).toMatchObject({ items: [], total: { value: "0.00" } });
  });

  it("puts the raw document in cxml-urlencoded (the form encodes it once) and UTF-8 base64 in cxml-base64", () => {
    const { xml } = build([line({ name: "Größe & Co" })]);
    const [[name, raw]] = returnFields(xml, "cxml-urlencoded") as [[string, string]];
    expect(name).toBe("cxml-urlencoded");
    expect(raw).toBe(xml);
    expect(new URLSearchParams({ [name]: raw }).toString()).not.toContain("%2526");
    const [[b64Name, b64]] = returnFields(xml, "cxml-base64") as [[string, string]];
    expect(b64Name).toBe("cxml-base64");
    expect(Buffer.from(b64, "base64").toString("utf8")).toBe(xml);
    expect(documentOfField(b64Name, b64)).toBe(xml);
    expect(documentOfField("NEW_ITEM-PRICE[1]", "1")).toBeNull();
  });
});

describe("cXML stamps and answers", () => {
  it("payloadIDs are datetime.process.random@host and unique; timestamps carry their zone", () => {
    const a = newStamp("shop.example", { now: new Date("2026-12-01T17:04:05.678Z"), pid: 99, random: "r4nd0m" });
    expect(a).toEqual({ payloadId: "1796144645678.99.r4nd0m@shop.example", timestamp: "2026-12-01T17:04:05+00:00" });
    const ids = new Set(Array.from({ length: 200 }, () => newStamp("h").payloadId));
    expect(ids.size).toBe(200);
    expect(newStamp("bad host/<x>").payloadId).toMatch(/@badhostx$/);
    expect(cxmlTimestamp(new Date(0))).toBe("1970-01-01T00:00:00+00:00");
    expect(payloadHost({ AUTH_URL: "https://shop.example.com/api/auth" })).toBe("shop.example.com");
    expect(payloadHost({})).toBe("localhost");
    expect(cxmlVersion({ CXML_DTD_VERSION: "1.2.050" })).toBe("1.2.050");
    expect(cxmlVersion({ CXML_DTD_VERSION: "9; rm -rf" })).toBe("1.2.063");
  });

  it("the StartPage answer and every refusal are valid Responses", () => {
    const ok = buildStartPageResponse("https://shop.example/punchout/cxml/start?t=abc&x=1", STAMP, "1.2.063");
    expect(validateCxml(ok)).toEqual({ ok: true });
    expect(ok).toContain("<URL>https://shop.example/punchout/cxml/start?t=abc&amp;x=1</URL>");
    for (const code of [400, 401, 403, 413, 415, 429, 500] as const) {
      const refusal = buildStatusResponse(code, "Details <with> & markup", STAMP, "1.2.063");
      expect(validateCxml(refusal), String(code)).toEqual({ ok: true });
      expect(refusal).toContain(`<Status code="${code}"`);
    }
  });
});

describe("cXML setup request reading: the parser's work is bounded before it starts", () => {
  const timed = (xml: string) => {
    const started = performance.now();
    const result = readXml(bytes(xml), null);
    return { ms: performance.now() - started, problem: result.ok ? null : result.problem };
  };

  it("refuses a flood of tags, of namespaces, and stops at the first markup error", () => {
    const flood = timed(`<cXML>${"<".repeat(200_000)}</cXML>`);
    expect(flood.problem).toMatch(/more than 20000 tags/);
    expect(flood.ms).toBeLessThan(200);
    const namespaces = timed(`${'<a xmlns:p="u">'.repeat(60)}${"</a>".repeat(60)}`);
    expect(namespaces.problem).toMatch(/more than 50 namespaces/);
    const broken = timed(`<cXML>${"<".repeat(19_000)}</cXML>`);
    expect(broken.problem).toMatch(/not well-formed/);
    expect(broken.ms).toBeLessThan(200);
    // The deepest document the limits allow is still parsed quickly.
    const deep = timed(`${"<a>".repeat(9_999)}${"</a>".repeat(9_999)}`);
    expect(deep.problem).toBeNull();
    expect(deep.ms).toBeLessThan(1500);
  });
});

describe("cXML setup request reading", () => {
  const parse = (xml: string) => {
    const read = readXml(bytes(xml), null);
    if (!read.ok) return { ok: false as const, problems: [read.problem] };
    return parseSetupRequest(read.root, read.systemId);
  };

  it("reads an Ariba-style request completely (and our sample is valid cXML)", () => {
    const xml = setupRequestXml({ userEmail: "buyer@example.com", operation: "edit", items: [{ sku: "DIN933-M8x40", aux: "17", quantity: "250" }, { sku: "TQ-40", quantity: "2" }] });
    expect(validateCxml(xml.replace("1.2.014", "1.2.063"))).toEqual({ ok: true });
    const parsed = parse(xml);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.call).toMatchObject({
      version: "1.2.014",
      lang: "de-DE",
      operation: "edit",
      buyerCookie: "1J3YVWU9QWMTB",
      browserFormPostUrl: "https://buyer.example/punchout/return?x=1&y=2",
      from: [{ domain: "NetworkID", identity: "AN01000010001" }],
      to: [{ domain: "NetworkID", identity: "AN02000000100" }],
      sender: [{ domain: "NetworkID", identity: "AN01000010001", sharedSecret: "demo-cxml-secret" }],
      userAgent: "Buyer 14s2",
      items: [
        { supplierPartId: "DIN933-M8x40", auxiliaryId: "17", quantity: 250 },
        { supplierPartId: "TQ-40", auxiliaryId: "", quantity: 2 },
      ],
    });
    expect(extrinsic(parsed.call, "useremail")).toBe("buyer@example.com");
    expect(extrinsic(parsed.call, "CostCenter")).toBe("610");
  });

  it("ignores ItemOut lines of a create", () => {
    const parsed = parse(setupRequestXml({ items: [{ sku: "X", quantity: "1" }] }));
    expect(parsed.ok && parsed.call.items).toEqual([]);
  });

  it("says what is wrong, in words", () => {
    const problems = (xml: string) => {
      const p = parse(xml);
      return p.ok ? [] : p.problems.join(" | ");
    };
    expect(problems(setupRequestXml({ buyerCookie: "" }))).toContain("BuyerCookie is missing");
    expect(problems(setupRequestXml({ buyerCookie: "x".repeat(513) }))).toContain("BuyerCookie is longer than 512");
    expect(problems(setupRequestXml({ url: "ftp://buyer.example/x" }))).toContain("BrowserFormPost/URL must be an absolute http(s) URL");
    expect(problems(setupRequestXml({ url: "https://user:pw@buyer.example/x" }))).toContain("without user name or password");
    expect(problems(setupRequestXml({ operation: "edit", items: [{ sku: "", quantity: "1" }] }))).toContain("SupplierPartID");
    expect(problems(setupRequestXml({ operation: "inspect", items: [{ sku: "A", quantity: "0" }] }))).toContain("at least 1");
    expect(problems(setupRequestXml({ operation: "edit", items: [{ sku: "A", quantity: "abc" }] }))).toContain("whole number");
    expect(problems(setupRequestXml({ version: "1.1.010" }))).toContain("1.1.010 is not supported");
    expect(problems(setupRequestXml({ payloadId: "" }))).toContain("payloadID");
  });

  it("refuses DTD subsets, unknown entities, broken markup and wrong bytes before anything is read", () => {
    const problem = (input: string | Uint8Array, charset: string | null = null) => {
      const r = readXml(typeof input === "string" ? bytes(input) : input, charset);
      return r.ok ? null : r.problem;
    };
    expect(problem(`<!DOCTYPE cXML [<!ENTITY x "y">]><cXML/>`)).toMatch(/internal DTD subset/);
    expect(problem(`<!DOCTYPE cXML SYSTEM "http://xml.cxml.org/schemas/cXML/1.2.014/cXML.dtd" [ ]><cXML/>`)).toMatch(/internal DTD subset/);
    expect(problem(`<cXML>&nbsp;</cXML>`)).toMatch(/not well-formed/);
    expect(problem(`<cXML><a></cXML>`)).toMatch(/not well-formed/);
    expect(problem(``)).toMatch(/empty/);
    expect(problem(new Uint8Array([0x3c, 0x61, 0x3e, 0xff, 0x3c, 0x2f, 0x61, 0x3e]))).toMatch(/not valid UTF-8/);
    expect(problem(`<a/>`, "klingon-8")).toMatch(/not supported/);
    // A quoted ">" in the DOCTYPE does not hide a subset from the parsed document.
    expect(problem(`<!DOCTYPE cXML SYSTEM "a>b" [<!ATTLIST cXML x CDATA "1">]><cXML/>`)).toMatch(/internal DTD subset/);
    // Characters XML 1.0 cannot carry, raw or as references.
    expect(problem(`<cXML><a>x\u0000y</a></cXML>`)).toMatch(/characters XML 1.0 does not allow/);
    expect(problem(`<cXML><a>x&#0;y</a></cXML>`)).toMatch(/characters XML 1.0 does not allow|not well-formed/);
    expect(problem(`<cXML><a b="&#1;">x</a></cXML>`)).toMatch(/characters XML 1.0 does not allow/);
    // Declared Latin-1 with Latin-1 bytes; UTF-16 with a byte-order mark.
    const latin1 = readXml(new Uint8Array(Buffer.from(`<?xml version="1.0" encoding="ISO-8859-1"?><a>Müller</a>`, "latin1")), null);
    expect(latin1.ok && latin1.root.textContent).toBe("Müller");
    const utf16 = readXml(new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`<a>Köln</a>`, "utf16le")])), null);
    expect(utf16.ok && utf16.root.textContent).toBe("Köln");
  });
});
