import { describe, expect, it } from "vitest";
import { codePrefixPattern, prefixTsQuery, searchTerms } from "@/lib/catalog/search-query";
import { parseUrlEncoded } from "@/lib/http/form-body";
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
    expect(parseUrlEncoded(body, "application/x-www-form-urlencoded")).toEqual([
      ["username", "Müller"],
      ["http_content_charset", "iso-8859-1"],
    ]);
  });
  it("decodes UTF-8 by default and + as space", () => {
    const body = new TextEncoder().encode("a=M%C3%BCller+GmbH");
    expect(parseUrlEncoded(body, null)).toEqual([["a", "Müller GmbH"]]);
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
