import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { customers, users, type AuditChange } from "@/db/schema";
import type { Viewer } from "@/lib/auth/session-viewer";
import { PasswordHashBusyError, verifyPassword } from "@/lib/auth/password";
import { cxmlSettingsOf, deleteCxmlSettings, lockCxmlSettings, saveCxmlSettings, type CxmlSettings } from "@/lib/cxml/settings-store";
import { getDb, type Tx } from "@/lib/db/client";
import { fieldErrors } from "@/lib/http/json";
import { changesBetween, recordAudit } from "./audit";
import { adminOf } from "./operator";
import { conflict, invalid, NOT_FOUND, refused, type WriteResult } from "./result";
import { isUniqueViolation } from "./unique-violation";

export const CXML_RETURN_FIELDS = ["cxml-urlencoded", "cxml-base64"] as const;
export type CxmlReturnField = (typeof CXML_RETURN_FIELDS)[number];

// Identities end up in XML documents and log lines; nobody types control characters on purpose.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label}: at most ${max} characters`)
    .refine((v) => !CONTROL.test(v), `${label} contains control characters`);

/**
 * A new shared secret, as typed: never trimmed (the setup compares it byte for byte), so spaces at
 * either end are refused rather than silently kept. Empty: keep the stored one.
 */
const secret = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v === "" ? null : v))
  .pipe(
    z
      .string()
      .min(12, "Shared secret: at least 12 characters")
      .max(200, "Shared secret: at most 200 characters")
      .refine((v) => !CONTROL.test(v), "Shared secret contains control characters")
      .refine((v) => v.trim() === v, "Shared secret: no spaces at the start or the end")
      .nullable(),
  );

const userId = z
  .union([z.string(), z.number(), z.null(), z.undefined()])
  .transform((v, ctx) => {
    if (v === null || v === undefined || v === "") return null;
    const n = Number(v);
    if (!Number.isSafeInteger(n) || n <= 0 || n > 2_147_483_647) {
      ctx.addIssue({ code: "custom", message: "Choose one of this customer's users" });
      return z.NEVER;
    }
    return n;
  });

/** What the settings form sends (field names are the form's). */
export const cxmlSettingsFields = z.object({
  enabled: z.boolean(),
  fromDomain: text("From domain", 100),
  fromIdentity: text("From identity", 200),
  senderDomain: text("Sender domain", 100),
  senderIdentity: text("Sender identity", 200),
  toDomain: text("To domain", 100),
  toIdentity: text("To identity", 200),
  sharedSecret: secret,
  defaultUserId: userId,
  returnField: z.enum(CXML_RETURN_FIELDS, { error: "Choose cxml-urlencoded or cxml-base64" }),
});

export type CxmlSettingsFields = z.input<typeof cxmlSettingsFields>;

/** The settings as the page shows them: never the hash, only whether a secret is set. */
export type CxmlSettingsView = {
  enabled: boolean;
  fromDomain: string;
  fromIdentity: string;
  senderDomain: string;
  senderIdentity: string;
  toDomain: string;
  toIdentity: string;
  defaultUserId: number | null;
  returnField: CxmlReturnField;
  secretSet: boolean;
  /** 0: the customer has no settings yet. */
  version: number;
  updatedAt: Date | null;
};

const AUDITED = ["enabled", "fromDomain", "fromIdentity", "senderDomain", "senderIdentity", "toDomain", "toIdentity", "defaultUser", "returnField"] as const;
type Audited = Record<(typeof AUDITED)[number], string | boolean | null>;

function viewOf(row: CxmlSettings | null): CxmlSettingsView {
  if (!row) {
    return { enabled: true, fromDomain: "", fromIdentity: "", senderDomain: "", senderIdentity: "", toDomain: "", toIdentity: "", defaultUserId: null, returnField: "cxml-urlencoded", secretSet: false, version: 0, updatedAt: null };
  }
  return {
    enabled: row.enabled,
    fromDomain: row.fromDomain,
    fromIdentity: row.fromIdentity,
    senderDomain: row.senderDomain,
    senderIdentity: row.senderIdentity,
    toDomain: row.toDomain,
    toIdentity: row.toIdentity,
    defaultUserId: row.defaultUserId,
    returnField: row.returnField,
    secretSet: Boolean(row.sharedSecretHash),
    version: row.version,
    updatedAt: row.updatedAt,
  };
}

/** The customer, its settings (without the hash) and its users for the default-user select. */
export async function getCustomerCxml(viewer: Viewer | null, customerId: number) {
  if (!adminOf(viewer)) return null;
  const db = await getDb();
  const [customer] = await db.select({ id: customers.id, name: customers.name, kind: customers.kind, debtorNumber: customers.debtorNumber }).from(customers).where(eq(customers.id, customerId)).limit(1);
  if (!customer) return null;
  const [row, members] = await Promise.all([
    cxmlSettingsOf(customerId, db),
    db
      .select({ id: users.id, email: users.email, name: users.name, active: users.active })
      .from(users)
      .where(eq(users.customerId, customerId))
      .orderBy(desc(users.isPrimary), asc(users.email)),
  ]);
  const settings = viewOf(row);
  // The select offers active users; a stored default user who was disabled since stays visible (marked) so saving does not drop it silently.
  const userChoices = members.filter((u) => u.active || u.id === settings.defaultUserId);
  return { customer, settings, users: userChoices };
}

async function userEmail(tx: Tx, customerId: number, id: number | null): Promise<{ email: string; active: boolean } | null> {
  if (id === null) return null;
  const [user] = await tx.select({ email: users.email, active: users.active }).from(users).where(and(eq(users.id, id), eq(users.customerId, customerId))).limit(1);
  return user ?? null;
}

const SECRET_CHANGED: AuditChange = { field: "sharedSecret", from: null, to: "changed" };
const IDENTITY_TAKEN = refused("Another customer already uses this From credential (domain and identity). Each setup request must name exactly one customer.", {
  fromIdentity: "Another customer already uses this From domain and identity",
});
const BUSY = refused("The shop is busy checking passwords. Save again in a few seconds.");

/**
 * Creates or changes a customer's cXML settings, saved from the `version` the form was loaded at
 * (0: the customer had none). A first save needs a shared secret; an empty secret keeps the stored
 * one. Audited per attribute; the secret only as "changed". Saving what is stored writes nothing.
 */
export async function saveCustomerCxml(viewer: Viewer | null, input: { customerId: number; version: number; fields: CxmlSettingsFields }): Promise<WriteResult<{ id: number; changed: boolean }>> {
  const admin = adminOf(viewer);
  if (!admin) return NOT_FOUND;
  const parsed = cxmlSettingsFields.safeParse(input.fields);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const fields = parsed.data;
  const { customerId, version } = input;
  if (!Number.isSafeInteger(customerId) || customerId <= 0 || !Number.isSafeInteger(version) || version < 0) return NOT_FOUND;
  const db = await getDb();
  try {
    return await db.transaction(async (tx): Promise<WriteResult<{ id: number; changed: boolean }>> => {
      // The customer row serialises a first save (there is no settings row to lock yet).
      const [customer] = await tx.select({ id: customers.id, name: customers.name, kind: customers.kind, debtorNumber: customers.debtorNumber }).from(customers).where(eq(customers.id, customerId)).for("update").limit(1);
      if (!customer) return NOT_FOUND;
      const before = await lockCxmlSettings(tx, customerId);
      if ((before?.version ?? 0) !== version) return conflict("cXML setting");
      if (customer.kind !== "b2b" && !before) return refused("cXML punchout is for business customers only.");
      if (!before && fields.sharedSecret === null) return invalid({ sharedSecret: "A shared secret is required for the first save" }, "A shared secret is required: the procurement system sends it with every setup request.");

      const user = await userEmail(tx, customerId, fields.defaultUserId);
      const keepsStoredUser = before !== null && fields.defaultUserId === before.defaultUserId;
      if (fields.defaultUserId !== null && (!user || (!user.active && !keepsStoredUser))) {
        return invalid({ defaultUserId: "Choose one of this customer's active users" });
      }
      const beforeUser = before ? (before.defaultUserId === fields.defaultUserId ? user : await userEmail(tx, customerId, before.defaultUserId)) : null;
      const auditBefore: Audited | null = before
        ? { ...pick(before), defaultUser: beforeUser?.email ?? null }
        : null;
      const auditAfter: Audited = { ...pick(fields), defaultUser: user?.email ?? null };
      const changes = changesBetween<Audited>(auditBefore, auditAfter, AUDITED);
      // A secret typed again as it is stored is no change (the hash would differ, the secret does not).
      const secretChanged = fields.sharedSecret !== null && !(before && (await verifyPassword(fields.sharedSecret, before.sharedSecretHash)));
      if (secretChanged) changes.push(SECRET_CHANGED);
      if (changes.length === 0) return { ok: true, id: customerId, changed: false };

      const saved = await saveCxmlSettings(tx, customerId, {
        enabled: fields.enabled,
        from: { domain: fields.fromDomain, identity: fields.fromIdentity },
        sender: { domain: fields.senderDomain, identity: fields.senderIdentity },
        to: { domain: fields.toDomain, identity: fields.toIdentity },
        sharedSecret: secretChanged ? fields.sharedSecret : null,
        defaultUserId: fields.defaultUserId,
        returnField: fields.returnField,
      });
      if (!saved.ok) {
        if (saved.reason === "identity_taken") return IDENTITY_TAKEN;
        return invalid({ sharedSecret: "A shared secret is required for the first save" });
      }
      await recordAudit(tx, admin, { entity: "customer", entityId: customerId, entityLabel: customer.debtorNumber ?? customer.name, action: "cxml settings", changes });
      return { ok: true, id: customerId, changed: true };
    });
  } catch (error) {
    // Another operator gave another customer the same From credential a moment earlier.
    if (isUniqueViolation(error, "cxml_settings_from_idx")) return IDENTITY_TAKEN;
    if (error instanceof PasswordHashBusyError) return BUSY;
    throw error;
  }
}

function pick(v: Pick<CxmlSettings, "enabled" | "fromDomain" | "fromIdentity" | "senderDomain" | "senderIdentity" | "toDomain" | "toIdentity" | "returnField">) {
  return { enabled: v.enabled, fromDomain: v.fromDomain, fromIdentity: v.fromIdentity, senderDomain: v.senderDomain, senderIdentity: v.senderIdentity, toDomain: v.toDomain, toIdentity: v.toIdentity, returnField: v.returnField };
}

/**
 * Removes a customer's cXML settings (its setup requests are refused from then on), from the
 * `version` the page showed. Audited with the values it had; the secret only as "removed".
 */
export async function removeCustomerCxml(viewer: Viewer | null, input: { customerId: number; version: number }): Promise<WriteResult<{ id: number }>> {
  const admin = adminOf(viewer);
  if (!admin) return NOT_FOUND;
  const { customerId, version } = input;
  if (!Number.isSafeInteger(customerId) || customerId <= 0 || !Number.isSafeInteger(version) || version <= 0) return NOT_FOUND;
  const db = await getDb();
  return db.transaction(async (tx): Promise<WriteResult<{ id: number }>> => {
    const [customer] = await tx.select({ id: customers.id, name: customers.name, debtorNumber: customers.debtorNumber }).from(customers).where(eq(customers.id, customerId)).for("update").limit(1);
    if (!customer) return NOT_FOUND;
    const before = await lockCxmlSettings(tx, customerId);
    if (!before || before.version !== version) return conflict("cXML setting");
    const beforeUser = await userEmail(tx, customerId, before.defaultUserId);
    const gone: Audited = { enabled: null, fromDomain: null, fromIdentity: null, senderDomain: null, senderIdentity: null, toDomain: null, toIdentity: null, defaultUser: null, returnField: null };
    const changes = [...changesBetween<Audited>({ ...pick(before), defaultUser: beforeUser?.email ?? null }, gone, AUDITED), { field: "sharedSecret", from: "set", to: "removed" }];
    await deleteCxmlSettings(tx, customerId);
    await recordAudit(tx, admin, { entity: "customer", entityId: customerId, entityLabel: customer.debtorNumber ?? customer.name, action: "cxml settings removed", changes });
    return { ok: true, id: customerId };
  });
}
