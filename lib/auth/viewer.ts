import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { COOKIE_NAMES } from "@/lib/http/cookies";
import { viewerOfSessionCookie } from "./request-viewer";
import type { Viewer } from "./session-viewer";

export type { Viewer };

/**
 * The signed-in user as the database knows them now. The JWT only says who signed in; whether that
 * account is still active, and which customer (and so which prices and orders) it belongs to, is
 * read here on every request, next to the data it guards — together with the server-side session row,
 * so signing out ends every copy of the cookie.
 *
 * The cookie is decoded directly rather than through Auth.js's auth(), which runs its whole session
 * endpoint per call (several milliseconds, on every personal request of every page view).
 */
export const getViewer = cache(async (): Promise<Viewer | null> => viewerOfSessionCookie((await cookies()).get(COOKIE_NAMES.session)?.value));
