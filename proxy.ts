import { NextResponse, type NextRequest } from "next/server";
import { catalogRewrite, isCatalogPage } from "@/lib/catalog/views";
import { isBackOffice, needsViewer, NOT_FOUND_PATH, pageRedirect } from "@/lib/auth/page-gate";
import { viewerOfSessionCookie } from "@/lib/auth/request-viewer";
import { COOKIE_NAMES } from "@/lib/http/cookies";
import { framingHeaders } from "@/lib/oci/html";
import { punchoutFrameSources, refreshedPunchoutCookie } from "@/lib/oci/punchout-cookie";

/**
 * Framing policy, the anonymous cart id and the punchout keep-alive. Not an authorization layer:
 * every read and write checks the user and the punchout session next to the data.
 */
export async function proxy(request: NextRequest) {
  const token = request.cookies.get(COOKIE_NAMES.oci)?.value;
  const path = request.nextUrl.pathname;
  // Catalog pages are cached per path: their query strings become one canonical path segment.
  const cached = catalogRewrite(path, request.nextUrl.searchParams);
  const response = cached ? NextResponse.rewrite(internalUrl(request, cached)) : NextResponse.next();
  // next.config.ts then maps the page, with the price pass: a page with one customer's prices must
  // never be stored by a shared cache under its public URL (next.config.ts says so too, but its
  // header rules do not reach an answer that passed through the proxy).
  if (!cached && request.cookies.has(COOKIE_NAMES.prices) && isCatalogPage(path)) response.headers.set("Cache-Control", "private, no-store");
  // The punchout routes answer with their own framing policy (they know the hook of the call); the
  // matcher keeps the proxy off them, this keeps it so if the matcher changes.
  const isEntry = path === "/ocihome" || path.startsWith("/oci/") || path.startsWith("/punchout/cxml/");
  // Opened once: the framing policy and the checkout redirect both depend on it.
  const sources = token && !isEntry ? await punchoutFrameSources(token) : null;

  // The back office checks the operator next to every read and write; this only spares a stranger
  // (and a buyer) the difference between "forbidden" and "nothing here", also for server actions
  // posted to its pages.
  if (isBackOffice(path)) {
    const viewer = await viewerOfSessionCookie(request.cookies.get(COOKIE_NAMES.session)?.value);
    // Pages get the shop's not-found page; anything else (a server action posted here, a form) a bare
    // 404 — never a framework error that would tell an action exists.
    const answer =
      viewer?.role === "admin"
        ? NextResponse.next()
        : request.method === "GET" || request.method === "HEAD"
          ? NextResponse.rewrite(internalUrl(request, NOT_FOUND_PATH))
          : new NextResponse("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    answer.headers.set("Cache-Control", "private, no-store");
    for (const [name, value] of Object.entries(framingHeaders([]))) answer.headers.set(name, value);
    return answer;
  }

  // Account pages answer signed-out visitors (and sign-in pages signed-in ones) with a real redirect.
  if (request.method === "GET" && needsViewer(path)) {
    const viewer = await viewerOfSessionCookie(request.cookies.get(COOKIE_NAMES.session)?.value);
    const inPunchout = Boolean(viewer && sources);
    const target = pageRedirect(path, request.nextUrl.searchParams, viewer !== null, inPunchout);
    if (target) {
      // Next answers a same-origin redirect with a relative Location: it never names the host the
      // server listens on, nor one a spoofed Host header asked for.
      const redirect = NextResponse.redirect(new URL(target, request.nextUrl), 307);
      redirect.headers.set("Cache-Control", "private, no-store");
      return redirect;
    }
  }

  if (!isEntry) {
    // Procurement systems frame the shop during a punchout — only the hook's origin (plus the
    // configured portals), and only for a cookie that really opens; everyone else gets no framing.
    for (const [name, value] of Object.entries(framingHeaders(sources ?? []))) response.headers.set(name, value);
  }

  // The idle limit counts from the last page the buyer opened.
  if (token && request.method === "GET" && !isEntry && !path.startsWith("/api/")) {
    const refreshed = await refreshedPunchoutCookie(token);
    if (refreshed) response.cookies.set(refreshed);
  }
  return response;
}

/**
 * A rewrite target Next recognises as its own: built from nextUrl, which carries the origin the
 * server knows itself by. From request.url (the Host the client sent) Next would take the target
 * for another site and forward the request to it over HTTP.
 */
function internalUrl(request: NextRequest, pathname: string) {
  const url = request.nextUrl.clone();
  url.pathname = pathname;
  url.search = "";
  return url;
}

// The proxy runs only where it has work: for a browser in a punchout (its framing policy and
// keep-alive), for the back office and the account pages, and for catalog URLs with a query string
// it must normalise into a cached path. Any other catalog page — anonymous or signed in (a business
// customer's own prices come with their price pass, the other personal parts from /api/viewer) — is
// answered by the page cache without it; next.config.ts gives such answers the default framing
// policy and maps `/`, the default views, plain searches and the price pass. The entries are literal
// because Next reads this object at build time.
//
// Never on the punchout routes: they set their own framing and cookies, and the proxy would make
// Next hold their request bodies (an oversized call must be refused before its body arrives).
// Nor on the back office's CSV upload: Next would buffer the file (and cut it at 10 MB), where the
// route streams it into the import and answers non-operators with a 404 itself.
// Nor on the punchout tester's hook: the basket is posted there cross-site from the punchout window,
// is read with its own size limit, and the key in its URL (not a cookie) authorizes it.
// Nor on the cXML routes: the setup is posted server to server and read with its own size limit;
// the StartPage sets its own framing and cookies like /ocihome.
export const config = {
  matcher: [
    { source: "/((?!_next/static|_next/image|favicon.ico|images/|ocihome|oci/|oci-tester/|punchout/cxml/|admin/import/upload/).*)", has: [{ type: "cookie", key: "shop.oci" }] },
    { source: "/admin" },
    { source: "/admin/((?!import/upload/).*)" },
    { source: "/account" },
    { source: "/account/:path*" },
    { source: "/checkout" },
    { source: "/login" },
    { source: "/register" },
    // Searches next.config.ts cannot map itself (see lib/catalog/plain-query.ts; copied literally).
    { source: "/search", has: [{ type: "query", key: "q", value: "(?!(?:(?=.{1,100}$)[A-Za-z0-9À-ÖØ-öø-ÿ.,_-]+(?: [A-Za-z0-9À-ÖØ-öø-ÿ.,_-]+)*)$).*" }] },
    { source: "/search", has: [{ type: "query", key: "page", value: "(?!(?:(?:[2-9]|[1-9]\\d{1,3}))$).*" }] },
    // Listings next.config.ts cannot map itself (see lib/catalog/plain-query.ts; copied literally).
    { source: "/categories/:slug", has: [{ type: "query", key: "sort", value: "(?!(?:(?:price_asc|price_desc))$).*" }] },
    { source: "/categories/:slug", has: [{ type: "query", key: "page", value: "(?!(?:(?:[2-9]|[1-9]\\d{1,3}))$).*" }] },
    { source: "/categories/:slug", has: [{ type: "query", key: "manufacturer" }] },
    { source: "/categories/:slug", has: [{ type: "query", key: "stock" }] },
    { source: "/products/:slug", has: [{ type: "query", key: "error" }] },
  ],
};
