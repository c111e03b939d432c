import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import { authGrants, users } from "@/db/schema";
import { getDb } from "@/lib/db/client";
import type { SignedInUser } from "./credentials";

/**
 * Single-use, short-lived sign-in grants: the shop mints one where it has already established who
 * the user is (a punchout handoff, a confirmed account switch, a fresh registration) so the
 * "grant" credentials provider can sign them in without a second password check. Only a hash of
 * the token is stored; a grant works once, before it expires, for an active user.
 */
export type GrantPurpose = (typeof authGrants.$inferSelect)["purpose"];

const hash = (token: string) => createHash("sha256").update(token).digest("base64url");

export async function mintGrant(userId: number, purpose: GrantPurpose, seconds: number): Promise<string> {
  const db = await getDb();
  const token = randomBytes(32).toString("base64url");
  // Expired grants are worthless; clearing them here keeps the table small without a job.
  await db.delete(authGrants).where(lt(authGrants.expiresAt, sql`now() - interval '1 day'`));
  await db.insert(authGrants).values({ tokenHash: hash(token), userId, purpose, expiresAt: sql`now() + make_interval(secs => ${seconds})` });
  return token;
}

/** Uses the grant up (at most one caller ever gets the user) and returns the user if still active. */
export async function redeemGrant(token: unknown, purposes: readonly GrantPurpose[]): Promise<SignedInUser | null> {
  if (typeof token !== "string" || token.length < 20 || token.length > 200) return null;
  const db = await getDb();
  const [grant] = await db
    .update(authGrants)
    .set({ usedAt: sql`now()` })
    .where(and(eq(authGrants.tokenHash, hash(token)), isNull(authGrants.usedAt), gt(authGrants.expiresAt, sql`now()`)))
    .returning({ userId: authGrants.userId, purpose: authGrants.purpose });
  if (!grant || !purposes.includes(grant.purpose)) return null;
  const [user] = await db.select({ id: users.id, email: users.email, name: users.name, active: users.active }).from(users).where(eq(users.id, grant.userId)).limit(1);
  if (!user?.active) return null;
  return { id: String(user.id), email: user.email, name: user.name };
}

/** Kills an unused grant (a handoff link once the buyer's own browser no longer needs it). */
export async function revokeGrant(token: string): Promise<void> {
  const db = await getDb();
  await db.update(authGrants).set({ usedAt: sql`now()` }).where(and(eq(authGrants.tokenHash, hash(token)), isNull(authGrants.usedAt)));
}
