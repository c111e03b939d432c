import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "@/lib/http/redirect";

const FALLBACK = "/fallback";
const target = (value: unknown) => safeRedirectPath(value, FALLBACK);

describe("redirect targets", () => {
  it("keeps local paths with their query and fragment", () => {
    expect(target("/account")).toBe("/account");
    expect(target("/products/x?y=1#z")).toBe("/products/x?y=1#z");
    expect(target("/search?q=M%C3%BCller")).toBe("/search?q=M%C3%BCller");
    // Still encoded, a tab is just a path segment on our own site.
    expect(target("/%09/evil.example")).toBe("/%09/evil.example");
  });

  it("refuses anything a browser could read as another site", () => {
    // `next=/%09/evil.example` arrives decoded; browsers drop the tab and read //evil.example.
    expect(target(decodeURIComponent("/%09/evil.example"))).toBe(FALLBACK);
    expect(target("/\t/evil.example")).toBe(FALLBACK);
    expect(target("/\n/evil")).toBe(FALLBACK);
    expect(target("/\r\n/evil")).toBe(FALLBACK);
    expect(target("/\u0000/evil")).toBe(FALLBACK);
    expect(target("/\u007f/evil")).toBe(FALLBACK);
    expect(target("//evil.example")).toBe(FALLBACK);
    expect(target("/\\evil.example")).toBe(FALLBACK);
    expect(target("/x\\/evil.example")).toBe(FALLBACK);
    expect(target("https://evil.example")).toBe(FALLBACK);
    expect(target("javascript:alert(1)")).toBe(FALLBACK);
    expect(target(" /x")).toBe(FALLBACK);
    expect(target("")).toBe(FALLBACK);
  });

  it("refuses dot segments that resolve to a protocol-relative path", () => {
    expect(target("/.//evil.example")).toBe(FALLBACK);
    expect(target("/..//evil.example")).toBe(FALLBACK);
    expect(target("/x/..//evil.example")).toBe(FALLBACK);
    expect(target("/%2e//evil.example")).toBe(FALLBACK);
    expect(target("/a/../b")).toBe("/b");
  });

  it("refuses non-strings and overlong values", () => {
    expect(target(undefined)).toBe(FALLBACK);
    expect(target(null)).toBe(FALLBACK);
    expect(target(["/account"])).toBe(FALLBACK);
    expect(target(`/${"a".repeat(511)}`)).toBe(`/${"a".repeat(511)}`);
    expect(target(`/${"a".repeat(512)}`)).toBe(FALLBACK);
  });
});
