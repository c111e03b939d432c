import "server-only";
import { cache } from "react";
import { auth } from "./index";
import { viewerOfSession, type Viewer } from "./session-viewer";

export type { Viewer };

/**
 * The signed-in user as the database knows them now. The JWT only says who signed in; whether that
 * account is still active, and which customer (and so which prices and orders) it belongs to, is
 * read here on every request, next to the data it guards — together with the server-side session row,
 * so signing out ends every copy of the cookie.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth();
  return viewerOfSession(session?.user?.id, session?.sid);
});

