import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { authSessions } from "@/db/schema";
import { getDb, type Db, type Tx } from "@/lib/db/client";

/**
 * The server-side half of a web session. The JWT cookie names its row; the viewer lookup joins it,
 * so ending the row (sign-out) makes every copy of that cookie worthless at once.
 */
export async function openAuthSession(userId: number, method: "password" | "grant", maxAgeSeconds: number): Promise<string> {
  const db = await getDb();
  const [row] = await db
    .insert(authSessions)
    .values({ userId, method, expiresAt: sql`now() + make_interval(secs => ${maxAgeSeconds})` })
    .returning({ id: authSessions.id });
  return row!.id;
}

/** A session id as the JWT carries it (checked before it reaches a uuid column). */
export function isSessionId(id: unknown): id is string {
  return typeof id === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}

export async function endAuthSession(id: unknown): Promise<void> {
  if (!isSessionId(id)) return;
  const db = await getDb();
  await db.update(authSessions).set({ endedAt: sql`now()` }).where(and(eq(authSessions.id, id), isNull(authSessions.endedAt)));
}

/**
 * Ends every open web session of a user (disabled, or given a new password by an operator), inside
 * the caller's transaction so it happens exactly when that change is committed. A punchout runs in
 * a web session too, so its next request finds no viewer either.
 */
export async function endUserSessions(db: Db | Tx, userId: number): Promise<void> {
  await db.update(authSessions).set({ endedAt: sql`now()` }).where(and(eq(authSessions.userId, userId), isNull(authSessions.endedAt)));
}
