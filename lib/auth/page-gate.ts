import { safeRedirectPath } from "@/lib/http/redirect";

const NEEDS_ACCOUNT = /^\/(?:account(?:\/.*)?|checkout)$/;

/**
 * Where a page request must be sent instead, decided before anything renders: pages stream, so a
 * redirect from inside one reaches the browser only as script, and never as a 3xx a browser
 * without JavaScript (or a procurement system's embedded one) follows.
 */
export function pageRedirect(pathname: string, search: URLSearchParams, signedIn: boolean, inPunchout: boolean): string | null {
  if (NEEDS_ACCOUNT.test(pathname) && !signedIn) return `/login?next=${encodeURIComponent(pathname === "/checkout" ? "/checkout" : "/account")}`;
  // A punchout basket goes back to the procurement system from the cart, never through checkout.
  if (pathname === "/checkout" && inPunchout) return "/cart";
  if (pathname === "/login" && signedIn) return safeRedirectPath(search.get("next"), "/account");
  if (pathname === "/register" && signedIn) return "/account";
  return null;
}

export function needsViewer(pathname: string): boolean {
  return NEEDS_ACCOUNT.test(pathname) || pathname === "/login" || pathname === "/register";
}

/** The back office: only operators learn it exists; everyone else gets the shop's 404. */
export function isBackOffice(pathname: string): boolean {
  return pathname === "/admin" || pathname.startsWith("/admin/");
}

// No route answers here, so Next renders its not-found page with status 404.
export const NOT_FOUND_PATH = "/__not-found";
