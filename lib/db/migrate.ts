import path from "node:path";
import type { Db } from "./client";

export function migrationsFolder() {
  return path.join(process.cwd(), "db", "migrations");
}

/**
 * Applies the committed drizzle-kit migrations. On PostgreSQL several app instances may start at
 * once, so the run is serialised with an advisory lock on a dedicated connection.
 */
export async function migrateDatabase(handle: { db: Db; kind: "postgres" | "pglite"; url?: string }) {
  const folder = migrationsFolder();
  if (handle.kind === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(handle.db as unknown as Parameters<typeof migrate>[0], { migrationsFolder: folder });
    return;
  }
  if (!handle.url) throw new Error("A PostgreSQL handle needs its URL to migrate");
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  const client = postgres(handle.url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(hashtext('oci-shop:migrations'))`;
    await migrate(drizzle(client), { migrationsFolder: folder });
    await client`select pg_advisory_unlock(hashtext('oci-shop:migrations'))`;
  } finally {
    await client.end();
  }
}
