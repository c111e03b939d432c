import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { appSecret } from "@/lib/auth/secret";
import { getViewer } from "@/lib/auth/viewer";
import { COOKIE_NAMES } from "@/lib/http/cookies";
import { isOciSessionActive } from "./sessions";
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
  if (!(await isOciSessionActive(opened.session.sid, viewer.userId))) return { state: "none" };
  return { state: "active", session: opened.session, expiresAt: opened.expiresAt };
});
