import "server-only";
// next-auth/jwt re-exports this; the core module keeps Next out of the import chain (unit tests load the proxy).
import { decode } from "@auth/core/jwt";
import { COOKIE_NAMES } from "@/lib/http/cookies";
import { appSecret } from "./secret";
import { viewerOfSession, type Viewer } from "./session-viewer";

/**
 * The signed-in user of a session cookie, checked against the database
 * (open session row, active user and customer). Used by getViewer and by the proxy (to answer with
 * a real redirect before a page starts streaming; the page checks again next to its data).
 */
export async function viewerOfSessionCookie(token: string | undefined): Promise<Viewer | null> {
  if (!token) return null;
  try {
    const payload = await decode({ token, secret: appSecret(), salt: COOKIE_NAMES.session });
    return payload ? await viewerOfSession(payload.sub, payload.sid) : null;
  } catch {
    return null; // forged, foreign or expired cookie: nobody
  }
}
