import { sql } from "drizzle-orm";
import { connection } from "next/server";
import { getDb } from "@/lib/db/client";

export async function GET() {
  // Asked of the database now, on every call: never answered from a build-time or cached result.
  await connection();
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
    return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json({ status: "unavailable", message: "The database does not answer." }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
