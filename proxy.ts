import { NextResponse, type NextRequest } from "next/server";
import { appSecret } from "@/lib/auth/secret";
import { ANON_CART_MAX_AGE, COOKIE_NAMES, COOKIE_OPTIONS } from "@/lib/http/cookies";
import { ociConfig } from "@/lib/oci/config";
import { ociCookie } from "@/lib/oci/cookie";
import { openOciSession } from "@/lib/oci/session-token";

// Re-seal the punchout cookie at most once a minute: its expiry counts from the last activity.
const REFRESH_AFTER_SECONDS = 60;

/**
 * Framing policy and punchout keep-alive. Not an authorization layer: every read and write checks
 * the user and the punchout session next to the data.
 */
export async function proxy(request: NextRequest) {
  const response = NextResponse.next();
  const token = request.cookies.get(COOKIE_NAMES.oci)?.value;
  const path = request.nextUrl.pathname;
  const { frameAncestors, idleSeconds } = ociConfig();
  // Procurement systems frame the shop during a punchout; ordinary shoppers get no framing at all.
  const framable = Boolean(token) || path === "/ocihome" || path.startsWith("/oci/");
  response.headers.set("Content-Security-Policy", `frame-ancestors ${framable ? frameAncestors : "'self'"}`);
  if (!framable) response.headers.set("X-Frame-Options", "SAMEORIGIN");

  // Not on the punchout entry itself (it writes a new cookie) nor on API calls.
  const isEntry = path === "/ocihome" || path.startsWith("/oci/") || path.startsWith("/api/");
  // Every browser gets its anonymous cart id with the first page it sees, so tabs opened from it
  // share one cart even when they add their first products at the same moment.
  if (request.method === "GET" && !isEntry && !request.cookies.has(COOKIE_NAMES.cart) && !request.cookies.has(COOKIE_NAMES.session)) {
    response.cookies.set(COOKIE_NAMES.cart, crypto.randomUUID(), { ...COOKIE_OPTIONS, maxAge: ANON_CART_MAX_AGE });
  }

  if (token && request.method === "GET" && !isEntry) {
    const opened = await openOciSession(token, { secret: appSecret() });
    if (opened.status === "valid" && opened.expiresAt - Date.now() < (idleSeconds - REFRESH_AFTER_SECONDS) * 1000) {
      response.cookies.set(await ociCookie(opened.session));
    }
  }
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|images/).*)"],
};
