import { describe, expect, it } from "vitest";
import { encodeOciBasket, type OciBasketLine } from "@/lib/oci/outbound-fields";
import { DEFAULT_PROFILE, hookAllowed, matgroupFor, type OciProfile } from "@/lib/oci/profile";

const line = (o: Partial<OciBasketLine> = {}): OciBasketLine => ({
  productId: 7,
  sku: "FAS-10001",
  name: "Sechskantschraube M8x40",
  description: "DIN 933",
  manufacturerPartNumber: "933-8-40",
  manufacturer: "Nordfix",
  unit: "C62",
  priceUnit: 100,
  unitPrice: "12.50",
  currency: "EUR",
  quantity: 200,
  leadTimeDays: 2,
  unspsc: "31161500",
  categoryPath: [12, 3],
  ...o,
});

const encode = (profile: Partial<OciProfile>, lines = [line()]) => new Map(encodeOciBasket(lines, { ...DEFAULT_PROFILE, ...profile }, { echoFields: [], charset: "utf-8" }));

describe("the encoder with a customer's OCI profile", () => {
  it("keeps today's fields for the default profile", () => {
    const f = encode({ vendorNumber: "4711" });
    expect(f.get("NEW_ITEM-UNIT[1]")).toBe("C62");
    expect(f.get("NEW_ITEM-MATGROUP[1]")).toBe("31161500");
    expect(f.get("NEW_ITEM-VENDOR[1]")).toBe("4711");
    expect(f.get("NEW_ITEM-DESCRIPTION[1]")).toBe("Sechskantschraube M8x40");
    expect(f.has("NEW_ITEM-LONGTEXT_1:132[]")).toBe(true);
    expect(f.has("NEW_ITEM-MANUFACTCODE[1]")).toBe(false);
    expect([...f.keys()].some((k) => k.includes("CUST_FIELD"))).toBe(false);
  });

  it("maps unit codes and leaves unmapped ones unchanged", () => {
    const f = encode({ unitCodes: { C62: "PCE", PR: "PAA" } }, [line(), line({ productId: 8, unit: "pr" }), line({ productId: 9, unit: "MTR" })]);
    expect([f.get("NEW_ITEM-UNIT[1]"), f.get("NEW_ITEM-UNIT[2]"), f.get("NEW_ITEM-UNIT[3]")]).toEqual(["PCE", "PAA", "MTR"]);
  });

  it("takes MATGROUP from UNSPSC, a fixed value, or a category mapping inherited down the tree", () => {
    expect(encode({ matgroup: { source: "fixed", value: "FIX-1" } }).get("NEW_ITEM-MATGROUP[1]")).toBe("FIX-1");
    // Category 3 (the parent) is mapped, 12 (the product's own) is not: the parent's code applies.
    expect(encode({ matgroup: { source: "category", codes: { "3": "FAST" } } }).get("NEW_ITEM-MATGROUP[1]")).toBe("FAST");
    expect(encode({ matgroup: { source: "category", codes: { "12": "BOLT", "3": "FAST" } } }).get("NEW_ITEM-MATGROUP[1]")).toBe("BOLT");
    // Not mapped anywhere up the tree: UNSPSC, as the default would send.
    expect(encode({ matgroup: { source: "category", codes: { "99": "X" } } }).get("NEW_ITEM-MATGROUP[1]")).toBe("31161500");
    // UNSPSC still travels as the classification.
    expect(encode({ matgroup: { source: "fixed", value: "FIX-1" } }).get("NEW_ITEM-EXT_CATEGORY_ID[1]")).toBe("31161500");
    expect(matgroupFor({ matgroup: { source: "category", codes: {} } }, { unspsc: "", categoryPath: [] })).toBe("");
  });

  it("maps MANUFACTCODE by manufacturer (any case), cut to 10", () => {
    const f = encode({ manufacturerCodes: { nordfix: "NF-0000000001" } }, [line(), line({ productId: 8, manufacturer: "Other" })]);
    expect(f.get("NEW_ITEM-MANUFACTCODE[1]")).toBe("NF-0000000");
    expect(f.has("NEW_ITEM-MANUFACTCODE[2]")).toBe(false);
  });

  it("fills CUST_FIELD1…5 from fixed values or product attributes, each within its length", () => {
    const f = encode({
      custFields: [
        { kind: "attribute", attribute: "manufacturer" },
        { kind: "fixed", value: "KOSTENSTELLE-4711" },
        { kind: "none" },
        { kind: "attribute", attribute: "sku" },
        { kind: "attribute", attribute: "unspsc" },
      ],
    });
    expect(f.get("NEW_ITEM-CUST_FIELD1[1]")).toBe("Nordfix");
    expect(f.get("NEW_ITEM-CUST_FIELD2[1]")).toBe("KOSTENSTEL");
    expect(f.has("NEW_ITEM-CUST_FIELD3[1]")).toBe(false);
    expect(f.get("NEW_ITEM-CUST_FIELD4[1]")).toBe("FAS-10001");
    expect(f.get("NEW_ITEM-CUST_FIELD5[1]")).toBe("31161500");
  });

  it("leaves LONGTEXT out and writes name + variant as DESCRIPTION when the profile says so", () => {
    const f = encode({ sendLongText: false, description: "name_and_variant" });
    expect(f.has("NEW_ITEM-LONGTEXT_1:132[]")).toBe(false);
    expect(f.get("NEW_ITEM-DESCRIPTION[1]")).toBe("Sechskantschraube M8x40 933-8-40");
  });
});

describe("allowed hook URLs", () => {
  const van = { allowedHooks: ["http://127.0.0.1:", "http://localhost:"], allowSapEvent: true };
  it("accepts any http(s) hook when the list is empty", () => {
    expect(hookAllowed({ allowedHooks: [], allowSapEvent: true }, "https://srm.example.com/sap/bc/gui?x=1")).toEqual({ ok: true });
  });
  it("matches prefixes and origins, and nothing that only looks like them", () => {
    expect(hookAllowed(van, "http://127.0.0.1:4010/hook")).toEqual({ ok: true });
    expect(hookAllowed(van, "http://localhost:8000/x")).toEqual({ ok: true });
    for (const bad of ["https://evil.example/hook", "http://127.0.0.1:80@evil.example/", "http://127.0.0.1.evil.example:80/", "https://127.0.0.1:4010/hook", "not a url"]) {
      expect(hookAllowed(van, bad).ok, bad).toBe(false);
    }
    const origin = { allowedHooks: ["https://SRM.example.com:443"], allowSapEvent: true };
    expect(hookAllowed(origin, "https://srm.example.com/sap/bc")).toEqual({ ok: true });
    expect(hookAllowed(origin, "https://srm.example.com.evil.example/sap")).toMatchObject({ ok: false, rule: expect.stringContaining("https://SRM.example.com:443") });
  });
  it("governs SAPEVENT hooks by their own switch", () => {
    expect(hookAllowed({ ...van, allowSapEvent: true }, "SAPEVENT:ADDI")).toEqual({ ok: true });
    expect(hookAllowed({ ...van, allowSapEvent: false }, "sapevent:ADDI")).toMatchObject({ ok: false });
  });
});
