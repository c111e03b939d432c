// Page-view benchmark on a large catalog: `node scripts/bench.mjs [--products 100000]` after `npm run build`.
// Creates a scratch PostgreSQL database (BENCH_DATABASE_URL's server, default the local one), seeds it,
// starts the built shop with query tracing, and for each page reports latency (p50/p95 over
// sequential requests), the number of SQL statements one view costs, and whether any statement's
// plan scans a whole catalog table. Only loopback traffic; bounded request counts.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import postgres from "postgres";

const args = process.argv.slice(2);
const products = Number(args[args.indexOf("--products") + 1] ?? 100000) || 100000;
const runs = 30;
const port = 3200;
const base = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const name = `oci_shop_bench_${randomBytes(4).toString("hex")}`;
const admin = postgres(base, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);
const url = new URL(base);
url.pathname = `/${name}`;
const env = { ...process.env, DATABASE_URL: url.toString(), AUTH_SECRET: randomBytes(33).toString("base64url"), PORT: String(port) };


try {
  const t0 = Date.now();
  const seed = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions", "react-server", "scripts/db-seed.ts", "--products", String(products)], { env, stdio: "inherit" });
  if (seed.status !== 0) throw new Error("seeding failed");
  console.log(`seeded ${products} products in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const db = postgres(url.toString(), { max: 1, onnotice: () => {} });
  await db`analyze`;
  // A sequential scan matters on a large table; on a handful of rows it is the planner's best choice.
  const BIG_TABLES = new Set((await db`select relname from pg_class where relkind = 'r' and reltuples > 5000`).map((r) => r.relname));

  const server = spawn(process.execPath, ["scripts/start.mjs"], { env: { ...env, DB_TRACE_QUERIES: "1" } });
  let queries = [];
  let buffer = "";
  server.stdout.on("data", (chunk) => {
    buffer += chunk;
    const lines = buffer.split("\n");
    buffer = lines.pop();
    for (const line of lines) if (line.startsWith("[db-query] ")) queries.push(JSON.parse(line.slice(11)));
  });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://localhost:${port}/api/health`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 300));
  }

  const [cat] = await db`select slug from categories where parent_id is null order by position limit 1`;
  const [prod] = await db`select slug from products where sku = 'FAS-10001'`;
  const pages = [
    ["home", "/"],
    ["category listing", `/categories/${cat.slug}`],
    ["listing, price sort, page 20", `/categories/${cat.slug}?sort=price_desc&page=20`],
    ["product detail", `/products/${prod.slug}`],
    ["search (words)", `/search?q=${encodeURIComponent("Schraube verzinkt")}`],
    ["search (typo)", `/search?q=${encodeURIComponent("Schrauebe")}`],
    ["search (SKU prefix)", "/search?q=FAS-100"],
    ["cart (anonymous)", "/cart"],
  ];
  // A B2B buyer's views (customer prices, punchout session) use the cookies a punchout call sets.
  const login = await fetch(`http://localhost:${port}/ocihome`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ username: "10001", password: "demo1234", hook_url: "http://127.0.0.1:9/hook" }),
  });
  const buyerCookie = login.headers.getSetCookie().map((c) => c.split(";")[0]).filter((c) => !c.endsWith("=")).join("; ");
  pages.push(
    ["buyer: category listing", `/categories/${cat.slug}`, buyerCookie],
    ["buyer: product detail", `/products/${prod.slug}`, buyerCookie],
    ["buyer: search (words)", `/search?q=${encodeURIComponent("Schraube verzinkt")}`, buyerCookie],
    ["buyer: cart", "/cart", buyerCookie],
  );
  const rows = [];
  for (const [label, path, cookie] of pages) {
    const headers = cookie ? { Cookie: cookie } : {};
    await fetch(`http://localhost:${port}${path}`, { headers }); // warm up
    // Let the trace lines of earlier requests drain from the server's stdout before counting.
    await new Promise((r) => setTimeout(r, 1500));
    queries = [];
    const res = await fetch(`http://localhost:${port}${path}`, { headers });
    await res.text();
    await new Promise((r) => setTimeout(r, 1500));
    const traced = [...queries];
    if (process.env.BENCH_SHOW_QUERIES) for (const q of traced) console.log(label, "|", q.query.slice(0, 140));
    const scans = [];
    for (const q of traced) {
      if (!/^\s*(select|with)/i.test(q.query)) continue;
      const [plan] = await db.unsafe(`explain (format json) ${q.query}`, q.params);
      const walk = (node) => {
        if (node["Node Type"] === "Seq Scan" && BIG_TABLES.has(node["Relation Name"])) scans.push(node["Relation Name"]);
        for (const child of node.Plans ?? []) walk(child);
      };
      walk(plan["QUERY PLAN"][0].Plan);
    }
    const times = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      const r = await fetch(`http://localhost:${port}${path}`, { headers });
      await r.text();
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    rows.push({ page: label, status: res.status, queries: traced.length, "p50 ms": times[Math.floor(runs / 2)].toFixed(1), "p95 ms": times[Math.floor(runs * 0.95)].toFixed(1), "full scans": scans.join(",") || "none" });
  }
  console.table(rows);
  server.kill("SIGTERM");
  await db.end();
} finally {
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
}
