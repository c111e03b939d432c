import { describe, expect, it } from "vitest";
import { profileFormValues, profileFromForm } from "@/lib/admin/oci-profile-form";
import { DEFAULT_PROFILE, type OciProfile } from "@/lib/oci/profile";

describe("the OCI profile form", () => {
  it("round-trips every option", () => {
    const profile: OciProfile = {
      vendorNumber: "V-2002",
      manufacturerCodes: { Nordfix: "NF1" },
      matgroup: { source: "category", codes: { "3": "FAST" } },
      unitCodes: { C62: "PCE", PR: "PAA" },
      custFields: [{ kind: "attribute", attribute: "manufacturer" }, { kind: "fixed", value: "KST-1" }, { kind: "none" }, { kind: "none" }, { kind: "attribute", attribute: "sku" }],
      defaultCharset: "iso-8859-1",
      sendLongText: false,
      description: "name_and_variant",
      allowedHooks: ["http://127.0.0.1:", "https://srm.example.com"],
      allowSapEvent: false,
      frameOrigins: ["https://portal.example.com"],
      idleMinutes: 30,
    };
    expect(profileFromForm(profileFormValues(profile), [3, 4])).toEqual({ ok: true, profile });
    expect(profileFromForm(profileFormValues(DEFAULT_PROFILE), [])).toEqual({ ok: true, profile: DEFAULT_PROFILE });
  });

  it("says which line of which field is wrong", () => {
    const values = { ...profileFormValues(DEFAULT_PROFILE), unitCodes: "C62 = PCE\nPR", allowedHooks: "http://127.0.0.1:\njavascript:alert(1)", vendorNumber: "TOO-LONG-VENDOR", idleMinutes: "2", matgroupSource: "fixed", matgroupFixed: "" };
    const result = profileFromForm(values, []);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fields.unitCodes).toMatch(/Line 2/);
    expect(result.fields.allowedHooks).toMatch(/Line 2/);
    expect(result.fields.vendorNumber).toMatch(/at most 10/);
    expect(result.fields.idleMinutes).toMatch(/5 to 10080/);
    expect(result.fields.matgroupFixed).toMatch(/empty/);
  });
});
