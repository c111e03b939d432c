import { sql } from "drizzle-orm";
import { z } from "zod";
import { DEFAULT_DEMO_PRODUCTS, seedDemoDataIfEmpty } from "@/db/seed/demo";
import { products } from "@/db/schema";
import { openDatabase } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";

// `npm run db:seed -- [--products N] [--reset]`: migrates, then fills an empty database with demo
// data. --reset empties every table first (all data is lost).

const USAGE = `Usage: npm run db:seed -- [--products <1..1000000>] [--reset]

  --products N   number of catalogue products to generate (default ${DEFAULT_DEMO_PRODUCTS})
  --reset        delete ALL data (customers, users, catalogue, carts, orders …) before seeding

Uses DATABASE_URL when set, otherwise the embedded PGlite database (PGLITE_DIR).`;

const Args = z.object({
  products: z.coerce.number().int().positive().max(1_000_000).default(DEFAULT_DEMO_PRODUCTS),
  reset: z.boolean().default(false),
});

function parseArgs(argv: string[]): z.infer<typeof Args> | undefined {
  const raw: Record<string, unknown> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--reset") raw.reset = true;
    else if (arg === "--products") {
      const value = argv[++i];
      if (value === undefined || !/^\d+$/.test(value)) return undefined;
      raw.products = value;
    } else if (arg.startsWith("--products=")) {
      const value = arg.slice("--products=".length);
      if (!/^\d+$/.test(value)) return undefined;
      raw.products = value;
    } else if (arg === "--help" || arg === "-h") {
      console.log(USAGE);
      process.exit(0);
    } else return undefined;
  }
  const parsed = Args.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

const TABLES = [
  "order_lines",
  "orders",
  "cart_lines",
  "carts",
  "oci_sessions",
  "auth_throttle",
  "customer_prices",
  "price_list_prices",
  "users",
  "customers",
  "price_lists",
  "products",
  "categories",
  "search_words",
];

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!args) {
    console.error(USAGE);
    process.exit(2);
  }
  const handle = await openDatabase();
  try {
    await migrateDatabase(handle);
    const { db } = handle;
    if (args.reset) {
      await db.execute(sql.raw(`truncate table ${TABLES.join(", ")} restart identity cascade`));
      console.log("Reset: all tables emptied.");
    }
    const started = performance.now();
    const seeded = await seedDemoDataIfEmpty(db, { products: args.products });
    if (!seeded) {
      console.log("The database already has data; nothing seeded. Run with --reset to replace it (deletes everything).");
      return;
    }
    // Fresh statistics and visibility map: the planner picks the catalogue's indexes from the first query on.
    await db.execute(sql`vacuum analyze`);
    const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(products);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`Seeded ${row?.count ?? 0} products, price lists, customers and demo users into the ${handle.kind} database in ${seconds} s.`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
