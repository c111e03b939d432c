import "server-only";
import { eq } from "drizzle-orm";
import { customers, ociProfiles } from "@/db/schema";
import { getDb, type Db, type Tx } from "@/lib/db/client";
import { DEFAULT_PROFILE, type OciProfile } from "./profile";
import { storedProfile } from "./profile-schema";

/**
 * A customer's OCI profile as the next call and the next transfer use it (no row: the defaults,
 * version 0). VENDOR lives on the customer (the customer form edits it too): it is read from there.
 */
export async function ociProfileOf(customerId: number, db?: Db | Tx): Promise<{ profile: OciProfile; version: number }> {
  const d = db ?? (await getDb());
  const [row] = await d
    .select({ vendorNumber: customers.ociVendorNumber, profile: ociProfiles.profile, version: ociProfiles.version })
    .from(customers)
    .leftJoin(ociProfiles, eq(ociProfiles.customerId, customers.id))
    .where(eq(customers.id, customerId))
    .limit(1);
  const profile = row?.profile ? storedProfile(row.profile) : DEFAULT_PROFILE;
  return { profile: { ...profile, vendorNumber: row?.vendorNumber ?? null }, version: row?.version ?? 0 };
}
