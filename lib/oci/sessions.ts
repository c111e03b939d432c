import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { ociSessions } from "@/db/schema";
import { getDb } from "@/lib/db/client";

/**
 * Opens a punchout session; any session of the same user still open is marked replaced, so an old
 * hook URL or basket can never be used again.
 */
export async function createOciSession(userId: number, customerId: number, hookOrigin: string): Promise<{ id: string; startedAt: Date }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx
      .update(ociSessions)
      .set({ status: "replaced", endedAt: sql`now()` })
      .where(and(eq(ociSessions.userId, userId), eq(ociSessions.status, "active")));
    const [row] = await tx.insert(ociSessions).values({ userId, customerId, hookOrigin }).returning({ id: ociSessions.id, startedAt: ociSessions.startedAt });
    return row!;
  });
}

/** The one-time "open in a new window" link: true for the first use only. */
export async function claimHandoff(sid: string, userId: number): Promise<boolean> {
  const db = await getDb();
  const rows = await db
    .update(ociSessions)
    .set({ handoffUsedAt: sql`now()` })
    .where(and(eq(ociSessions.id, sid), eq(ociSessions.userId, userId), eq(ociSessions.status, "active"), isNull(ociSessions.handoffUsedAt)))
    .returning({ id: ociSessions.id });
  return rows.length === 1;
}

export async function isOciSessionActive(sid: string, userId: number): Promise<boolean> {
  const db = await getDb();
  const [row] = await db
    .select({ status: ociSessions.status })
    .from(ociSessions)
    .where(and(eq(ociSessions.id, sid), eq(ociSessions.userId, userId)))
    .limit(1);
  return row?.status === "active";
}
