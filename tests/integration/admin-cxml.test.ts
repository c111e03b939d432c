import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, customers, cxmlSettings, users } from "@/db/schema";
import { listAudit } from "@/lib/admin/audit";
import { getCustomerCxml, removeCustomerCxml, saveCustomerCxml, type CxmlSettingsFields } from "@/lib/admin/cxml-settings";
import { verifyPassword } from "@/lib/auth/password";
import { cxmlSettingsOf } from "@/lib/cxml/settings-store";
import { makeWorld } from "../support/fixtures";

const SECRET = "first-shared-secret-1";
const NEW_SECRET = "second-shared-secret-2";

function fieldsFor(suffix: string, defaultUserId: number | null, extra: Partial<CxmlSettingsFields> = {}): CxmlSettingsFields {
  return {
    enabled: true,
    fromDomain: "NetworkID",
    fromIdentity: `AN-FROM-${suffix}`,
    senderDomain: "NetworkID",
    senderIdentity: `AN-SENDER-${suffix}`,
    toDomain: "DUNS",
    toIdentity: "123456789",
    sharedSecret: SECRET,
    defaultUserId,
    returnField: "cxml-urlencoded",
    ...extra,
  };
}

const auditOf = async (w: Awaited<ReturnType<typeof makeWorld>>) => (await listAudit(w.adminViewer, { entity: "customer", entityId: w.b2b.id }))!.entries;

describe("the back office's cXML settings of a customer", () => {
  it("answers nothing to a non-operator and changes nothing", async () => {
    const w = await makeWorld();
    const suffix = w.b2b.debtorNumber!;
    expect(await getCustomerCxml(w.buyerViewer, w.b2b.id)).toBeNull();
    expect(await getCustomerCxml(null, w.b2b.id)).toBeNull();
    expect(await saveCustomerCxml(w.buyerViewer, { customerId: w.b2b.id, version: 0, fields: fieldsFor(suffix, w.buyer.id) })).toMatchObject({ ok: false, code: "not_found" });
    expect(await saveCustomerCxml(w.shopperViewer, { customerId: w.b2b.id, version: 0, fields: fieldsFor(suffix, w.buyer.id) })).toMatchObject({ ok: false, code: "not_found" });
    expect(await cxmlSettingsOf(w.b2b.id)).toBeNull();

    expect(await saveCustomerCxml(w.adminViewer, { customerId: w.b2b.id, version: 0, fields: fieldsFor(suffix, w.buyer.id) })).toMatchObject({ ok: true });
    const stored = await cxmlSettingsOf(w.b2b.id);
    expect(await removeCustomerCxml(w.buyerViewer, { customerId: w.b2b.id, version: 1 })).toMatchObject({ ok: false, code: "not_found" });
    expect(await saveCustomerCxml(w.buyerViewer, { customerId: w.b2b.id, version: 1, fields: fieldsFor(suffix, w.buyer.id, { enabled: false, sharedSecret: NEW_SECRET }) })).toMatchObject({ ok: false, code: "not_found" });
    expect(await cxmlSettingsOf(w.b2b.id)).toEqual(stored);
    expect(await w.db.select().from(auditLog).where(eq(auditLog.actorUserId, w.buyer.id))).toHaveLength(0);
  });

  it("refuses a first save without a shared secret, and validates every field", async () => {
    const w = await makeWorld();
    const first = await saveCustomerCxml(w.adminViewer, { customerId: w.b2b.id, version: 0, fields: fieldsFor("x", w.buyer.id, { sharedSecret: "" }) });
    expect(first).toMatchObject({ ok: false, code: "invalid", fields: { sharedSecret: expect.stringContaining("required") } });
    expect(await cxmlSettingsOf(w.b2b.id)).toBeNull();

    const bad = await saveCustomerCxml(w.adminViewer, {
      customerId: w.b2b.id,
      version: 0,
      fields: { ...fieldsFor("x", w.shopper.id), fromDomain: "  ", fromIdentity: "a\u0007b", toIdentity: "x".repeat(201), sharedSecret: "short", returnField: "cxml-json" as never },
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(Object.keys(bad.fields ?? {}).sort()).toEqual(["fromDomain", "fromIdentity", "returnField", "sharedSecret", "toIdentity"]);
    // A user of another customer is not a default punchout user of this one.
    expect(await saveCustomerCxml(w.adminViewer, { customerId: w.b2b.id, version: 0, fields: fieldsFor("x", w.shopper.id) })).toMatchObject({ ok: false, code: "invalid", fields: { defaultUserId: expect.any(String) } });
    expect(await cxmlSettingsOf(w.b2b.id)).toBeNull();
  });

  it("saves trimmed values, reads them back without the hash, and verifies only the newest secret", async () => {
    const w = await makeWorld();
    const suffix = w.b2b.debtorNumber!;
    const saved = await saveCustomerCxml(w.adminViewer, { customerId: w.b2b.id, version: 0, fields: { ...fieldsFor(suffix, w.buyer.id), fromIdentity: `  AN-FROM-${suffix} ` } });
    expect(saved).toEqual({ ok: true, id: w.b2b.id, changed: true });

    const read = await getCustomerCxml(w.adminViewer, w.b2b.id);
    expect(read!.settings).toMatchObject({ fromIdentity: `AN-FROM-${suffix}`, secretSet: true, version: 1, defaultUserId: w.buyer.id, returnField: "cxml-urlencoded" });
    expect(JSON.stringify(read)).not.toMatch(/scrypt|sharedSecretHash|\$/);
    expect(read!.users.map((u) => u.id)).toEqual([w.buyer.id]);
    const firstHash = (await cxmlSettingsOf(w.b2b.id))!.sharedSecretHash;
    expect(await verifyPassword(SECRET, firstHash)).toBe(true);

    // An empty secret keeps the stored hash.
    expect(await saveCustomerCxml(w.adminViewer, { customerId: w.b2b.id, version: 1, fields: fieldsFor(suffix, w.buyer.id, { sharedSecret: "", returnField: "cxml-base64" }) })).toMatchObject({ ok: true, changed: true });
    expect((await cxmlSettingsOf(w.b2b.id))!.sharedSecretHash).toBe(firstHash);

    expect(await saveCustomerCxml(w.adminViewer, { customerId: w.b2b.id, version: 2, fields: fieldsFor(suffix, w.buyer.id, { sharedSecret: NEW_SECRET, returnField: "cxml-base64" }) })).toMatchObject({ ok: true, changed: true });
    const row = (await cxmlSettingsOf(w.b2b.id))!;
    expect(row.version).toBe(3);
    expect(await verifyPassword(NEW_SECRET, row.sharedSecretHash)).toBe(true);
    expect(await verifyPassword(SECRET, row.sharedSecretHash)).toBe(false);
  });

  it("writes nothing when nothing changed (the stored secret typed again included)", async () => {
    const w = await makeWorld();
    const suffix = w.b2b.debtorNumber!;
    await saveCustomerCxml(w.adminViewer, { customerId: w.b2b.id, version: 0, fields: fieldsFor(suffix, w.buyer.id) });
    const before = await cxmlSettingsOf(w.b2b.id);
    const entries = (await auditOf(w)).length;
    expect(await saveCustomerCxml(w.adminViewer, { customerId: w.b2b.id, version: 1, fields: fieldsFor(suffix, w.buyer.id, { sharedSecret: "" }) })).toEqual({ ok: true, id: w.b2b.id, changed: false });
    expect(await saveCustomerCxml(w.adminViewer, { customerId: w.b2b.id, version: 1, fields: fieldsFor(suffix, w.buyer.id, { sharedSecret: SECRET }) })).toEqual({ ok: true, id: w.b2b.id, changed: false });
    expect(await cxmlSettingsOf(w.b2b.id)).toEqual(before);
    expect(await auditOf(w)).toHaveLength(entries);
  });

  it("refuses a save from a stale version and keeps the newer one", async () => {
    const w = await makeWorld();
    const suffix = w.b2b.debtorNumber!;
    await saveCustomerCxml(w.adminViewer, { customerId: w.b2b.id, version: 0, fields: fieldsFor(suffix, w.buyer.id) });
    await saveCustomerCxml(w.adminViewer, { customerId: w.b2b.id, version: 1, fields: fieldsFor(suffix, w.buyer.id, { sharedSecret: "", enabled: false }) });
    const stale = await saveCustomerCxml(w.adminViewer, { customerId: w.b2b.id, version: 1, fields: fieldsFor(suffix, w.buyer.id, { sharedSecret: "", toIdentity: "999" }) });
    expect(stale).toMatchObject({ ok: false, code: "conflict", message: expect.stringContaining("changed by someone else — reload") });
    // A second "first save" while one exists is stale too.
    expect(await saveCustomerCxml(w.adminViewer, { customerId: w.b2b.id, version: 0, fields: fieldsFor(suffix, w.buyer.id) })).toMatchObject({ ok: false, code: "conflict" });
    expect(await removeCustomerCxml(w.adminViewer, { customerId: w.b2b.id, version: 1 })).toMatchObject({ ok: false, code: "conflict" });
    expect(await cxmlSettingsOf(w.b2b.id)).toMatchObject({ version: 2, enabled: false, toIdentity: "123456789" });
  });

  it("refuses a From identity another customer uses (in any case)", async () => {
    const w = await makeWorld();
    const other = await makeWorld();
    const suffix = w.b2b.debtorNumber!;
    expect(await saveCustomerCxml(w.adminViewer, { customerId: w.b2b.id, version: 0, fields: fieldsFor(suffix, w.buyer.id) })).toMatchObject({ ok: true });
    const taken = await saveCustomerCxml(other.adminViewer, { customerId: other.b2b.id, version: 0, fields: fieldsFor(suffix.toLowerCase(), other.buyer.id, { fromDomain: "networkid", fromIdentity: `an-from-${suffix.toLowerCase()}` }) });
    expect(taken).toMatchObject({ ok: false, code: "refused", fields: { fromIdentity: expect.any(String) } });
    expect(await cxmlSettingsOf(other.b2b.id)).toBeNull();
  });

  it("audits each attribute with the default user by e-mail and the secret only as changed", async () => {
    const w = await makeWorld();
    const suffix = w.b2b.debtorNumber!;
    const [second] = await w.db.insert(users).values({ customerId: w.b2b.id, email: `second-${suffix}@example.com`, name: "Second", passwordHash: "x" }).returning();
    await saveCustomerCxml(w.adminViewer, { customerId: w.b2b.id, version: 0, fields: fieldsFor(suffix, w.buyer.id) });
    await saveCustomerCxml(w.adminViewer, { customerId: w.b2b.id, version: 1, fields: fieldsFor(suffix, second!.id, { sharedSecret: NEW_SECRET, enabled: false }) });
    const [latest, created] = await auditOf(w);
    expect(created!.action).toBe("cxml settings");
    expect(created!.entityLabel).toBe(w.b2b.debtorNumber);
    expect(created!.changes.map((c) => c.field)).toEqual(["enabled", "fromDomain", "fromIdentity", "senderDomain", "senderIdentity", "toDomain", "toIdentity", "defaultUser", "returnField", "sharedSecret"]);
    expect(latest!.changes).toEqual([
      { field: "enabled", from: "true", to: "false" },
      { field: "defaultUser", from: w.buyer.email, to: second!.email },
      { field: "sharedSecret", from: null, to: "changed" },
    ]);
    const everything = JSON.stringify(await w.db.select().from(auditLog));
    expect(everything).not.toContain(SECRET);
    expect(everything).not.toContain(NEW_SECRET);
    expect(everything).not.toContain((await cxmlSettingsOf(w.b2b.id))!.sharedSecretHash);

    // A disabled default user stays selectable as stored, but cannot be newly chosen.
    await w.db.update(users).set({ active: false }).where(eq(users.id, second!.id));
    expect((await getCustomerCxml(w.adminViewer, w.b2b.id))!.users.map((u) => [u.id, u.active])).toEqual([[w.buyer.id, true], [second!.id, false]]);
    expect(await saveCustomerCxml(w.adminViewer, { customerId: w.b2b.id, version: 2, fields: fieldsFor(suffix, second!.id, { sharedSecret: "", enabled: true }) })).toMatchObject({ ok: true, changed: true });
    await w.db.update(users).set({ active: true }).where(eq(users.id, second!.id));
  });

  it("removes the settings, audited, and refuses consumers a first save", async () => {
    const w = await makeWorld();
    const suffix = w.b2b.debtorNumber!;
    await saveCustomerCxml(w.adminViewer, { customerId: w.b2b.id, version: 0, fields: fieldsFor(suffix, w.buyer.id) });
    expect(await removeCustomerCxml(w.adminViewer, { customerId: w.b2b.id, version: 1 })).toEqual({ ok: true, id: w.b2b.id });
    expect(await w.db.select().from(cxmlSettings).where(eq(cxmlSettings.customerId, w.b2b.id))).toHaveLength(0);
    const [removed] = await auditOf(w);
    expect(removed!.action).toBe("cxml settings removed");
    expect(removed!.changes.at(-1)).toEqual({ field: "sharedSecret", from: "set", to: "removed" });
    expect(await getCustomerCxml(w.adminViewer, w.b2b.id)).toMatchObject({ settings: { version: 0, secretSet: false } });

    expect(await saveCustomerCxml(w.adminViewer, { customerId: w.consumer.id, version: 0, fields: fieldsFor(`c-${suffix}`, w.shopper.id) })).toMatchObject({ ok: false, code: "refused" });
    const [consumer] = await w.db.select().from(customers).where(eq(customers.id, w.consumer.id));
    expect(await cxmlSettingsOf(consumer!.id)).toBeNull();
  });
});
