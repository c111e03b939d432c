import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { ociSessions } from "@/db/schema";
import { appSecret } from "@/lib/auth/secret";
import { mintGrant, revokeGrant } from "@/lib/auth/grants";
import { getDb, type Tx } from "@/lib/db/client";
import { HANDOFF_SECONDS, ociConfig } from "./config";
import { hookOrigin, type OciCall } from "./inbound-call";
import type { OciProfile } from "./profile";
import { ociProfileOf } from "./profile-store";
import { clearPunchoutCookie, readPunchoutJar, writePunchoutCookie, type CookieJar } from "./punchout-cookie";
import { sealOciHandoff, type OciSessionData } from "./session-token";

/**
 * The one owner of punchout sessions: every write to `oci_sessions` (start, resume, end with its
 * reason) and, through punchout-cookie, to the punchout cookie happens here. A session ends as
 * transferred, cancelled, replaced (a newer punchout), expired or signed_out.
 */
export type EndReason = "transferred" | "cancelled" | "replaced" | "expired" | "signed_out";

export type OciState = { state: "active"; session: OciSessionData; expiresAt: number } | { state: "expired" } | { state: "none" };

export type PunchoutCall = Pick<OciCall, "hookUrl" | "target" | "echoFields" | "charset"> & Pick<OciSessionData, "cxml">;

/**
 * Opens a fresh punchout for a signed-in user: any open session of theirs ends as replaced (its hook
 * URL and basket can never be used again), the cookie is written, and a one-time handoff link is
 * minted for browsers that turn out to refuse the cookie.
 */
export async function startPunchout(
  jar: CookieJar,
  user: { id: number; customerId: number },
  call: PunchoutCall,
  // The customer's profile as the entry already read it; read here when the caller has none.
  profile?: Pick<OciProfile, "idleMinutes" | "frameOrigins">,
): Promise<{ session: OciSessionData; handoff: string }> {
  const db = await getDb();
  const { idleMinutes, frameOrigins } = profile ?? (await ociProfileOf(user.customerId, db)).profile;
  const { maxSeconds } = ociConfig();
  const record = await db.transaction(async (tx) => {
    await tx
      .update(ociSessions)
      .set({ status: "replaced", endedAt: sql`now()` })
      .where(and(eq(ociSessions.userId, user.id), eq(ociSessions.status, "active")));
    const [row] = await tx
      .insert(ociSessions)
      .values({ userId: user.id, customerId: user.customerId, hookOrigin: hookOrigin(call.hookUrl), protocol: call.cxml ? "cxml" : "oci", expiresAt: sql`now() + make_interval(secs => ${maxSeconds})` })
      .returning({ id: ociSessions.id, startedAt: ociSessions.startedAt });
    return row!;
  });
  const session: OciSessionData = {
    sid: record.id,
    userId: user.id,
    customerId: user.customerId,
    hookUrl: call.hookUrl,
    target: call.target,
    echoFields: call.echoFields,
    charset: call.charset,
    startedAt: record.startedAt.getTime(),
    ...(idleMinutes ? { idleMinutes } : {}),
    ...(frameOrigins.length ? { frameOrigins } : {}),
    ...(call.cxml ? { cxml: call.cxml } : {}),
  };
  await writePunchoutCookie(jar, session);
  const grant = await mintGrant(user.id, "oci-handoff", HANDOFF_SECONDS);
  const handoff = await sealOciHandoff({ session, grant }, { secret: appSecret(), idleSeconds: HANDOFF_SECONDS });
  return { session, handoff };
}

/**
 * This browser's punchout as the database knows it now: the cookie proves what the procurement
 * system sent, the row says whether it is still open, and it must belong to the signed-in user.
 * A session found past its idle or absolute limit is recorded as expired.
 */
export async function readPunchout(jar: CookieJar, userId: number | null): Promise<OciState> {
  const opened = await readPunchoutJar(jar);
  if (opened.status === "expired") {
    if (opened.sid) await endSession(opened.sid, "expired");
    return { state: "expired" };
  }
  if (opened.status !== "valid" || userId === null || opened.session.userId !== userId) return { state: "none" };
  const db = await getDb();
  const [row] = await db
    .select({ status: ociSessions.status, over: sql<boolean>`${ociSessions.expiresAt} <= now()` })
    .from(ociSessions)
    .where(and(eq(ociSessions.id, opened.session.sid), eq(ociSessions.userId, userId)))
    .limit(1);
  if (row?.status !== "active") return { state: row?.status === "expired" ? "expired" : "none" };
  if (row.over) {
    await endSession(opened.session.sid, "expired");
    return { state: "expired" };
  }
  return { state: "active", session: opened.session, expiresAt: opened.expiresAt };
}

/** The buyer's own browser reached the shop with its cookie: the handoff link is not needed and dies. */
export async function retireHandoff(session: OciSessionData, grant: string): Promise<void> {
  await revokeGrant(grant);
  const db = await getDb();
  await db
    .update(ociSessions)
    .set({ handoffUsedAt: sql`now()` })
    .where(and(eq(ociSessions.id, session.sid), sql`${ociSessions.handoffUsedAt} is null`));
}

/**
 * A new window takes the punchout over through the handoff link: claims the link for this session
 * (once, and only while the session is open), so its grant may then sign the user in.
 */
export async function claimHandoff(session: OciSessionData): Promise<boolean> {
  const db = await getDb();
  const rows = await db
    .update(ociSessions)
    .set({ handoffUsedAt: sql`now()` })
    .where(and(eq(ociSessions.id, session.sid), eq(ociSessions.userId, session.userId), eq(ociSessions.status, "active"), sql`${ociSessions.handoffUsedAt} is null`, sql`${ociSessions.expiresAt} > now()`))
    .returning({ id: ociSessions.id });
  return rows.length === 1;
}

/** After a claimed handoff signed the user in: the new window gets the punchout cookie. */
export async function resumePunchout(jar: CookieJar, session: OciSessionData): Promise<void> {
  await writePunchoutCookie(jar, session);
}

/** Ends this browser's punchout, whatever state its cookie is in, and removes the cookie. */
export async function endPunchout(jar: CookieJar, reason: Exclude<EndReason, "transferred">): Promise<void> {
  const opened = await readPunchoutJar(jar);
  const sid = opened.status === "valid" ? opened.session.sid : opened.status === "expired" ? opened.sid : undefined;
  if (sid) await endSession(sid, opened.status === "expired" ? "expired" : reason);
  clearPunchoutCookie(jar);
}

/** The cookie goes, the session row is left to whoever ended it (a transfer in its transaction). */
export function forgetPunchoutCookie(jar: CookieJar): void {
  clearPunchoutCookie(jar);
}

async function endSession(sid: string, reason: EndReason): Promise<void> {
  const db = await getDb();
  await endSessionIn(db, sid, reason);
}

/** Ends an open session inside the caller's transaction (the transfer composes it with the order). */
export async function endSessionIn(db: Pick<Tx, "update">, sid: string, reason: EndReason): Promise<void> {
  await db
    .update(ociSessions)
    .set({ status: reason, endedAt: sql`now()` })
    .where(and(eq(ociSessions.id, sid), eq(ociSessions.status, "active")));
}

/** Locks the session row for a transfer or cancel, so parallel submits queue behind each other. */
export async function lockSession(tx: Tx, sid: string, userId: number) {
  const [row] = await tx
    .select({ id: ociSessions.id, status: ociSessions.status, over: sql<boolean>`${ociSessions.expiresAt} <= now()` })
    .from(ociSessions)
    .where(and(eq(ociSessions.id, sid), eq(ociSessions.userId, userId)))
    .for("update");
  return row ?? null;
}
