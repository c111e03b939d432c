import { describe, expect, it } from "vitest";
import { needsViewer, pageRedirect } from "@/lib/auth/page-gate";

const none = new URLSearchParams();

describe("page redirects decided before a page streams", () => {
  it("sends signed-out visitors of account pages to sign-in, and back afterwards", () => {
    expect(pageRedirect("/account", none, false, false)).toBe("/login?next=%2Faccount");
    expect(pageRedirect("/account/orders/5f1c", none, false, false)).toBe("/login?next=%2Faccount");
    expect(pageRedirect("/checkout", none, false, false)).toBe("/login?next=%2Fcheckout");
    expect(pageRedirect("/account", none, true, false)).toBeNull();
    expect(pageRedirect("/cart", none, false, false)).toBeNull();
    expect(pageRedirect("/accounting", none, false, false)).toBeNull();
  });

  it("keeps a punchout basket away from checkout", () => {
    expect(pageRedirect("/checkout", none, true, true)).toBe("/cart");
    expect(pageRedirect("/checkout", none, true, false)).toBeNull();
  });

  it("sends signed-in users away from sign-in only to the shop's own paths", () => {
    expect(pageRedirect("/login", new URLSearchParams("next=/cart"), true, false)).toBe("/cart");
    for (const next of ["//evil.example", "https://evil.example", "/\t/evil.example", "\\\\evil"]) {
      expect(pageRedirect("/login", new URLSearchParams({ next }), true, false)).toBe("/account");
    }
    expect(pageRedirect("/login", none, false, false)).toBeNull();
    expect(pageRedirect("/register", none, true, false)).toBe("/account");
    expect(needsViewer("/products/x")).toBe(false);
  });
});
