import "server-only";
import { headers } from "next/headers";

/**
 * The shop's origin as the operator reaches it, for addresses shown on back-office pages: AUTH_URL
 * when set (a proxy may hide the public host), else the request's host. Display only.
 */
export async function shownShopOrigin(): Promise<string | null> {
  if (process.env.AUTH_URL) {
    try {
      return new URL(process.env.AUTH_URL).origin;
    } catch {
      // fall back to the request's host
    }
  }
  const h = await headers();
  const host = h.get("host");
  if (!host) return null;
  try {
    return new URL(`${h.get("x-forwarded-proto") ?? "http"}://${host}`).origin;
  } catch {
    return null;
  }
}
