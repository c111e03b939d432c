import "server-only";
import { and, eq } from "drizzle-orm";
import { customers, ociProfiles } from "@/db/schema";
import type { Viewer } from "@/lib/auth/session-viewer";
import { getDb } from "@/lib/db/client";
import type { OciProfile } from "@/lib/oci/profile";
import { ociProfileOf } from "@/lib/oci/profile-store";
import { changesBetween, recordAudit } from "./audit";
import { adminOf } from "./operator";
import { conflict, NOT_FOUND, type WriteResult } from "./result";

const AUDITED = ["vendorNumber", "manufacturerCodes", "matgroup", "unitCodes", "custFields", "defaultCharset", "sendLongText", "description", "allowedHooks", "allowSapEvent", "frameOrigins", "idleMinutes"] as const;

export async function getOciProfileForAdmin(viewer: Viewer | null, customerId: number) {
  if (!adminOf(viewer)) return null;
  const db = await getDb();
  const [customer] = await db.select({ id: customers.id, name: customers.name, kind: customers.kind, debtorNumber: customers.debtorNumber, ociVendorNumber: customers.ociVendorNumber }).from(customers).where(eq(customers.id, customerId)).limit(1);
  if (!customer) return null;
  return { customer, ...(await ociProfileOf(customerId, db)) };
}

/**
 * The one writer of oci_profiles. Saved from `version` (0: the customer had none yet); the next
 * punchout call and the next transfer use it, stored transfers keep what they sent. VENDOR is also
 * kept on the customer, where the customer form shows it.
 */
export async function saveOciProfile(viewer: Viewer | null, customerId: number, version: number, profile: OciProfile): Promise<WriteResult<{ id: number }>> {
  const admin = adminOf(viewer);
  if (!admin) return NOT_FOUND;
  const db = await getDb();
  return db.transaction(async (tx): Promise<WriteResult<{ id: number }>> => {
    const [customer] = await tx.select({ id: customers.id, debtorNumber: customers.debtorNumber, name: customers.name, version: customers.version }).from(customers).where(eq(customers.id, customerId)).for("update").limit(1);
    if (!customer) return NOT_FOUND;
    const before = await ociProfileOf(customerId, tx);
    if (before.version !== version) return conflict("OCI profile");
    const changes = changesBetween(before.profile, profile, AUDITED);
    if (changes.length === 0) return { ok: true, id: customerId };
    if (version === 0) await tx.insert(ociProfiles).values({ customerId, profile, version: 1 });
    else await tx.update(ociProfiles).set({ profile, version: version + 1, updatedAt: new Date() }).where(and(eq(ociProfiles.customerId, customerId), eq(ociProfiles.version, version)));
    // VENDOR is the customer's column: a customer form opened before this save must not write the old one back.
    if (profile.vendorNumber !== before.profile.vendorNumber) await tx.update(customers).set({ ociVendorNumber: profile.vendorNumber, version: customer.version + 1 }).where(eq(customers.id, customerId));
    await recordAudit(tx, admin, { entity: "customer", entityId: customerId, entityLabel: customer.debtorNumber ?? customer.name, action: "oci profile", changes });
    return { ok: true, id: customerId };
  });
}
