import { describe, expect, it } from "vitest";
import { config } from "@/proxy";

// The hook takes cross-site form posts and reads its body itself: the proxy stays off it (and off
// nothing else of the tester).
describe("the punchout tester's hook and the proxy", () => {
  const matched = (path: string) => config.matcher.some((m) => new RegExp(`^${m}$`).test(path));
  it("leaves the hook alone but keeps the tester's back-office pages behind the proxy", () => {
    expect(matched("/oci-tester/hook/0b5e8e0e-1c1f-4a51-9bb8-5d5d4c1e6f00")).toBe(false);
    expect(matched("/admin/oci-tester")).toBe(true);
    expect(matched("/admin/oci-tester/runs/0b5e8e0e-1c1f-4a51-9bb8-5d5d4c1e6f00")).toBe(true);
    expect(matched("/ocihome")).toBe(false);
    expect(matched("/products/x")).toBe(true);
  });
});
