import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll } from "vitest";
import { openDatabase, setDbHandleForTests, type Handle } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";

// Every integration test file gets a database of its own: in-memory PGlite, or a fresh PostgreSQL
// database created next to TEST_DATABASE_URL and dropped afterwards.
let dropDatabase: (() => Promise<void>) | undefined;
let handle: Handle | undefined;

beforeAll(async () => {
  if (process.env.TEST_DB_KIND === "postgres") {
    const base = process.env.TEST_DATABASE_URL!;
    const name = `oci_shop_test_${randomBytes(6).toString("hex")}`;
    const admin = postgres(base, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    handle = await openDatabase({ kind: "postgres", url: url.toString(), poolSize: 5, seedOnStart: false });
    dropDatabase = async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  } else {
    handle = await openDatabase({ kind: "pglite", dir: "memory://", seedOnStart: false });
  }
  await migrateDatabase(handle);
  await setDbHandleForTests(handle);
});

afterAll(async () => {
  await setDbHandleForTests(undefined);
  await dropDatabase?.();
});
