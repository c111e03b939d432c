import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "@/db/schema";
import { databaseConfig } from "./config";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export type Handle = { db: Db; close: () => Promise<void>; kind: "postgres" | "pglite"; url?: string };

// One handle per process, kept on globalThis: Next bundles route handlers, server components and
// instrumentation separately, and two PGlite instances on one folder would corrupt it.
const HANDLE = Symbol.for("oci-shop.db");
type Store = { [HANDLE]?: Promise<Handle> };

export async function openDatabase(config = databaseConfig()): Promise<Handle> {
  if (config.kind === "postgres") {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const client = postgres(config.url, {
      max: config.poolSize,
      onnotice: () => {},
      connect_timeout: 5,
      // For scripts/bench.mjs: every statement with its parameters, to count and EXPLAIN them.
      ...(process.env.DB_TRACE_QUERIES === "1"
        ? { debug: (_c: number, query: string, params: unknown[]) => console.log(`[db-query] ${JSON.stringify({ query, params })}`) }
        : {}),
    });
    return { db: drizzle(client, { schema }) as unknown as Db, close: () => client.end(), kind: "postgres", url: config.url };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { drizzle } = await import("drizzle-orm/pglite");
  if (config.dir !== "memory://") mkdirSync(path.resolve(config.dir), { recursive: true });
  const client = await PGlite.create(config.dir === "memory://" ? undefined : path.resolve(config.dir), {
    extensions: { pg_trgm },
  });
  return { db: drizzle(client, { schema }) as unknown as Db, close: () => client.close(), kind: "pglite" };
}

/**
 * What the server process does to a freshly opened database before first use (migrate, and on the
 * embedded database seed demo data). instrumentation.ts registers it, so this client knows nothing
 * of migrations or seed data; scripts and tests open and prepare their databases themselves.
 */
export type Preparer = (handle: Handle) => Promise<void>;
const PREPARER = Symbol.for("oci-shop.db-preparer");
type PreparerStore = { [PREPARER]?: Preparer };

export function setDatabasePreparer(prepare: Preparer) {
  (globalThis as PreparerStore)[PREPARER] = prepare;
}

async function ready(): Promise<Handle> {
  const handle = await openDatabase();
  const prepare = (globalThis as PreparerStore)[PREPARER];
  try {
    if (prepare) await prepare(handle);
  } catch (error) {
    await handle.close().catch(() => {});
    throw error;
  }
  return handle;
}

/** The shared database, prepared (see setDatabasePreparer) before first use; a failed start is retried. */
export async function getDb(): Promise<Db> {
  const store = globalThis as Store;
  if (!store[HANDLE]) {
    store[HANDLE] = ready().catch((error) => {
      delete store[HANDLE];
      throw error;
    });
  }
  return (await store[HANDLE]).db;
}

/** For tests and scripts: replace the shared handle (closing the old one). */
export async function setDbHandleForTests(handle: Handle | undefined) {
  const store = globalThis as Store;
  const old = store[HANDLE];
  if (handle) store[HANDLE] = Promise.resolve(handle);
  else delete store[HANDLE];
  if (old && (!handle || (await old) !== handle)) await (await old).close().catch(() => {});
}

/**
 * Rows of a raw statement, whichever driver ran it: postgres.js answers an array of rows, PGlite an
 * object holding them. For the few statements the query builder cannot express.
 */
export async function executeRows<T extends Record<string, unknown>>(db: Db | Tx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
