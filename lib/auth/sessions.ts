import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { authSessions } from "@/db/schema";
import { getDb } from "@/lib/db/client";

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
