import { openDatabase } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";

// `npm run db:migrate`: applies the committed migrations to DATABASE_URL (or the PGlite folder).
async function main() {
  const handle = await openDatabase();
  try {
    const started = performance.now();
    await migrateDatabase(handle);
    console.log(`Migrated the ${handle.kind} database in ${Math.round(performance.now() - started)} ms.`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
