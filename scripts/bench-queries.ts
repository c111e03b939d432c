// Query-level benchmark of the catalogue's search and listing functions, without HTTP or rendering:
//   DATABASE_URL=postgres://… npx tsx --conditions react-server scripts/bench-queries.ts [--runs 30] [--no-explain]
// Calls the lib functions directly against the (already seeded) database, prints p50/p95 per case,
// then runs every SQL statement a case issued once more under EXPLAIN (ANALYZE, BUFFERS) and prints
// a one-line summary per statement: execution time, buffers, the plan's scan nodes, and whether any
// node is a sequential scan on products. Read-only.
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "@/db/schema";
import { listProductsForAdmin, type ProductListRow } from "@/lib/admin/products";
import type { Viewer } from "@/lib/auth/session-viewer";
import { getCategoryBySlug, listManufacturers, listProducts } from "@/lib/catalog/queries";
import { searchProducts } from "@/lib/catalog/search";
import { setDbHandleForTests, type Db } from "@/lib/db/client";

const args = process.argv.slice(2);
const runsArg = args.indexOf("--runs");
const RUNS = runsArg >= 0 ? Number(args[runsArg + 1]) || 30 : 30;
const EXPLAIN = !args.includes("--no-explain");
const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL to a seeded PostgreSQL database.");
  process.exit(2);
}

type Captured = { query: string; params: unknown[] };
let capture: Captured[] | null = null;
const client = postgres(url, {
  max: 4,
  onnotice: () => {},
  debug: (_c: number, query: string, params: unknown[]) => {
    capture?.push({ query, params: [...params] });
  },
});
const db = drizzle(client, { schema }) as unknown as Db;
await setDbHandleForTests({ db, close: () => client.end(), kind: "postgres", url });

const [{ n: productCount }] = (await client`select count(*)::int as n from products`) as unknown as [{ n: number }];
const top = await getCategoryBySlug("fasteners");
if (!top) throw new Error("No 'fasteners' category: seed the database first (npm run db:seed)");
const categoryIds = [top.category.id, ...top.children.map((c) => c.id)];

// The back office's lists take the signed-in operator; these cases read as one.
const operator: Viewer = { userId: 0, email: "bench@example.com", name: "Bench", role: "admin", customer: { id: 0, kind: "consumer", name: "", debtorNumber: null, priceListId: null, ociVendorNumber: null, vatMode: "standard" } };
const adminList = async (filter: Parameters<typeof listProductsForAdmin>[1]): Promise<Result> => {
  const r = (await listProductsForAdmin(operator, filter))!;
  return { items: r.rows as ProductListRow[], total: r.total, totalIsCapped: r.totalIsCapped };
};

type Result = { items: { sku: string; name: string }[]; total: number; totalIsCapped?: boolean };
const describe = (r: Result | string[]) =>
  Array.isArray(r)
    ? `${r.length} manufacturers`
    : `total ${r.total}${r.totalIsCapped ? "+" : ""}, first: ${r.items[0] ? `${r.items[0].sku} ${r.items[0].name}` : "—"}`;

const cases: [string, () => Promise<Result | string[]>][] = [
  ['search words "Schraube verzinkt"', () => searchProducts("Schraube verzinkt", 1, 24)],
  ['search typo "Schrauebe"', () => searchProducts("Schrauebe", 1, 24)],
  ['search typo "hamer"', () => searchProducts("hamer", 1, 24)],
  ['search common word "Schraube"', () => searchProducts("Schraube", 1, 24)],
  ['search SKU prefix "FAS-100"', () => searchProducts("FAS-100", 1, 24)],
  ["search exact SKU FAS-10001", () => searchProducts("FAS-10001", 1, 24)],
  ["listing fasteners p1 (name)", () => listProducts({ categoryIds, sort: "name", page: 1, pageSize: 24 })],
  ["listing fasteners price_desc p20", () => listProducts({ categoryIds, sort: "price_desc", page: 20, pageSize: 24 })],
  ["listing fasteners manufacturer=Nordfix", () => listProducts({ categoryIds, sort: "name", page: 1, pageSize: 24, manufacturer: "Nordfix" })],
  ["listManufacturers(fasteners)", () => listManufacturers(categoryIds)],
  ["admin products p1", () => adminList({})],
  ["admin products p20", () => adminList({ page: 20 })],
  ['admin products q "schraube"', () => adminList({ q: "schraube" })],
  ['admin products q "FAS-100"', () => adminList({ q: "FAS-100" })],
  ["admin products category fasteners", () => adminList({ categoryId: top.category.id })],
  ["admin products fasteners inactive", () => adminList({ categoryId: top.category.id, active: "inactive" })],
];

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: PlanNode[]; "Actual Rows"?: number; "Actual Loops"?: number };
function scans(node: PlanNode, out: string[] = []): string[] {
  if (node["Relation Name"] || node["Index Name"]) {
    const rows = (node["Actual Rows"] ?? 0) * (node["Actual Loops"] ?? 1);
    out.push(`${node["Node Type"]}(${node["Index Name"] ?? node["Relation Name"]})=${rows}`);
  }
  for (const child of node.Plans ?? []) scans(child, out);
  return out;
}
function seqOnProducts(node: PlanNode): boolean {
  return (node["Node Type"] === "Seq Scan" && node["Relation Name"] === "products") || (node.Plans ?? []).some(seqOnProducts);
}

console.log(`${productCount} products; fasteners = categories [${categoryIds.join(", ")}]; ${RUNS} runs per case\n`);
const rows: string[][] = [];
for (const [name, run] of cases) {
  for (let i = 0; i < 3; i++) await run(); // warm-up
  const times: number[] = [];
  let last: Result | string[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    last = await run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  rows.push([name, percentile(times, 50).toFixed(1), percentile(times, 95).toFixed(1), describe(last)]);
}
const w = [Math.max(...rows.map((r) => r[0]!.length)), 7, 7];
console.log(`${"case".padEnd(w[0]!)}  ${"p50 ms".padStart(w[1]!)}  ${"p95 ms".padStart(w[2]!)}  result`);
for (const r of rows) console.log(`${r[0]!.padEnd(w[0]!)}  ${r[1]!.padStart(w[1]!)}  ${r[2]!.padStart(w[2]!)}  ${r[3]}`);

if (EXPLAIN) {
  console.log("\nEXPLAIN (ANALYZE, BUFFERS) per statement:");
  let anySeq = false;
  for (const [name, run] of cases) {
    capture = [];
    await run();
    const statements = capture;
    capture = null;
    console.log(`- ${name}: ${statements.length} statement(s)`);
    for (const s of statements) {
      const [row] = (await client.unsafe(`explain (analyze, buffers, format json) ${s.query}`, s.params as never[])) as unknown as [
        { "QUERY PLAN": [{ Plan: PlanNode & { "Shared Hit Blocks"?: number; "Shared Read Blocks"?: number }; "Execution Time": number }] },
      ];
      const plan = row["QUERY PLAN"][0];
      const seq = seqOnProducts(plan.Plan);
      anySeq ||= seq;
      console.log(
        `    ${plan["Execution Time"].toFixed(2)} ms, buffers hit ${plan.Plan["Shared Hit Blocks"] ?? 0} read ${plan.Plan["Shared Read Blocks"] ?? 0}${seq ? ", SEQ SCAN ON PRODUCTS" : ""}; ${scans(plan.Plan).join(", ")}`,
      );
    }
  }
  console.log(anySeq ? "\nSome statement scans the whole products table." : "\nNo statement scans the whole products table (no Seq Scan on products).");
}

await setDbHandleForTests(undefined);
