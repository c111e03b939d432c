import "server-only";
import { and, eq } from "drizzle-orm";
import { cookies } from "next/headers";
import { ociSessions } from "@/db/schema";
import { appSecret } from "@/lib/auth/secret";
import { getDb } from "@/lib/db/client";
import { COOKIE_NAMES, COOKIE_OPTIONS } from "@/lib/http/cookies";
import { ociConfig } from "./config";
import { openOciSession, sealOciSession, type OciSessionData } from "./session-token";

/** The encrypted punchout cookie; it lives as long as the session may stay idle. */
export async function ociCookie(data: OciSessionData) {
  const { idleSeconds } = ociConfig();
  const value = await sealOciSession(data, { secret: appSecret(), idleSeconds });
  return { name: COOKIE_NAMES.oci, value, ...COOKIE_OPTIONS, maxAge: idleSeconds };
}

export async function writeOciCookie(data: OciSessionData) {
  (await cookies()).set(await ociCookie(data));
}

/**
 * Ends this browser's punchout (sign-out, a web sign-in): the cookie goes, and an open session is
 * marked cancelled so its basket can never be transferred later.
 */
export async function endOciCookie() {
  const jar = await cookies();
  const token = jar.get(COOKIE_NAMES.oci)?.value;
  if (!token) return;
  jar.delete({ name: COOKIE_NAMES.oci, ...COOKIE_OPTIONS });
  const opened = await openOciSession(token, { secret: appSecret() });
  if (opened.status !== "valid") return;
  const db = await getDb();
  await db
    .update(ociSessions)
    .set({ status: "cancelled", endedAt: new Date() })
    .where(and(eq(ociSessions.id, opened.session.sid), eq(ociSessions.status, "active")));
}
