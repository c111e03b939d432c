import "server-only";
import { and, eq } from "drizzle-orm";
import { cookies } from "next/headers";
import { cache } from "react";
import { ociSessions } from "@/db/schema";
import { appSecret } from "@/lib/auth/secret";
import { getViewer } from "@/lib/auth/viewer";
import { getDb } from "@/lib/db/client";
import { COOKIE_NAMES } from "@/lib/http/cookies";
import { openOciSession, type OciSessionData } from "./session-token";

export type OciState =
  | { state: "active"; session: OciSessionData; expiresAt: number }
  | { state: "expired" }
  | { state: "none" };

/**
 * The punchout session of this request. The cookie proves what the procurement system sent; the
 * database says whether the session is still open (a transfer or a newer punchout ends it), and it
 * must belong to the user who is signed in.
 */
export const getOciState = cache(async (): Promise<OciState> => {
  const token = (await cookies()).get(COOKIE_NAMES.oci)?.value;
  if (!token) return { state: "none" };
  const opened = await openOciSession(token, { secret: appSecret() });
  if (opened.status === "expired") return { state: "expired" };
  if (opened.status !== "valid") return { state: "none" };
  const viewer = await getViewer();
  if (!viewer || viewer.userId !== opened.session.userId) return { state: "none" };
  const db = await getDb();
  const [row] = await db
    .select({ status: ociSessions.status })
    .from(ociSessions)
    .where(and(eq(ociSessions.id, opened.session.sid), eq(ociSessions.userId, viewer.userId)))
    .limit(1);
  if (row?.status !== "active") return { state: "none" };
  return { state: "active", session: opened.session, expiresAt: opened.expiresAt };
});
