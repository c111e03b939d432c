import { describe, expect, it } from "vitest";
import { codePrefixPattern, prefixTsQuery, searchTerms } from "@/lib/catalog/search-query";
import { parseUrlEncoded, readBodyLimited } from "@/lib/http/form-body";
import { isSameOriginRequest } from "@/lib/http/origin";
import { safeRedirectPath } from "@/lib/http/redirect";

describe("search query building", () => {
  it("keeps letters and digits only, so no tsquery syntax gets through", () => {
    expect(searchTerms("Schlüssel & M8 | !x:*")).toEqual(["schlüssel", "m8", "x"]);
    expect(prefixTsQuery(["schraub", "m8"])).toBe("schraub:* & m8:*");
    expect(searchTerms("   ")).toEqual([]);
  });
  it("escapes LIKE wildcards in code prefixes", () => {
    expect(codePrefixPattern("FAS-1%_")).toBe("fas-1\\%\\_%");
  });
});

describe("form bodies", () => {
  it("decodes ISO-8859-1 when the body says so", () => {
    const body = new TextEncoder().encode("username=M%FCller&http_content_charset=iso-8859-1");
    expect(parseUrlEncoded(body, "application/x-www-form-urlencoded", "http_content_charset")).toEqual([
      ["username", "Müller"],
      ["http_content_charset", "iso-8859-1"],
    ]);
  });
  it("decodes UTF-8 by default and + as space", () => {
    const body = new TextEncoder().encode("a=M%C3%BCller+GmbH");
    expect(parseUrlEncoded(body, null)).toEqual([["a", "Müller GmbH"]]);
  });
});

describe("bounded bodies", () => {
  it("refuses a declared length over the limit without reading the body", async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({ pull(c) { pulled += 1; c.enqueue(new Uint8Array(10)); } });
    const request = new Request("http://shop.test/x", { method: "POST", body, headers: { "content-length": "50000000" }, duplex: "half" } as RequestInit);
    expect(await readBodyLimited(request, 1000)).toBeNull();
    expect(pulled).toBeLessThanOrEqual(1); // the stream's own start-up pull at most; nothing was read by us
  });
  it("stops reading an undeclared stream as soon as it passes the limit", async () => {
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({ pull(c) { sent += 100; c.enqueue(new Uint8Array(100)); } });
    const request = new Request("http://shop.test/x", { method: "POST", body, duplex: "half" } as RequestInit);
    expect(await readBodyLimited(request, 1000)).toBeNull();
    expect(sent).toBeLessThan(1500);
  });
  it("reads a body within the limit", async () => {
    const request = new Request("http://shop.test/x", { method: "POST", body: "a=1&b=2" });
    expect(new TextDecoder().decode((await readBodyLimited(request, 1000))!)).toBe("a=1&b=2");
  });
});

describe("request guards", () => {
  it("accepts same-origin requests only", () => {
    expect(isSameOriginRequest(new Headers({ "sec-fetch-site": "same-origin" }))).toBe(true);
    expect(isSameOriginRequest(new Headers({ "sec-fetch-site": "cross-site" }))).toBe(false);
    expect(isSameOriginRequest(new Headers({ origin: "http://shop.test", host: "shop.test" }))).toBe(true);
    expect(isSameOriginRequest(new Headers({ origin: "http://evil.test", host: "shop.test" }))).toBe(false);
    expect(isSameOriginRequest(new Headers({}))).toBe(false);
  });
  it("redirects only to local paths", () => {
    expect(safeRedirectPath("/account", "/")).toBe("/account");
    expect(safeRedirectPath("//evil.test", "/")).toBe("/");
    expect(safeRedirectPath("https://evil.test", "/")).toBe("/");
    expect(safeRedirectPath("/\\evil", "/")).toBe("/");
    expect(safeRedirectPath(undefined, "/x")).toBe("/x");
  });
});
