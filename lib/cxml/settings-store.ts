import "server-only";
import { and, eq, or, sql } from "drizzle-orm";
import { customers, cxmlSettings, type CxmlCredential } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { getDb, type Db, type Tx } from "@/lib/db/client";

/**
 * The one owner of `cxml_settings`: a customer's cXML identities, the hashed shared secret, the
 * default punchout user and the return field. The setup reads through `settingsForFrom`; the back
 * office and the seed write through `saveCxmlSettings`.
 */
export type CxmlSettings = typeof cxmlSettings.$inferSelect;

export type CxmlSettingsInput = {
  enabled: boolean;
  from: CxmlCredential;
  sender: CxmlCredential;
  to: CxmlCredential;
  /** A new shared secret; null keeps the stored one. */
  sharedSecret: string | null;
  defaultUserId: number | null;
  returnField: CxmlSettings["returnField"];
};

/** The settings a setup request's From credentials name (one customer per identity), with the customer's state. */
export async function settingsForFrom(from: readonly CxmlCredential[], db?: Db): Promise<(CxmlSettings & { customerActive: boolean }) | null> {
  if (from.length === 0) return null;
  const conn = db ?? (await getDb());
  const matches = from.slice(0, 5).map((c) => and(sql`lower(${cxmlSettings.fromDomain}) = ${c.domain.toLowerCase()}`, sql`lower(${cxmlSettings.fromIdentity}) = ${c.identity.toLowerCase()}`));
  const [row] = await conn
    .select({ settings: cxmlSettings, customerActive: customers.active })
    .from(cxmlSettings)
    .innerJoin(customers, eq(customers.id, cxmlSettings.customerId))
    .where(or(...matches))
    .limit(1);
  return row ? { ...row.settings, customerActive: row.customerActive } : null;
}

export async function cxmlSettingsOf(customerId: number, db?: Db | Tx): Promise<CxmlSettings | null> {
  const conn = db ?? (await getDb());
  const [row] = await conn.select().from(cxmlSettings).where(eq(cxmlSettings.customerId, customerId)).limit(1);
  return row ?? null;
}

export type SaveResult = { ok: true; settings: CxmlSettings } | { ok: false; reason: "secret_required" | "identity_taken" };

/**
 * Creates or replaces a customer's settings inside the caller's transaction. A first save needs a
 * shared secret; later ones keep the stored hash unless a new secret is given.
 */
export async function saveCxmlSettings(tx: Tx | Db, customerId: number, input: CxmlSettingsInput): Promise<SaveResult> {
  const existing = await cxmlSettingsOf(customerId, tx);
  if (!existing && !input.sharedSecret) return { ok: false, reason: "secret_required" };
  const [taken] = await tx
    .select({ customerId: cxmlSettings.customerId })
    .from(cxmlSettings)
    .where(and(sql`lower(${cxmlSettings.fromDomain}) = ${input.from.domain.toLowerCase()}`, sql`lower(${cxmlSettings.fromIdentity}) = ${input.from.identity.toLowerCase()}`, sql`${cxmlSettings.customerId} <> ${customerId}`))
    .limit(1);
  if (taken) return { ok: false, reason: "identity_taken" };
  const values = {
    enabled: input.enabled,
    fromDomain: input.from.domain,
    fromIdentity: input.from.identity,
    senderDomain: input.sender.domain,
    senderIdentity: input.sender.identity,
    toDomain: input.to.domain,
    toIdentity: input.to.identity,
    defaultUserId: input.defaultUserId,
    returnField: input.returnField,
    sharedSecretHash: input.sharedSecret ? await hashPassword(input.sharedSecret) : existing!.sharedSecretHash,
  };
  const [row] = existing
    ? await tx
        .update(cxmlSettings)
        .set({ ...values, version: sql`${cxmlSettings.version} + 1`, updatedAt: sql`now()` })
        .where(eq(cxmlSettings.customerId, customerId))
        .returning()
    : await tx
        .insert(cxmlSettings)
        .values({ customerId, ...values })
        .returning();
  return { ok: true, settings: row! };
}

export async function deleteCxmlSettings(tx: Tx | Db, customerId: number): Promise<void> {
  await tx.delete(cxmlSettings).where(eq(cxmlSettings.customerId, customerId));
}

/** The settings row locked `for update` inside the caller's transaction (null: none yet), for a compare-and-write. */
export async function lockCxmlSettings(tx: Tx, customerId: number): Promise<CxmlSettings | null> {
  const [row] = await tx.select().from(cxmlSettings).where(eq(cxmlSettings.customerId, customerId)).for("update").limit(1);
  return row ?? null;
}
