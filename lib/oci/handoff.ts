import "server-only";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { appSecret } from "@/lib/auth/secret";
import { getDb } from "@/lib/db/client";
import { claimHandoff } from "./sessions";
import { openOciSession, type OciSessionData } from "./session-token";

/**
 * Verifies the one-time link that moves a punchout into a new top-level window when the embedding
 * browser refused cookies: an encrypted, ten-minute token for an open session, usable once.
 */
export async function redeemHandoff(token: unknown): Promise<{ user: { id: string; email: string; name: string }; session: OciSessionData } | null> {
  if (typeof token !== "string") return null;
  const opened = await openOciSession(token, { secret: appSecret(), purpose: "handoff" });
  if (opened.status !== "valid") return null;
  const { session } = opened;
  if (!(await claimHandoff(session.sid, session.userId))) return null;
  const db = await getDb();
  const [user] = await db.select({ id: users.id, email: users.email, name: users.name, active: users.active }).from(users).where(eq(users.id, session.userId)).limit(1);
  if (!user?.active) return null;
  return { user: { id: String(user.id), email: user.email, name: user.name }, session };
}
