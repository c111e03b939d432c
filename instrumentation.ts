// Runs once per server process before it serves requests: open the database, apply migrations and
// (on the embedded database) seed demo data, so the first request does not pay for it.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDb } = await import("@/lib/db/client");
  try {
    await getDb();
  } catch (error) {
    // Keep serving: /api/health answers 503 and pages show a friendly error until the database is back.
    console.error(`[db] not ready at start: ${(error as Error).message}`);
  }
}
