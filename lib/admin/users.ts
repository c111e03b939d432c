import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import { customers, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/session-viewer";
import { PasswordHashBusyError, hashPassword } from "@/lib/auth/password";
import { endUserSessions } from "@/lib/auth/sessions";
import { getDb, type Tx } from "@/lib/db/client";
import { changesBetween, recordAudit } from "./audit";
import type { UserFields } from "./customer-schema";
import { adminOf } from "./operator";
import { generatePassword } from "./new-password";
import { conflict, invalid, NOT_FOUND, refused, type WriteResult } from "./result";
import { USER_AUDITED, emailTakenMessage, isUniqueViolation, userAuditView } from "./user-rules";

const EMAIL_INDEX = "users_email_lower_idx";
const HASH_BUSY = refused("The server is busy right now. Please try again in a few seconds.");

/** One user as the back office shows it: never the password hash. */
export async function getUserForAdmin(viewer: Viewer | null, id: number) {
  if (!adminOf(viewer)) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      id: users.id,
      customerId: users.customerId,
      customerName: customers.name,
      email: users.email,
      name: users.name,
      role: users.role,
      active: users.active,
      isPrimary: users.isPrimary,
      version: users.version,
      createdAt: users.createdAt,
    })
    .from(users)
    .innerJoin(customers, eq(customers.id, users.customerId))
    .where(eq(users.id, id))
    .limit(1);
  return row ?? null;
}

async function hashed(password: string): Promise<string | null> {
  try {
    // Before any transaction: scrypt takes a while and needs no lock.
    return await hashPassword(password);
  } catch (error) {
    if (error instanceof PasswordHashBusyError) return null;
    throw error;
  }
}

async function emailUsedByOther(tx: Tx, email: string, exceptId: number): Promise<boolean> {
  const [row] = await tx.select({ id: users.id }).from(users).where(and(sql`lower(${users.email}) = ${email.toLowerCase()}`, ne(users.id, exceptId))).limit(1);
  return Boolean(row);
}

async function lockUser(tx: Tx, id: number) {
  const [row] = await tx.select({ id: users.id, email: users.email, name: users.name, role: users.role, active: users.active, version: users.version }).from(users).where(eq(users.id, id)).for("update").limit(1);
  return row ?? null;
}

/**
 * Adds a user to a customer with a generated password, answered once and stored only as its hash.
 * The customer's first user becomes its primary one (the debtor-number login).
 */
export async function createUser(viewer: Viewer | null, customerId: number, fields: UserFields): Promise<WriteResult<{ id: number; email: string; password: string }>> {
  const admin = adminOf(viewer);
  if (!admin) return NOT_FOUND;
  const password = generatePassword();
  const passwordHash = await hashed(password);
  if (!passwordHash) return HASH_BUSY;
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      // Locked so two additions at once cannot both become the primary user.
      const [customer] = await tx.select({ id: customers.id }).from(customers).where(eq(customers.id, customerId)).for("update").limit(1);
      if (!customer) return NOT_FOUND;
      const [primary] = await tx.select({ id: users.id }).from(users).where(and(eq(users.customerId, customerId), eq(users.isPrimary, true))).limit(1);
      const user = { email: fields.email, name: fields.name, role: fields.role, active: true };
      const [created] = await tx
        .insert(users)
        .values({ customerId, ...user, passwordHash, isPrimary: !primary })
        .onConflictDoNothing()
        .returning({ id: users.id });
      if (!created) return invalid({ email: await emailTakenMessage(tx, fields.email) });
      await recordAudit(tx, admin, { entity: "user", entityId: created.id, entityLabel: user.email, action: "create", changes: changesBetween(null, userAuditView(user), USER_AUDITED) });
      return { ok: true as const, id: created.id, email: user.email, password };
    });
  } catch (error) {
    if (isUniqueViolation(error, EMAIL_INDEX)) return invalid({ email: "This e-mail address is already used by another account" });
    throw error;
  }
}

/** Name, e-mail and role, saved from `version`. An operator keeps their own admin role. */
export async function updateUser(viewer: Viewer | null, id: number, version: number, fields: UserFields): Promise<WriteResult<{ id: number }>> {
  const admin = adminOf(viewer);
  if (!admin) return NOT_FOUND;
  if (id === admin.userId && fields.role !== "admin") return invalid({ role: "You cannot take away your own admin role (another operator can)" });
  const db = await getDb();
  try {
    return await db.transaction(async (tx): Promise<WriteResult<{ id: number }>> => {
      const before = await lockUser(tx, id);
      if (!before) return NOT_FOUND;
      if (before.version !== version) return conflict("user");
      if (fields.email.toLowerCase() !== before.email.toLowerCase() && (await emailUsedByOther(tx, fields.email, id))) return invalid({ email: await emailTakenMessage(tx, fields.email) });
      const after = { ...before, ...fields };
      const changes = changesBetween(userAuditView(before), userAuditView(after), USER_AUDITED);
      if (changes.length === 0) return { ok: true, id };
      await tx.update(users).set({ email: fields.email, name: fields.name, role: fields.role, version: before.version + 1 }).where(eq(users.id, id));
      await recordAudit(tx, admin, { entity: "user", entityId: id, entityLabel: fields.email, action: "update", changes });
      return { ok: true, id };
    });
  } catch (error) {
    if (isUniqueViolation(error, EMAIL_INDEX)) return invalid({ email: "This e-mail address is already used by another account" });
    throw error;
  }
}

/**
 * Disables or enables a user. Disabling ends their open web sessions at once (a punchout runs in
 * one too); the viewer check reads users.active on every request besides. An operator cannot lock
 * themself out.
 */
export async function setUserActive(viewer: Viewer | null, id: number, version: number, active: boolean): Promise<WriteResult<{ id: number }>> {
  const admin = adminOf(viewer);
  if (!admin) return NOT_FOUND;
  if (!active && id === admin.userId) return refused("You cannot disable your own account; another operator can.");
  const db = await getDb();
  return db.transaction(async (tx): Promise<WriteResult<{ id: number }>> => {
    const before = await lockUser(tx, id);
    if (!before) return NOT_FOUND;
    if (before.version !== version) return conflict("user");
    if (before.active === active) return { ok: true, id };
    await tx.update(users).set({ active, version: before.version + 1 }).where(eq(users.id, id));
    if (!active) await endUserSessions(tx, id);
    await recordAudit(tx, admin, { entity: "user", entityId: id, entityLabel: before.email, action: active ? "enable" : "disable", changes: [{ field: "active", from: String(before.active), to: String(active) }] });
    return { ok: true, id };
  });
}

/**
 * A new generated password, answered once and stored only as its hash; the user's open sessions
 * end, so whoever had the old one is out. The audit entry records that it happened, nothing more.
 */
export async function resetUserPassword(viewer: Viewer | null, id: number, version: number): Promise<WriteResult<{ id: number; password: string }>> {
  const admin = adminOf(viewer);
  if (!admin) return NOT_FOUND;
  const password = generatePassword();
  const passwordHash = await hashed(password);
  if (!passwordHash) return HASH_BUSY;
  const db = await getDb();
  return db.transaction(async (tx): Promise<WriteResult<{ id: number; password: string }>> => {
    const before = await lockUser(tx, id);
    if (!before) return NOT_FOUND;
    if (before.version !== version) return conflict("user");
    await tx.update(users).set({ passwordHash, version: before.version + 1 }).where(eq(users.id, id));
    await endUserSessions(tx, id);
    await recordAudit(tx, admin, { entity: "user", entityId: id, entityLabel: before.email, action: "password", changes: [] });
    return { ok: true, id, password };
  });
}
