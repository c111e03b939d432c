// Starts the standalone production server (`.next/standalone/server.js`, built by `npm run build`).
//
// Why a launcher: Next's own server keeps a client-sent X-Forwarded-For and never tells the app the
// TCP peer address, so the app could not know who it talks to. Before Next sees a request, this
// launcher removes any client-sent x-shop-* headers and sets
//   x-shop-peer-address   the socket's remote address (the client, or the nearest proxy)
//   x-shop-forwarded-for  X-Forwarded-For exactly as it arrived (absent when it was absent)
// and marks the process (SHOP_PEER_HEADERS=1) so lib/http/client-ip.ts trusts only these, with
// TRUST_PROXY_HOPS saying how many proxies in front of the shop may be believed.
import http from "node:http";
import { stampPeer, tooLarge } from "./peer-headers.mjs";
import { serveBrotli } from "./static-brotli.mjs";
import { createRequire } from "node:module";
import { existsSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const staticRoot = path.join(root, ".next", "standalone", ".next", "static");
const createServer = http.createServer;
http.createServer = function patchedCreateServer(...args) {
  const server = createServer.apply(this, args);
  // Before any listener Next attaches (now or later): answer an oversized body and stop there, or
  // stamp the peer address.
  const emit = server.emit;
  server.emit = function emitRequest(event, ...rest) {
    if (event === "request") {
      const [req, res] = rest;
      if (tooLarge(req, res)) return true;
      if (serveBrotli(req, res, staticRoot)) return true;
      stampPeer(req);
    }
    return emit.call(this, event, ...rest);
  };
  return server;
};

const server = path.join(root, ".next", "standalone", "server.js");
if (!existsSync(server)) {
  console.error("No production build found: run `npm run build` first.");
  process.exit(1);
}
process.env.SHOP_PEER_HEADERS = "1";
// server.js changes into its own folder; keep the embedded database where `npm run dev` keeps it.
process.env.PGLITE_DIR ??= path.join(root, ".data", "pglite");
process.env.NODE_ENV ??= "production";
createRequire(import.meta.url)(server);
