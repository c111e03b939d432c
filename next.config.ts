import { fileURLToPath } from "node:url";
import type { NextConfig } from "next";
import { PLAIN_PAGE_PATTERN, PLAIN_QUERY_PATTERN, PLAIN_SORT_PATTERN } from "./lib/catalog/plain-query";
import { COOKIE_NAMES } from "./lib/http/cookies";
import { PRICE_PASS_PATTERN } from "./lib/pricing/price-pass";

const nextConfig: NextConfig = {
  // Catalog pages are cached whole (per business customer with their prices); the other per-visitor
  // parts come from /api/viewer and /api/prices.
  cacheComponents: true,
  // Rendered pages are kept in memory, bounded (PAGE_CACHE_MAX_MB), instead of an unbounded folder on disk.
  cacheHandler: fileURLToPath(new URL("./lib/cache/page-cache-handler.mjs", import.meta.url)),
  cacheMaxMemorySize: 0,
  output: "standalone",
  // PGlite ships wasm and data files: bundling copies them into static output and breaks at run time.
  serverExternalPackages: ["@electric-sql/pglite"],
  // Migrations are read from disk at start; the standalone output must carry them.
  outputFileTracingIncludes: { "/**": ["./db/migrations/**/*"] },
  poweredByHeader: false,
  // Next would hash every HTML answer (cached pages included) to make an ETag, on every request: a
  // tenth of the CPU a cached listing costs. Catalog pages are not kept by browsers anyway (shared
  // caches get s-maxage, personal pages no-store), so a 304 would save bytes, never work.
  generateEtags: false,
  experimental: {
    // Server actions read at most this much: a picture upload (≤ 2 MB, checked again by its action)
    // and a CSV import posted without JavaScript (the page's script streams larger files to
    // /admin/import/upload/ instead). Below the proxy's 10 MB body buffer, which would silently cut
    // a larger body.
    serverActions: { bodySizeLimit: "8mb" },
  },
  // The punchout entry carries credentials (and /oci/start and the cXML StartPage a one-time link)
  // in its query string: the dev server's request log must never print them.
  logging: { incomingRequests: { ignore: [/^\/ocihome/i, /^\/oci\//, /^\/punchout\/cxml\//] } },
  // Catalog pages are cached per path, so their public URLs are mapped onto cached paths here — no
  // per-request code runs for them. The home page is a cached page with a parameter (so the build
  // never renders it from a database). A signed-in business customer's browser carries a price pass
  // (lib/pricing/price-pass.ts), which becomes part of the path: their pages are cached per customer
  // and show their own prices. Plain searches and listing pages are mapped here; any other query
  // string goes through the proxy, which normalises it onto the shared page (without the pass).
  async rewrites() {
    const pass = { type: "cookie" as const, key: COOKIE_NAMES.prices, value: `(?<pass>${PRICE_PASS_PATTERN})` };
    const q = { type: "query" as const, key: "q", value: `(?<q>${PLAIN_QUERY_PATTERN})` };
    const page = { type: "query" as const, key: "page", value: `(?<page>${PLAIN_PAGE_PATTERN})` };
    const noPage = { type: "query" as const, key: "page" };
    const sort = { type: "query" as const, key: "sort", value: `(?<sort>${PLAIN_SORT_PATTERN})` };
    const noSort = { type: "query" as const, key: "sort" };
    return {
      beforeFiles: [
        { source: "/", has: [pass], destination: "/home/for=:pass" },
        { source: "/", destination: "/home/all" },
        { source: "/categories/:slug", has: [sort, page, pass], destination: "/categories/:slug/sort=:sort&page=:page&for=:pass" },
        { source: "/categories/:slug", has: [sort, pass], missing: [noPage], destination: "/categories/:slug/sort=:sort&for=:pass" },
        { source: "/categories/:slug", has: [page, pass], missing: [noSort], destination: "/categories/:slug/page=:page&for=:pass" },
        { source: "/categories/:slug", has: [pass], destination: "/categories/:slug/for=:pass" },
        { source: "/categories/:slug", has: [sort, page], destination: "/categories/:slug/sort=:sort&page=:page" },
        { source: "/categories/:slug", has: [sort], missing: [noPage], destination: "/categories/:slug/sort=:sort" },
        { source: "/categories/:slug", has: [page], missing: [noSort], destination: "/categories/:slug/page=:page" },
        { source: "/products/:slug", has: [pass], destination: "/products/:slug/for/:pass" },
        { source: "/search", has: [q, page, pass], destination: "/search/q=:q&page=:page&for=:pass" },
        { source: "/search", has: [q, pass], missing: [noPage], destination: "/search/q=:q&for=:pass" },
        { source: "/search", has: [q, page], destination: "/search/q=:q&page=:page" },
        { source: "/search", has: [q], missing: [noPage], destination: "/search/q=:q" },
        { source: "/search", destination: "/search/all" },
      ],
      afterFiles: [],
      fallback: [],
    };
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [{ key: "X-Content-Type-Options", value: "nosniff" }],
      },
      {
        // The framing policy of every answer outside a punchout (the proxy sets a punchout's, from its
        // cookie, and skips cookie-less catalog pages): only the shop frames itself.
        source: "/((?!ocihome|oci/|punchout/cxml/).*)",
        missing: [{ type: "cookie", key: "shop.oci" }],
        headers: [
          { key: "Content-Security-Policy", value: "frame-ancestors 'self'" },
          { key: "X-Frame-Options", value: "SAMEORIGIN" },
        ],
      },
      // A page with one customer's prices must never be stored by a shared cache under its public URL.
      ...["/", "/categories/:slug", "/products/:slug", "/search"].map((source) => ({
        source,
        has: [{ type: "cookie" as const, key: COOKIE_NAMES.prices }],
        headers: [{ key: "Cache-Control", value: "private, no-store" }],
      })),
      {
        // The punchout entries set their own, stricter no-referrer policy (credentials and one-time links pass through them).
        source: "/((?!ocihome|oci/|punchout/cxml/).*)",
        headers: [{ key: "Referrer-Policy", value: "strict-origin-when-cross-origin" }],
      },
    ];
  },
};

export default nextConfig;
