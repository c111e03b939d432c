// Starts the built standalone shop (as `npm start` does) for browser tests on a database of its own: a fresh PGlite folder, or a
// fresh PostgreSQL database next to TEST_DATABASE_URL (dropped again when the server stops).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";

const kind = process.argv[2] ?? "pglite";
export const databaseUrlFile = (p) => path.join(tmpdir(), `oci-shop-e2e-${p}.database-url`);
const port = process.env.PORT ?? (kind === "postgres" ? "3101" : "3100");
const env = {
  ...process.env,
  PORT: port,
  AUTH_SECRET: process.env.E2E_AUTH_SECRET ?? randomBytes(33).toString("base64url"),
  SEED_DEMO_DATA: "true",
  AUTH_THROTTLE_IP_LIMIT: "1000",
  // The throttle specs fire parallel bursts on a loaded 2-core machine: here hashing waits rather
  // than answers "busy" (the busy path has integration tests and the sign-in benchmark).
  AUTH_HASH_QUEUE: "32",
  AUTH_HASH_WAIT_MS: "30000",
  // Catalog pages regenerate every 2 s here, so a spec can watch a database change reach a cached page.
  CATALOG_CACHE_SECONDS: "2",
  NODE_ENV: "production",
};
delete env.DATABASE_URL;
let cleanup = async () => {};

if (kind === "postgres") {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error("TEST_DATABASE_URL is required for the postgres browser tests");
  const name = `oci_shop_e2e_${randomBytes(5).toString("hex")}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  // Specs that change the catalog behind the server's back (as a second instance would) find it here.
  writeFileSync(databaseUrlFile(port), env.DATABASE_URL);
  cleanup = async () => {
    rmSync(databaseUrlFile(port), { force: true });
    await admin.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
    await admin.end();
  };
} else {
  const dir = mkdtempSync(path.join(tmpdir(), "oci-shop-e2e-"));
  env.PGLITE_DIR = path.join(dir, "pglite");
  cleanup = async () => rmSync(dir, { recursive: true, force: true });
}

// The server that ships: the standalone build behind the launcher that knows the peer address.
env.HOSTNAME = "127.0.0.1";
const child = spawn(process.execPath, [path.resolve("scripts/start.mjs")], { env, stdio: "inherit" });
let stopping = false;
const stop = async (code) => {
  if (stopping) return;
  stopping = true;
  child.kill("SIGTERM");
  await new Promise((r) => (child.exitCode === null ? child.once("exit", r) : r()));
  await cleanup();
  process.exit(code ?? 0);
};
process.on("SIGTERM", () => stop(0));
process.on("SIGINT", () => stop(0));
child.on("exit", (code) => {
  if (!stopping) void cleanup().then(() => process.exit(code ?? 1));
});
