import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { customers, ociProfiles } from "@/db/schema";
import { listAudit } from "@/lib/admin/audit";
import { saveOciProfile } from "@/lib/admin/oci-profiles";
import { DEFAULT_PROFILE } from "@/lib/oci/profile";
import { ociProfileOf } from "@/lib/oci/profile-store";
import { ociProfileSchema, storedProfile } from "@/lib/oci/profile-schema";
import { makeWorld } from "../support/fixtures";

describe("per-customer OCI profiles", () => {
  it("defaults without a row, with the customer's VENDOR", async () => {
    const w = await makeWorld();
    expect(await ociProfileOf(w.b2b.id)).toEqual({ profile: { ...DEFAULT_PROFILE, vendorNumber: "4711" }, version: 0 });
  });

  it("is saved by operators only, versioned and audited per option", async () => {
    const w = await makeWorld();
    const mapped = { ...DEFAULT_PROFILE, vendorNumber: "V-2002", unitCodes: { C62: "PCE" }, allowedHooks: ["http://127.0.0.1:"] };
    expect(await saveOciProfile(w.buyerViewer, w.b2b.id, 0, mapped)).toMatchObject({ ok: false, code: "not_found" });
    expect(await w.db.select().from(ociProfiles).where(eq(ociProfiles.customerId, w.b2b.id))).toHaveLength(0);

    expect(await saveOciProfile(w.adminViewer, w.b2b.id, 0, mapped)).toEqual({ ok: true, id: w.b2b.id });
    expect(await ociProfileOf(w.b2b.id)).toEqual({ profile: mapped, version: 1 });
    const [customer] = await w.db.select().from(customers).where(eq(customers.id, w.b2b.id));
    expect(customer!.ociVendorNumber).toBe("V-2002");
    // A second save from the old version is refused and changes nothing.
    expect(await saveOciProfile(w.adminViewer, w.b2b.id, 0, { ...mapped, unitCodes: {} })).toMatchObject({ ok: false, code: "conflict" });
    expect((await ociProfileOf(w.b2b.id)).profile.unitCodes).toEqual({ C62: "PCE" });
    const history = await listAudit(w.adminViewer, { entity: "customer", entityId: w.b2b.id });
    expect(history!.entries[0]!.changes.map((c) => c.field)).toEqual(["vendorNumber", "unitCodes", "allowedHooks"]);
    expect(history!.entries[0]!.changes[1]).toEqual({ field: "unitCodes", from: "{}", to: '{"C62":"PCE"}' });
  });

  it("validates what the form sends and keeps what still parses of an old stored profile", () => {
    const bad = ociProfileSchema.safeParse({ ...DEFAULT_PROFILE, vendorNumber: "12345678901", unitCodes: { c62: "PCE" }, allowedHooks: ["javascript:alert(1)"], frameOrigins: ["https://portal.example.com/path"] });
    expect(bad.success).toBe(false);
    expect(new Set(bad.error!.issues.map((i) => i.path[0]))).toEqual(new Set(["vendorNumber", "unitCodes", "allowedHooks", "frameOrigins"]));
    expect(ociProfileSchema.parse({ ...DEFAULT_PROFILE, frameOrigins: ["HTTPS://Portal.Example.com:443/"] }).frameOrigins).toEqual(["https://portal.example.com"]);
    expect(storedProfile({ unitCodes: { PR: "PAA" }, matgroup: { source: "nonsense" } })).toEqual({ ...DEFAULT_PROFILE, unitCodes: { PR: "PAA" } });
  });
});
