// Import benchmark (not part of npm test):
//   npx tsx --conditions react-server scripts/bench-import.ts [--rows 100000]
// Creates a scratch PostgreSQL database next to BENCH_DATABASE_URL (default
// postgres://postgres@127.0.0.1:5432/postgres), migrates it, adds the demo category tree and an
// operator, writes products CSV files to the temp folder and imports them from disk through
// importCsv — the function the upload route streams request bodies into. Prints time and peak RSS
// (sampled every 20 ms) for: a small file, the full file as inserts, the full file again with every
// price changed (all updates), and the same file once more (all unchanged). Drops the database.
import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { once } from "node:events";
import postgres from "postgres";
import { stringify } from "csv-stringify/sync";
import Module from "node:module";
import { categories, customers, users } from "@/db/schema";
import { generateCatalog } from "@/db/seed/catalog";
import { PRODUCT_COLUMNS } from "@/lib/admin/csv/columns";
import type { Viewer } from "@/lib/auth/session-viewer";
import { openDatabase, setDbHandleForTests } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";

// lib/admin/guard.ts imports notFound from next/navigation. Next's server build gets the
// react-server variant of that module; plain Node would load the client one, which needs React's
// client API, so the script points Node at the same variant Next uses.
const moduleInternals = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const resolveFilename = moduleInternals._resolveFilename;
moduleInternals._resolveFilename = function (request, ...rest) {
  const target = request === "./dist/client/components/navigation" || request === "next/navigation" ? "next/dist/client/components/navigation.react-server.js" : request;
  return resolveFilename.call(this, target, ...rest);
};
const { importCsv } = await import("@/lib/admin/import");

const args = process.argv.slice(2);
const rowsArg = args.indexOf("--rows");
const ROWS = rowsArg >= 0 ? Number(args[rowsArg + 1]) : 100_000;
if (!Number.isInteger(ROWS) || ROWS < 1) {
  console.error("--rows takes a whole number ≥ 1");
  process.exit(2);
}
const base = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const name = `oci_shop_bench_import_${randomBytes(4).toString("hex")}`;
const UNITS = ["C62", "PCE", "MTR", "KGM", "BX", "SET"];
const WORDS = ["Schraube", "Mutter", "Scheibe", "Dübel", "Winkel", "Kugelhahn", "Schlauch", "Zange", "Bohrer", "Handschuh"];

/** A products CSV of `rows` rows; `priceShift` changes every list price (for an all-updates run). */
async function writeCsv(file: string, rows: number, leaves: string[], priceShift: number, prefix = "BENCH") {
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, "drain");
  };
  await write(stringify([PRODUCT_COLUMNS as unknown as string[]], { delimiter: ";", bom: true }));
  const page: string[][] = [];
  for (let i = 0; i < rows; i++) {
    const word = WORDS[i % WORDS.length]!;
    page.push([
      `${prefix}-${String(i).padStart(7, "0")}`,
      `${word} M${(i % 24) + 3}x${(i % 90) + 10} Edelstahl A${(i % 3) + 2} Nr. ${i}`,
      `${word} aus Edelstahl; für Innen und Außen. Artikel ${i}, "Qualität" geprüft.`,
      `Hersteller ${i % 50}`,
      `MPN-${i}`,
      UNITS[i % UNITS.length]!,
      i % 7 === 0 ? "100" : "1",
      `${(i % 5000) + priceShift},${String(i % 100).padStart(2, "0")}`,
      "EUR",
      i % 11 === 0 ? "7" : "19",
      String(i % 14),
      "31161500",
      leaves[i % leaves.length]!,
      String(i % 1000),
      "1",
      "1",
      i % 50 === 0 ? "false" : "true",
      "false",
    ]);
    if (page.length === 1000) {
      await write(stringify(page, { delimiter: ";" }));
      page.length = 0;
    }
  }
  if (page.length) await write(stringify(page, { delimiter: ";" }));
  out.end();
  await once(out, "finish");
}

async function measure(label: string, run: () => Promise<unknown>) {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const started = performance.now();
  const result = await run();
  const ms = performance.now() - started;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(0)} MB`;
  console.log(`${label.padEnd(34)} ${(ms / 1000).toFixed(2).padStart(7)} s   RSS before ${mb(before).padStart(7)}   peak ${mb(peak).padStart(7)}   ${JSON.stringify(result)}`);
}

const admin = postgres(base, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);
const url = new URL(base);
url.pathname = `/${name}`;
const files: string[] = [];
try {
  const handle = await openDatabase({ kind: "postgres", url: url.toString(), poolSize: 2, seedOnStart: false });
  await migrateDatabase(handle);
  await setDbHandleForTests(handle);
  const db = handle.db;

  // The demo category tree: top level first, then the leaves products go in.
  const tree = generateCatalog({ products: 1 }).categories;
  const ids = new Map<string, number>();
  for (const c of await db.insert(categories).values(tree.filter((c) => !c.parentSlug).map((c) => ({ slug: c.slug, name: c.name, position: c.position }))).returning()) ids.set(c.slug, c.id);
  const leaves = tree.filter((c) => c.parentSlug).map((c) => c.slug);
  await db.insert(categories).values(tree.filter((c) => c.parentSlug).map((c) => ({ slug: c.slug, name: c.name, position: c.position, parentId: ids.get(c.parentSlug!)! })));
  const [shop] = await db.insert(customers).values({ kind: "consumer", name: "Bench" }).returning();
  const [operator] = await db.insert(users).values({ customerId: shop!.id, email: "bench-admin@example.com", name: "Bench", passwordHash: "x", role: "admin" }).returning();
  const viewer: Viewer = {
    userId: operator!.id,
    email: operator!.email,
    name: operator!.name,
    role: "admin",
    customer: { id: shop!.id, kind: "consumer", name: shop!.name, debtorNumber: null, priceListId: null, ociVendorNumber: null, vatMode: "standard" },
  };

  const small = path.join(tmpdir(), `${name}-small.csv`);
  const full = path.join(tmpdir(), `${name}-full.csv`);
  const changed = path.join(tmpdir(), `${name}-changed.csv`);
  files.push(small, full, changed);
  const smallRows = Math.max(1, Math.floor(ROWS / 10));
  await writeCsv(small, smallRows, leaves, 0, "SMALL");
  await writeCsv(full, ROWS, leaves, 0);
  await writeCsv(changed, ROWS, leaves, 1);
  const fromFile = (file: string) => importCsv(viewer, "products", createReadStream(file, { highWaterMark: 64 * 1024 }), { fileName: path.basename(file), maxBytes: Number.MAX_SAFE_INTEGER });

  console.log(`Products CSV import, PostgreSQL, ${ROWS.toLocaleString("en")} rows (scratch database ${name})`);
  await measure(`${smallRows.toLocaleString("en")} rows, inserts`, () => fromFile(small));
  await measure(`${ROWS.toLocaleString("en")} rows, inserts`, () => fromFile(full));
  await measure(`${ROWS.toLocaleString("en")} rows, all updates`, () => fromFile(changed));
  await measure(`${ROWS.toLocaleString("en")} rows, all unchanged`, () => fromFile(changed));
  await setDbHandleForTests(undefined);
} finally {
  await Promise.all(files.map((f) => rm(f, { force: true })));
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
}
