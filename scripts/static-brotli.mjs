// Build assets under /_next/static are immutable (their names carry a content hash), so they are
// compressed once at build time with brotli at its best level — about a fifth smaller than the
// gzip Next applies per response — and the launcher hands the .br file to browsers that accept it.
import { brotliCompressSync, constants } from "node:zlib";
import { createReadStream, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const COMPRESSIBLE = /\.(?:js|css|svg|json|txt|map)$/;
const TYPES = { ".js": "application/javascript; charset=UTF-8", ".css": "text/css; charset=UTF-8", ".svg": "image/svg+xml", ".json": "application/json", ".txt": "text/plain; charset=UTF-8", ".map": "application/json" };

/** Writes name.br beside every compressible file under dir (once per build). */
export function precompress(dir) {
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !COMPRESSIBLE.test(entry.name)) continue;
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    const body = readFileSync(file);
    if (body.length < 1024) continue;
    writeFileSync(`${file}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }));
    files++;
  }
  return files;
}

const SAFE_PATH = /^\/_next\/static\/[A-Za-z0-9._~\-/]+$/;

/**
 * Answers a GET/HEAD for a precompressed build asset when the browser accepts brotli; false lets
 * Next answer (it gzips). Only hashed asset paths, never "..", only files that exist.
 */
export function serveBrotli(req, res, staticRoot) {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const url = req.url ?? "";
  const pathname = url.split("?")[0];
  if (!SAFE_PATH.test(pathname) || pathname.includes("..") || !COMPRESSIBLE.test(pathname)) return false;
  if (!/\bbr\b/.test(String(req.headers["accept-encoding"] ?? ""))) return false;
  const file = path.join(staticRoot, pathname.slice("/_next/static/".length));
  if (!file.startsWith(staticRoot + path.sep)) return false;
  let size;
  try {
    size = statSync(`${file}.br`).size;
  } catch {
    return false;
  }
  res.writeHead(200, {
    "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream",
    "Content-Encoding": "br",
    "Content-Length": size,
    "Cache-Control": "public, max-age=31536000, immutable",
    Vary: "Accept-Encoding",
    "X-Content-Type-Options": "nosniff",
  });
  if (req.method === "HEAD") res.end();
  else createReadStream(`${file}.br`).pipe(res);
  return true;
}
