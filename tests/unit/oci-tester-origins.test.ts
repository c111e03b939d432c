import { describe, expect, it } from "vitest";
import { punchoutOrigin } from "@/lib/admin/oci-tester/origins";

describe("where the tester's punchout runs", () => {
  it("uses the configured second host name", () => {
    expect(punchoutOrigin("https://shop.example.com", "https://punchout-test.example.com/ignored/path")).toEqual({ origin: "https://punchout-test.example.com", separate: true });
    expect(punchoutOrigin("https://shop.example.com", "https://shop.example.com")).toEqual({ origin: "https://shop.example.com", separate: false });
  });
  it("pairs localhost and 127.0.0.1 on a developer's machine", () => {
    expect(punchoutOrigin("http://localhost:3000", undefined)).toEqual({ origin: "http://127.0.0.1:3000", separate: true });
    expect(punchoutOrigin("http://127.0.0.1:3700", "")).toEqual({ origin: "http://localhost:3700", separate: true });
  });
  it("falls back to the shop's own origin", () => {
    expect(punchoutOrigin("https://shop.example.com", undefined)).toEqual({ origin: "https://shop.example.com", separate: false });
  });
});
