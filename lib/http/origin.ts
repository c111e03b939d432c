/**
 * Rejects cross-site state-changing requests to route handlers. Our cookies are SameSite=None (for
 * procurement iframes), so the browser attaches them to cross-site requests; the Fetch Metadata and
 * Origin headers tell a same-origin fetch apart from a forged one.
 */
export function isSameOriginRequest(headers: Headers): boolean {
  const site = headers.get("sec-fetch-site");
  if (site) return site === "same-origin";
  const origin = headers.get("origin");
  if (!origin) return false;
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
