import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import { cxmlSetups, users, type CxmlItemOut, type CxmlSessionData } from "@/db/schema";
import { getDb } from "@/lib/db/client";

/**
 * The one owner of `cxml_setups`: an accepted PunchOutSetupRequest waits here for its StartPage to
 * be opened — once, within START_SECONDS. The StartPage URL carries a random token; only its
 * SHA-256 is stored, so the table holds nothing that opens a session.
 */
export const START_SECONDS = 5 * 60;
// Used and expired setups are kept a day for support questions, then pruned as new ones arrive.
const KEEP_HOURS = 24;

export type NewSetup = {
  customerId: number;
  userId: number;
  payloadId: string;
  browserFormPostUrl: string;
  session: Omit<CxmlSessionData, "setupId">;
  items: CxmlItemOut[];
};

export type Setup = typeof cxmlSetups.$inferSelect;

const digest = (token: string) => createHash("sha256").update(token).digest("base64url");

export async function createSetup(setup: NewSetup): Promise<{ id: string; token: string }> {
  const db = await getDb();
  const token = randomBytes(32).toString("base64url");
  const [row] = await db
    .insert(cxmlSetups)
    .values({ ...setup, tokenHash: digest(token), expiresAt: sql`now() + make_interval(secs => ${START_SECONDS})` })
    .returning({ id: cxmlSetups.id });
  await db.delete(cxmlSetups).where(lt(cxmlSetups.createdAt, sql`now() - make_interval(hours => ${KEEP_HOURS})`));
  return { id: row!.id, token };
}

export const START_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export type RedeemedSetup = Setup & { user: { id: number; customerId: number; email: string; name: string } };

/** Uses a StartPage token up: the setup it opens (with its user), or null when it is unknown, used or expired. Atomic. */
export async function redeemSetup(token: string): Promise<RedeemedSetup | null> {
  if (!START_TOKEN.test(token)) return null;
  const db = await getDb();
  const [row] = await db
    .update(cxmlSetups)
    .set({ usedAt: sql`now()` })
    .where(and(eq(cxmlSetups.tokenHash, digest(token)), isNull(cxmlSetups.usedAt), gt(cxmlSetups.expiresAt, sql`now()`)))
    .returning();
  if (!row) return null;
  const [user] = await db.select({ id: users.id, customerId: users.customerId, email: users.email, name: users.name }).from(users).where(eq(users.id, row.userId)).limit(1);
  return user ? { ...row, user } : null;
}

export async function setupById(id: string): Promise<Setup | null> {
  const db = await getDb();
  const [row] = await db.select().from(cxmlSetups).where(eq(cxmlSetups.id, id)).limit(1);
  return row ?? null;
}

/** The punchout session the setup opened (for support: which setup became which session). */
export async function linkSetupSession(setupId: string, sessionId: string): Promise<void> {
  const db = await getDb();
  await db.update(cxmlSetups).set({ sessionId }).where(eq(cxmlSetups.id, setupId));
}
