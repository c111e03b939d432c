import type { Viewer } from "@/lib/auth/session-viewer";

/** A signed-in operator: only ever made from a viewer the database just confirmed as role admin. */
export type Admin = { userId: number; email: string; name: string };

/**
 * Every back-office read and write calls this with the viewer of the request, next to its data
 * access: a layout, a page or the proxy checking first is not enough (server actions can be called
 * from anywhere). Free of Next imports, so scripts and tests use the same domain functions.
 */
export function adminOf(viewer: Viewer | null | undefined): Admin | null {
  if (!viewer || viewer.role !== "admin") return null;
  return { userId: viewer.userId, email: viewer.email, name: viewer.name };
}
