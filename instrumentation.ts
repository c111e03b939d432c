// Runs once per server process before it serves requests: registers how the database is prepared
// (migrations, and on the embedded database demo data) and opens it, so the first request does not
// pay for it. If the database is down now, the next request that needs it tries again.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDb, setDatabasePreparer } = await import("@/lib/db/client");
  const { databaseConfig } = await import("@/lib/db/config");
  const { migrateDatabase } = await import("@/lib/db/migrate");
  const { seedDemoDataIfEmpty } = await import("@/db/seed/demo");
  setDatabasePreparer(async (handle) => {
    await migrateDatabase(handle);
    if (databaseConfig().seedOnStart) await seedDemoDataIfEmpty(handle.db);
  });
  if (process.env.NODE_ENV === "production" && process.env.SHOP_PEER_HEADERS !== "1" && !process.env.VERCEL) {
    console.warn("[auth] The client address is unknown (start the shop with `npm start`, i.e. scripts/start.mjs): sign-in limits then count per user only.");
  }
  try {
    await getDb();
  } catch (error) {
    // Keep serving: /api/health answers 503 and pages show a friendly error until the database is back.
    console.error(`[db] not ready at start: ${(error as Error).message}`);
  }
}
