import "server-only";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { databaseConfig } from "@/lib/db/config";

let cached: string | undefined;

/**
 * AUTH_SECRET signs sessions and encrypts the OCI cookie. Production (PostgreSQL) must set it.
 * On the embedded database (a laptop) a random secret is created once beside the data, so the
 * one-command start needs no setup and no secret ever sits in the repository.
 */
export function appSecret(): string {
  if (cached) return cached;
  const fromEnv = process.env.AUTH_SECRET;
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error("AUTH_SECRET must be at least 32 characters (try: openssl rand -base64 33)");
    return (cached = fromEnv);
  }
  const config = databaseConfig();
  if (config.kind !== "pglite") {
    throw new Error("AUTH_SECRET is not set. Set it to a random value of at least 32 characters.");
  }
  const dir = config.dir === "memory://" ? ".data" : path.dirname(path.resolve(config.dir));
  const file = path.join(dir, "auth-secret");
  try {
    cached = readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(dir, { recursive: true });
    const secret = randomBytes(33).toString("base64url");
    try {
      writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
      cached = secret;
    } catch {
      cached = readFileSync(file, "utf8").trim(); // another worker wrote it first
    }
  }
  return cached;
}
