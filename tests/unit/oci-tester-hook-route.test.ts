import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { describe, expect, it } from "vitest";
import { config } from "@/proxy";
import { COOKIE_NAMES } from "@/lib/http/cookies";

// The hook takes cross-site form posts and reads its body itself: the proxy stays off it (and off
// nothing else of the tester), whatever cookies the browser holds.
describe("the punchout tester's hook and the proxy", () => {
  const cookies = { [COOKIE_NAMES.session]: "s", [COOKIE_NAMES.oci]: "o" };
  const matched = (path: string, withCookies: Record<string, string> = cookies) => unstable_doesMiddlewareMatch({ config, url: `http://shop.test${path}`, cookies: withCookies });
  it("leaves the hook alone but keeps the tester's back-office pages behind the proxy", () => {
    expect(matched("/oci-tester/hook/0b5e8e0e-1c1f-4a51-9bb8-5d5d4c1e6f00")).toBe(false);
    expect(matched("/admin/oci-tester", {})).toBe(true);
    expect(matched("/admin/oci-tester/runs/0b5e8e0e-1c1f-4a51-9bb8-5d5d4c1e6f00", {})).toBe(true);
    expect(matched("/ocihome")).toBe(false);
    expect(matched("/products/x")).toBe(true);
  });
});
