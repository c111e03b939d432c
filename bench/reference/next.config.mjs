import path from "node:path";

// The benchmark's yardstick: the same Next.js as the shop (resolved from the repository's
// node_modules), with nothing of the shop in it. Built with `next build bench/reference` and served
// with `next start`, so its numbers are what the framework costs on this machine.
const root = path.resolve(import.meta.dirname, "../..");

export default {
  poweredByHeader: false,
  // The repository is the workspace root (one lockfile, one node_modules).
  turbopack: { root },
  outputFileTracingRoot: root,
};
