import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { brotliDecompressSync } from "node:zlib";
import { describe, expect, it } from "vitest";
// @ts-expect-error plain ESM module of the launcher
import { precompress, serveBrotli } from "../../scripts/static-brotli.mjs";

function fakeResponse() {
  const body: Buffer[] = [];
  const res = Object.assign(new PassThrough(), { status: 0, headers: {} as Record<string, unknown>, writeHead(status: number, headers: Record<string, unknown>) { res.status = status; res.headers = headers; } });
  res.on("data", (c: Buffer) => body.push(c));
  return { res, done: () => new Promise<Buffer>((r) => res.on("end", () => r(Buffer.concat(body)))) };
}

describe("precompressed build assets", () => {
  const root = mkdtempSync(path.join(tmpdir(), "static-br-"));
  mkdirSync(path.join(root, "chunks"));
  const js = "console.log('a fairly long script body');\n".repeat(200);
  writeFileSync(path.join(root, "chunks", "app-1a2b.js"), js);
  writeFileSync(path.join(root, "secret.txt.br"), "not an asset");
  precompress(root);

  it("serves the brotli file to browsers that accept it, byte-identical once decoded", async () => {
    const { res, done } = fakeResponse();
    expect(serveBrotli({ method: "GET", url: "/_next/static/chunks/app-1a2b.js?v=1", headers: { "accept-encoding": "gzip, br" } }, res, root)).toBe(true);
    const body = await done();
    expect(res.status).toBe(200);
    expect(res.headers["Content-Encoding"]).toBe("br");
    expect(res.headers["Cache-Control"]).toContain("immutable");
    expect(brotliDecompressSync(body).toString()).toBe(js);
    expect(body.length).toBeLessThan(readFileSync(path.join(root, "chunks", "app-1a2b.js")).length / 5);
  });

  it("leaves everything else to Next: no brotli accepted, other paths, traversal, missing files", () => {
    const ask = (url: string, enc = "br", method = "GET") => serveBrotli({ method, url, headers: { "accept-encoding": enc } }, fakeResponse().res, root);
    expect(ask("/_next/static/chunks/app-1a2b.js", "gzip")).toBe(false);
    expect(ask("/_next/static/chunks/app-1a2b.js", "br", "POST")).toBe(false);
    expect(ask("/_next/static/../secret.txt")).toBe(false);
    expect(ask("/_next/static/%2e%2e/secret.txt")).toBe(false);
    expect(ask("/_next/static/chunks/missing.js")).toBe(false);
    expect(ask("/products/x")).toBe(false);
  });
});
