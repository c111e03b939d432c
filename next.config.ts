import { fileURLToPath } from "node:url";
import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Catalog pages are cached whole and shared; per-visitor parts come from /api/viewer and /api/prices.
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
  // The home page is a cached catalog page with a parameter (so the build never renders it from a
  // database); `/` is its public address.
  async rewrites() {
    // `/search` without a query (the proxy maps those with one) is the empty search's cached page.
    return {
      beforeFiles: [
        { source: "/", destination: "/home/all" },
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
      {
        // The punchout entries set their own, stricter no-referrer policy (credentials and one-time links pass through them).
        source: "/((?!ocihome|oci/|punchout/cxml/).*)",
        headers: [{ key: "Referrer-Policy", value: "strict-origin-when-cross-origin" }],
      },
    ];
  },
};

export default nextConfig;
