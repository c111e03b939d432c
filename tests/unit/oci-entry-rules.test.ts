import { describe, expect, it } from "vitest";
import { callCharset, entryHookVerdict, shopOrigin, testCredentialToken } from "@/lib/oci/entry-rules";
import { DEFAULT_PROFILE } from "@/lib/oci/profile";

const PINNED = { ...DEFAULT_PROFILE, allowedHooks: ["http://127.0.0.1:", "http://localhost:"] };
const OWN = "https://shop.example.com";

describe("shopOrigin", () => {
  it("is AUTH_URL's origin when set, else the request's", () => {
    expect(shopOrigin("http://localhost:3000/ocihome?x=1", "https://shop.example.com/base")).toBe("https://shop.example.com");
    expect(shopOrigin("http://localhost:3000/ocihome?x=1", undefined)).toBe("http://localhost:3000");
    expect(shopOrigin("http://localhost:3000/ocihome", "not a url")).toBe("http://localhost:3000");
  });
});

describe("testCredentialToken", () => {
  it("recognises the tester's prefix", () => {
    expect(testCredentialToken("ocitest_abc")).toBe("abc");
    expect(testCredentialToken("demo1234")).toBeNull();
    expect(testCredentialToken("OCITEST_abc")).toBeNull();
  });
});

describe("entryHookVerdict", () => {
  it("applies the customer's rule to a normal call and names it", () => {
    expect(entryHookVerdict(PINNED, "http://127.0.0.1:4010/hook", { testCall: false, ownOrigin: OWN })).toEqual({ ok: true });
    const refused = entryHookVerdict(PINNED, "https://evil.example/hook", { testCall: false, ownOrigin: OWN });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.rule).toContain("http://127.0.0.1:");
  });

  it("a normal call never gets the tester's hook", () => {
    expect(entryHookVerdict(PINNED, `${OWN}/oci-tester/hook/5?key=k`, { testCall: false, ownOrigin: OWN }).ok).toBe(false);
  });

  it("a test call may also use the shop's own tester hook, and nothing beside it", () => {
    expect(entryHookVerdict(PINNED, `${OWN}/oci-tester/hook/5?key=k`, { testCall: true, ownOrigin: OWN })).toEqual({ ok: true });
    for (const hook of [`${OWN}/oci-tester/hook/../../admin`, `${OWN}/oci-tester/hooks/5`, `${OWN}.evil.example/oci-tester/hook/5`, `https://user@shop.example.com/oci-tester/hook/5`, "https://evil.example/oci-tester/hook/5"]) {
      expect(entryHookVerdict(PINNED, hook, { testCall: true, ownOrigin: OWN }).ok, hook).toBe(false);
    }
  });

  it("SAPEVENT follows the profile's switch", () => {
    expect(entryHookVerdict({ ...DEFAULT_PROFILE, allowSapEvent: false }, "SAPEVENT:POST", { testCall: false, ownOrigin: OWN }).ok).toBe(false);
    expect(entryHookVerdict(DEFAULT_PROFILE, "SAPEVENT:POST", { testCall: false, ownOrigin: OWN }).ok).toBe(true);
  });
});

describe("callCharset", () => {
  it("the call's charset when it names one, else the profile's default", () => {
    expect(callCharset({ charset: "utf-8", charsetNamed: true }, { defaultCharset: "iso-8859-1" })).toBe("utf-8");
    expect(callCharset({ charset: "utf-8", charsetNamed: false }, { defaultCharset: "iso-8859-1" })).toBe("iso-8859-1");
  });
});
