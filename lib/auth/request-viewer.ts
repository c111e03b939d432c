import "server-only";
import { decode } from "next-auth/jwt";
import { COOKIE_NAMES } from "@/lib/http/cookies";
import { appSecret } from "./secret";
import { viewerOfSession, type Viewer } from "./viewer";

/**
 * The signed-in user of a request the proxy sees, checked against the database like getViewer
 * (open session row, active user and customer). For answering with a real redirect before a page
 * starts streaming; the page checks again next to its data.
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
