// Page benchmark: `npm run bench [-- --sizes 1000,100000] [--duration 10] [--warmup 3] [--connections 32] [--build]`
//
// Takes minutes, so it is not part of `npm test`. It
//   1. builds the shop (when `.next/standalone/server.js` is missing, or with --build) and the tiny
//      reference app in bench/reference (same Next.js, no shop code) that sets the yardstick;
//   2. per catalog size, seeds a scratch PostgreSQL database (dropped again at the end, also on
//      failure or Ctrl-C) and starts the standalone shop through scripts/start.mjs;
//   3. loads every page of PAGES with autocannon (warm-up, then a fixed duration, 32 connections,
//      no pipelining, loopback only), each shop page at every size back to back, and records
//      req/s, p50/p95/p99, CPU ms per request (server and PostgreSQL), errors, timeouts, non-2xx;
//   4. counts the SQL statements one view of each page costs (on a second, tracing server) and
//      checks their plans for full scans of large tables;
//   5. times /ocihome up to the first shop page against one password hash, reads the server's RSS
//      and sums the product page's first-load JS (gzip);
// then prints one markdown table and writes it into BENCHMARKS.md ("Latest run"). Exits non-zero
// when any measured request failed, timed out or was answered with a non-2xx status, when a load
// run completed no request at all, or when a server exited during the run.
import autocannon from "autocannon";
import { spawn, spawnSync } from "node:child_process";
import { randomBytes, scrypt } from "node:crypto";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import postgres from "postgres";

const ROOT = path.resolve(import.meta.dirname, "..");
const NEXT_BIN = path.join(ROOT, "node_modules/next/dist/bin/next");
const TSX_CLI = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");
const REFERENCE_DIR = path.join(ROOT, "bench/reference");
const KEEP_TITLE = path.join(ROOT, "bench/keep-title.cjs");
const BENCHMARKS_MD = path.join(ROOT, "BENCHMARKS.md");
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

// The demo data's B2B buyer (db/seed): a plain web sign-in, and the debtor number its punchout uses.
const BUYER = { email: "buyer@example.com", name: "Jan Müller", debtor: "10001", password: "demo1234" };
// Nothing listens on port 9 (discard): the hook URL is only stored, never called by the benchmark.
const HOOK_URL = "http://127.0.0.1:9/hook";

// What is measured, in table order. `app` says which server answers (default: the shop), `path` may
// depend on the seeded catalog (`c.category`, `c.product`), `as: "buyer"` sends the signed-in B2B
// buyer's cookies, `cookie` a fixed Cookie header. To measure another page, add a row.
const PAGES = [
  { label: "reference: static /", app: "reference", path: "/" },
  { label: "reference: /dynamic (cookie)", app: "reference", path: "/dynamic", cookie: "visitor=bench" },
  { label: "home", path: "/" },
  { label: "category listing", path: (c) => `/categories/${c.category}` },
  { label: "product page", path: (c) => `/products/${c.product}` },
  { label: "search: words", path: `/search?q=${encodeURIComponent("Schraube verzinkt")}` },
  { label: "search: typo", path: "/search?q=Schrauebe" },
  { label: "search: SKU prefix", path: "/search?q=FAS-100" },
  { label: "buyer: category listing", path: (c) => `/categories/${c.category}`, as: "buyer" },
  { label: "buyer: product page", path: (c) => `/products/${c.product}`, as: "buyer" },
  // A whole view as the buyer's browser makes it: the page plus the personal requests its scripts
  // send (account and cart count; the buyer's own prices only when the page came without them).
  // req/s is then views per second; latencies are per request.
  { label: "buyer view: category listing + its personal requests", path: (c) => `/categories/${c.category}`, as: "buyer", personal: {} },
  { label: "buyer view: product page + its personal requests", path: (c) => `/products/${c.product}`, as: "buyer", personal: { tiers: true } },
];
const REFERENCE_STATIC = PAGES[0].label;
// The page whose first-load JS is summed.
const FIRST_LOAD_PAGE = "product page";

// ---------------------------------------------------------------------------------------------
// Options

const USAGE = `Usage: npm run bench -- [--sizes 1000,100000] [--duration 10] [--warmup 3] [--connections 32] [--ocihome-runs 10] [--build]`;

function parseOptions(argv) {
  const opts = { sizes: [1000, 100000], duration: 10, warmup: 3, connections: 32, ocihomeRuns: 10, build: false };
  const positive = (flag, raw) => {
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) fail(`${flag} needs a positive number, not ${JSON.stringify(raw)}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    const value = () => inline ?? argv[++i] ?? fail(`${flag} needs a value\n${USAGE}`);
    if (flag === "--sizes") opts.sizes = value().split(",").map((s) => Math.round(positive(flag, s)));
    else if (flag === "--duration") opts.duration = positive(flag, value());
    else if (flag === "--warmup") opts.warmup = positive(flag, value());
    else if (flag === "--connections") opts.connections = Math.round(positive(flag, value()));
    else if (flag === "--ocihome-runs") opts.ocihomeRuns = Math.round(positive(flag, value()));
    else if (flag === "--build") opts.build = true;
    else if (flag === "--help" || flag === "-h") {
      console.log(USAGE);
      process.exit(0);
    } else fail(`Unknown option ${flag}\n${USAGE}`);
  }
  opts.sizes = [...new Set(opts.sizes)].sort((a, b) => a - b);
  return opts;
}

function fail(message) {
  console.error(message);
  process.exit(2);
}

const log = (...parts) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...parts);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// Clean-up: every server started and database created registers how to undo it. Each catalog size
// unwinds its own steps when it ends; a failure or Ctrl-C unwinds everything.

const undo = [];

async function unwind(toLength = 0) {
  while (undo.length > toLength) {
    try {
      await undo.pop()();
    } catch (error) {
      log(`clean-up step failed: ${error.message}`);
    }
  }
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    log(`${signal}: stopping servers and dropping scratch databases`);
    void unwind().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------
// Processes

/** Runs a command to its end, its output on stderr (stdout carries only the report); rejects on a non-zero exit. */
function run(command, args, env = process.env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ["ignore", process.stderr, process.stderr] });
    child.on("error", reject);
    child.on("exit", (code, signal) => (code === 0 ? resolve() : reject(new Error(`${path.basename(command)} ${args.join(" ")} ended with ${signal ?? code}`))));
  });
}

/** Builds what is missing (or everything with --build). Both builds use the repository's one `next`. */
async function ensureBuilds(force) {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  const shopBuild = path.join(ROOT, ".next/standalone/server.js");
  if (force || !existsSync(shopBuild)) {
    log("building the shop (npm run build)");
    await run("npm", ["run", "build"], env);
  } else log(`using the existing shop build from ${statSync(shopBuild).mtime.toISOString()} (pass --build to rebuild)`);
  if (force || !existsSync(path.join(REFERENCE_DIR, ".next/BUILD_ID"))) {
    log("building the reference app (next build bench/reference)");
    await run(process.execPath, [NEXT_BIN, "build", REFERENCE_DIR], env);
  }
}

/** A port nobody listens on right now (other agents may run servers on the usual ones). */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Calls `onLine` for every complete line of a stream. */
function eachLine(stream, onLine) {
  let rest = "";
  stream.setEncoding("utf8");
  stream.on("data", (chunk) => {
    const lines = (rest + chunk).split("\n");
    rest = lines.pop();
    for (const line of lines) onLine(line);
  });
}

/**
 * Starts a server process (`args(port)`) on a free loopback port and waits until `readyPath`
 * answers 200. Its output is always read (a full pipe would stall the server); `[db-query] ` trace
 * lines are parsed into `server.queries`, the last other lines are kept to explain a crash.
 */
async function startServer(name, args, env, readyPath) {
  const port = await freePort();
  const child = spawn(process.execPath, ["--require", KEEP_TITLE, ...args(port)], { cwd: ROOT, env: { ...env, PORT: String(port), HOSTNAME: "127.0.0.1" }, stdio: ["ignore", "pipe", "pipe"] });
  const server = { name, child, port, base: `http://127.0.0.1:${port}`, queries: [], tail: [], exited: null };
  const remember = (line) => {
    server.tail.push(line);
    if (server.tail.length > 40) server.tail.shift();
  };
  eachLine(child.stdout, (line) => (line.startsWith("[db-query] ") ? server.queries.push(JSON.parse(line.slice(11))) : remember(line)));
  eachLine(child.stderr, remember);
  child.on("exit", (code, signal) => (server.exited = { code, signal }));
  undo.push(() => stopServer(server));
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    assertAlive(server);
    try {
      if ((await request(server, readyPath)).status === 200) return server;
    } catch {}
    await sleep(250);
  }
  throw new Error(`${name} did not answer ${readyPath} within 90 s:\n${server.tail.join("\n")}`);
}

function assertAlive(server) {
  if (server.exited) throw new Error(`${server.name} exited (${server.exited.signal ?? server.exited.code}):\n${server.tail.join("\n")}`);
}

async function stopServer(server) {
  if (server.exited) return;
  server.child.kill("SIGTERM");
  const gone = new Promise((r) => server.child.once("exit", r));
  if ((await Promise.race([gone.then(() => true), sleep(5000).then(() => false)])) === false) {
    server.child.kill("SIGKILL");
    await gone;
  }
}

/** The shop as `npm start` runs it: the standalone build behind scripts/start.mjs. */
function startShop(name, databaseUrl, authSecret, extraEnv = {}) {
  const env = {
    ...process.env,
    ...extraEnv,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: authSecret,
    AUTH_TRUST_HOST: "true",
    SEED_DEMO_DATA: "false",
    // The benchmark signs the same buyer in a dozen times from one address; the limits are for
    // attackers, not for this.
    AUTH_THROTTLE_LOGIN_LIMIT: "100000",
    AUTH_THROTTLE_USER_LIMIT: "100000",
    AUTH_THROTTLE_IP_LIMIT: "100000",
  };
  return startServer(name, () => [path.join(ROOT, "scripts/start.mjs")], env, "/api/health");
}

/** The reference app under `next start` (the same server code the standalone build runs). */
function startReference() {
  const env = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
  return startServer("reference app", (port) => [NEXT_BIN, "start", REFERENCE_DIR, "--port", String(port), "--hostname", "127.0.0.1"], env, "/");
}

// ---------------------------------------------------------------------------------------------
// HTTP: one request per call on a fresh connection, body kept as sent (never decompressed).

/** A browser's cookie store, reduced to what the benchmark needs: names and values. */
class CookieJar {
  values = new Map();
  take(setCookies) {
    for (const line of setCookies) {
      const [pair, ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const deleted = value === "" || attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=.*1970/i.test(a));
      if (deleted) this.values.delete(name);
      else this.values.set(name, value);
    }
  }
  header() {
    return [...this.values].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

function request(server, pathAndQuery, { method = "GET", headers = {}, form, jar, cookie } = {}) {
  const body = form ? Buffer.from(new URLSearchParams(form).toString()) : undefined;
  const all = { ...headers };
  const cookies = [cookie, jar?.header()].filter(Boolean).join("; ");
  if (cookies) all.Cookie = cookies;
  if (body) Object.assign(all, { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(body.length) });
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: server.port, method, path: pathAndQuery, headers: all, agent: false }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => {
        const setCookies = [res.headers["set-cookie"] ?? []].flat();
        jar?.take(setCookies);
        resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) });
      });
      res.on("error", reject);
    });
    req.setTimeout(60_000, () => req.destroy(new Error(`${method} ${pathAndQuery}: no answer within 60 s`)));
    req.on("error", reject);
    req.end(body);
  });
}

// ---------------------------------------------------------------------------------------------
// Database

async function createCatalog(admin, products) {
  const name = `oci_shop_bench_${randomBytes(5).toString("hex")}`;
  await admin.unsafe(`create database ${name}`);
  undo.push(() => admin.unsafe(`drop database if exists ${name} with (force)`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const started = performance.now();
  log(`seeding ${name} with ${products} products`);
  await run(process.execPath, [TSX_CLI, "--conditions", "react-server", "scripts/db-seed.ts", "--products", String(products)], { ...process.env, DATABASE_URL: url.toString() });
  const db = postgres(url.toString(), { max: 1, onnotice: () => {} });
  undo.push(() => db.end());
  // Fresh statistics, as a live database has: the planner's choices are what the benchmark measures.
  await db`analyze`;
  log(`seeded and analyzed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const [category] = await db`select slug from categories where parent_id is null order by position limit 1`;
  const [product] = await db`select slug from products where sku = 'FAS-10001'`;
  if (!category || !product) throw new Error("the seeded catalog has no root category or no FAS-10001");
  // A sequential scan matters on a large table; on a handful of rows it is the planner's best choice.
  const bigTables = new Set((await db`select relname from pg_class where relkind = 'r' and reltuples > 5000`).map((r) => r.relname));
  return { url: url.toString(), db, bigTables, context: { category: category.slug, product: product.slug } };
}

/** Tables a statement's plan reads whole, among the large ones. */
async function fullScans(db, bigTables, statements) {
  const scans = new Set();
  for (const { query, params } of statements) {
    if (!/^\s*(select|with)\b/i.test(query)) continue;
    try {
      const [plan] = await db.unsafe(`explain (format json) ${query}`, params);
      const walk = (node) => {
        if (node["Node Type"] === "Seq Scan" && bigTables.has(node["Relation Name"])) scans.add(node["Relation Name"]);
        for (const child of node.Plans ?? []) walk(child);
      };
      walk(plan["QUERY PLAN"][0].Plan);
    } catch (error) {
      scans.add(`(explain failed: ${error.message.slice(0, 60)})`);
    }
  }
  return [...scans];
}

// ---------------------------------------------------------------------------------------------
// Measurements

const pagePath = (page, context) => (typeof page.path === "function" ? page.path(context) : page.path);

/** Nearest-rank percentile of sorted numbers. */
const percentile = (sorted, p) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const median = (values) => percentile([...values].sort((a, b) => a - b), 50);

/**
 * One autocannon run. autocannon's own percentiles skip p95, so every response time is kept and the
 * percentiles are computed here (over all responses, whatever their status).
 */
async function loadRun(url, cookie, seconds, connections, extra = []) {
  const times = [];
  const headers = cookie ? { cookie } : {};
  // Several paths: each connection requests them in turn, one view after another.
  const requests = extra.length ? [{ path: new URL(url).pathname + new URL(url).search }, ...extra.map((p) => ({ path: p }))] : undefined;
  const perView = requests ? requests.length : 1;
  const instance = autocannon({ url, connections, pipelining: 1, duration: seconds, timeout: 10, headers, ...(requests ? { requests } : {}) });
  instance.on("response", (_client, _status, _bytes, ms) => times.push(ms));
  const result = await instance;
  times.sort((a, b) => a - b);
  return {
    rps: result.requests.average / perView,
    requests: result.requests.total,
    sent: Math.max(result.requests.sent, result.requests.total, 1),
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    errors: result.errors - result.timeouts,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}

// Things the reader of the report should know about what was measured (e.g. a buyer page whose
// HTML does not show the buyer: its personal parts then load by script, outside the measured request).
const notes = new Set();

/** The requests a page's scripts make for the signed-in visitor (see components/viewer). */
async function personalRequests(server, pathAndQuery, cookie, { tiers = false }) {
  const html = (await request(server, pathAndQuery, { cookie })).body.toString();
  // A page cached with the customer's prices asks for none (components/viewer/use-viewer.ts).
  if (html.includes('data-price-source="own"')) return ["/api/viewer"];
  const ids = [...new Set([...html.matchAll(/data-product-id="(\d+)"/g)].map((m) => m[1]))];
  if (ids.length === 0) throw new Error(`${pathAndQuery} shows no product ids for the price request`);
  const prices = `/api/prices?ids=${ids.join(",")}${tiers ? "&tiers=1" : ""}`;
  const res = await request(server, prices, { cookie });
  if (res.status !== 200 || !JSON.parse(res.body.toString()).personal) throw new Error(`${prices} did not answer the buyer's own prices`);
  return ["/api/viewer", prices];
}

/** One view before the load: it should be 200 (and show the buyer's own prices); its size is reported. */
async function checkPage(server, page, pathAndQuery, cookie) {
  const res = await request(server, pathAndQuery, { cookie });
  if (res.status !== 200) log(`warning: ${page.label} (${pathAndQuery}) answered ${res.status}`);
  if (page.as === "buyer" && !res.body.toString().includes('data-price-source="own"')) {
    notes.add(`${page.label}: the HTML does not carry ${BUYER.name}'s own prices; they load by script, outside the measured request`);
  }
  return res.body.length;
}

async function measurePage(server, page, { context = {}, cookie, opts, tag = "", db }) {
  const pathAndQuery = pagePath(page, context);
  const htmlBytes = await checkPage(server, page, pathAndQuery, cookie);
  const url = server.base + pathAndQuery;
  const extra = page.personal ? await personalRequests(server, pathAndQuery, cookie, page.personal) : [];
  // Warm-up: compiled routes loaded, connection pools filled, JIT warm; not recorded.
  await loadRun(url, cookie, opts.warmup, opts.connections, extra);
  await settle(server);
  const before = await cpuSample(server, db);
  const result = await loadRun(url, cookie, opts.duration, opts.connections, extra);
  // Requests still in flight when the run ends are rendered all the same: their CPU counts, and so
  // do they (per request sent, not completed).
  await settle(server);
  const cpu = cpuSpent(before, await cpuSample(server, db), result.sent);
  assertAlive(server);
  log(`${page.label}${tag ? ` at ${tag}` : ""}: ${result.rps.toFixed(1)} req/s, p95 ${result.p95.toFixed(0)} ms, CPU ${cpu.server.toFixed(1)} + ${cpu.db.toFixed(1)} ms/req, ${result.errors + result.timeouts + result.non2xx} failed`);
  return { ...result, htmlBytes, cpu };
}

// CPU time per request is what contention on a shared machine changes least: req/s and latency
// move with other work, the CPU a request costs hardly does. Read from /proc (Linux).
const CLOCK_TICK_MS = 1000 / (Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout?.trim()) || 100);

/** User + system CPU time a process and its descendants have used so far, in ms. */
function cpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" "); // fields[11], [12]: utime, stime
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean);
    return (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_MS + children.reduce((sum, c) => sum + cpuMs(c), 0);
  } catch {
    return 0; // the process has ended
  }
}

/** The server's CPU, and each PostgreSQL backend's serving the catalog database (no database: none). */
async function cpuSample(server, db) {
  const backends = db ? await db`select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()` : [];
  return { server: cpuMs(server.child.pid), db: new Map(backends.map(({ pid }) => [pid, cpuMs(pid)])) };
}

/** CPU ms per request between two samples: the server's, and the database backends' together. */
function cpuSpent(before, after, requests) {
  let db = 0;
  for (const [pid, ms] of after.db) db += ms - (before.db.get(pid) ?? 0);
  return { server: (after.server - before.server) / requests, db: db / requests };
}

/** Waits (at most 30 s) until the server has used no CPU for 300 ms: the last requests are done. */
async function settle(server) {
  const deadline = Date.now() + 30_000;
  let last = cpuMs(server.child.pid);
  while (Date.now() < deadline) {
    await sleep(300);
    const now = cpuMs(server.child.pid);
    if (now - last <= CLOCK_TICK_MS) return;
    last = now;
  }
}

/** Waits until the server has written no trace line for `ms` (its stdout drains asynchronously). */
async function quiet(server, ms = 400) {
  let seen = -1;
  while (seen !== server.queries.length) {
    seen = server.queries.length;
    await sleep(ms);
  }
}

/** Statements one sequential view costs, after a first view (which may fill what it caches). */
async function countQueries(server, catalog, page, cookie) {
  const pathAndQuery = pagePath(page, catalog.context);
  await request(server, pathAndQuery, { cookie });
  await quiet(server);
  server.queries = [];
  const res = await request(server, pathAndQuery, { cookie });
  await quiet(server);
  const statements = server.queries;
  if (process.env.BENCH_SHOW_QUERIES) for (const q of statements) log(`${page.label} | ${q.query.slice(0, 140)}`);
  return { status: res.status, count: statements.length, scans: await fullScans(catalog.db, catalog.bigTables, statements) };
}

/** A normal web sign-in through Auth.js's credentials endpoint (the provider /login uses). */
async function signInBuyer(shop) {
  const jar = new CookieJar();
  const { csrfToken } = JSON.parse((await request(shop, "/api/auth/csrf", { jar })).body.toString());
  await request(shop, "/api/auth/callback/credentials", { method: "POST", jar, form: { csrfToken, username: BUYER.email, password: BUYER.password, callbackUrl: "/" } });
  const session = JSON.parse((await request(shop, "/api/auth/session", { jar })).body.toString() || "null");
  if (session?.user?.email !== BUYER.email) throw new Error(`signing in as ${BUYER.email} failed`);
  // The browser's first page asks /api/viewer, which hands out the price pass.
  await request(shop, "/api/viewer", { jar });
  return jar.header();
}

/** POST /ocihome in a fresh browser, following the redirects up to the first 200 HTML page. */
async function ocihomeToFirstPage(shop) {
  const jar = new CookieJar();
  const started = performance.now();
  let res = await request(shop, "/ocihome", { method: "POST", jar, form: { username: BUYER.debtor, password: BUYER.password, hook_url: HOOK_URL } });
  const hops = ["/ocihome"];
  while (res.status >= 300 && res.status < 400 && hops.length < 10) {
    const next = new URL(res.headers.location, shop.base);
    hops.push(next.pathname);
    res = await request(shop, next.pathname + next.search, { jar });
  }
  const ms = performance.now() - started;
  if (res.status !== 200 || !String(res.headers["content-type"]).includes("text/html")) throw new Error(`/ocihome ended at ${hops.join(" → ")} with ${res.status}`);
  return { ms, hops };
}

/** The shop's scrypt parameters, read from lib/auth/password.ts so the comparison follows changes. */
function hashParameters() {
  const source = readFileSync(path.join(ROOT, "lib/auth/password.ts"), "utf8");
  const params = /PARAMS\s*=\s*\{\s*N:\s*2\s*\*\*\s*(\d+),\s*r:\s*(\d+),\s*p:\s*(\d+)/.exec(source);
  const keyLength = /KEY_LENGTH\s*=\s*(\d+)/.exec(source);
  if (!params || !keyLength) throw new Error("lib/auth/password.ts: could not read the scrypt parameters (PARAMS / KEY_LENGTH)");
  return { N: 2 ** Number(params[1]), r: Number(params[2]), p: Number(params[3]), keyLength: Number(keyLength[1]) };
}

/** Median time of one password hash as the shop computes it (three runs, in this process). */
async function timeOneHash({ N, r, p, keyLength }) {
  const times = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    await new Promise((resolve, reject) =>
      scrypt(BUYER.password.normalize("NFKC"), randomBytes(16), keyLength, { N, r, p, maxmem: 256 * 1024 * 1024 }, (e) => (e ? reject(e) : resolve())),
    );
    times.push(performance.now() - started);
  }
  return median(times);
}

/** RSS of the serving process (start.mjs loads server.js in-process) plus any children it has. */
function memoryOf(pid) {
  const status = (p) => readFileSync(`/proc/${p}/status`, "utf8");
  const kB = (text, field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(text)?.[1] ?? 0);
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean);
  const own = status(pid);
  const rssKb = kB(own, "VmRSS") + children.reduce((sum, c) => sum + kB(status(c), "VmRSS"), 0);
  return { rssMiB: rssKb / 1024, peakMiB: kB(own, "VmHWM") / 1024, children: children.length };
}

/**
 * Bytes of JavaScript a first visit downloads: every `<script src="/_next/…">` of the page, as the
 * server sends it with `Accept-Encoding: gzip` (gzipped here at level 6 if it does not compress).
 * noModule scripts (polyfills) are left out as in Next's own "First Load JS": modern browsers skip
 * them. Beside it: the bytes as a browser receives them (it also accepts brotli), when the server
 * sends any file as brotli.
 */
async function firstLoadJs(shop, pathAndQuery) {
  const html = (await request(shop, pathAndQuery)).body.toString();
  const tags = [...html.matchAll(/<script\b[^>]*\bsrc="(\/_next\/[^"]+)"[^>]*>/g)];
  const files = new Map(tags.map(([tag, src]) => [src, /\bnoModule\b/i.test(tag)]));
  const total = { gzip: 0, browser: 0, skipped: 0, anyBrotli: false };
  for (const [src, noModule] of files) {
    const res = await request(shop, src, { headers: { "Accept-Encoding": "gzip" } });
    if (res.status !== 200) throw new Error(`${src}: ${res.status}`);
    const gzipBytes = res.headers["content-encoding"] === "gzip" ? res.body.length : gzipSync(res.body, { level: 6 }).length;
    const asBrowser = await request(shop, src, { headers: { "Accept-Encoding": "gzip, deflate, br" } });
    if (noModule) total.skipped += gzipBytes;
    else {
      total.gzip += gzipBytes;
      total.browser += asBrowser.body.length;
      total.anyBrotli ||= asBrowser.headers["content-encoding"] === "br";
    }
  }
  return { kB: total.gzip / 1024, browserKB: total.anyBrotli ? total.browser / 1024 : null, files: [...files.values()].filter((n) => !n).length, skippedKB: total.skipped / 1024 };
}

// ---------------------------------------------------------------------------------------------
// The run. Other work on the machine changes its speed over minutes, so what is compared is measured
// close together: every shop page runs at each catalog size back to back (all shops are up at once,
// idle while not measured), and the reference static page runs again at the end to show the drift.

async function startShops(admin, sizes) {
  const shops = [];
  for (const size of sizes) {
    const catalog = await createCatalog(admin, size);
    const secret = randomBytes(33).toString("base64url");
    // Load and latency on a server without query tracing (its log lines would cost time under load).
    const server = await startShop(`shop (${sizeName(size)} products)`, catalog.url, secret);
    const restart = () => startShop(server.name, catalog.url, secret);
    shops.push({ size, catalog, secret, server, restart, buyerCookie: await signInBuyer(server), pages: {}, queries: {}, scans: {}, exits: [] });
  }
  return shops;
}

const cookieFor = (shop, page) => (page.as === "buyer" ? shop.buyerCookie : page.cookie);
const shopPages = () => PAGES.filter((p) => p.app !== "reference");

/**
 * Runs `measure(server)` on `target.server`; if that server died meanwhile (a crash, or a process
 * killed from outside on a shared machine), starts it again once with `target.restart()` and
 * repeats, noting the exit for the report.
 */
async function surviving(target, what, measure) {
  try {
    return await measure(target.server);
  } catch (error) {
    const { server } = target;
    await Promise.race([new Promise((r) => (server.exited ? r() : server.child.once("exit", r))), sleep(1000)]);
    if (!server.exited) throw error;
    const how = server.exited.signal ?? `code ${server.exited.code}`;
    target.exits.push(`${server.name} during ${what}: exited with ${how}`);
    log(`${server.name} exited (${how}) during ${what}; last output:\n${server.tail.slice(-15).join("\n")}\nrestarting it and repeating ${what}`);
    target.server = await target.restart();
    return measure(target.server);
  }
}

async function loadShopPages(shops, opts) {
  for (const page of shopPages()) {
    for (const shop of shops) {
      shop.pages[page.label] = await surviving(shop, page.label, (server) =>
        measurePage(server, page, { context: shop.catalog.context, cookie: cookieFor(shop, page), opts, tag: sizeName(shop.size), db: shop.catalog.db }),
      );
    }
  }
  // Right after the load, before /ocihome hashes passwords (128 MiB each).
  for (const shop of shops) shop.memory = memoryOf(shop.server.child.pid);
}

/** First-load JS (on the smallest catalog), then /ocihome against one hash, one shop at a time. */
async function measureSignInAndAssets(shops, opts) {
  const product = PAGES.find((p) => p.label === FIRST_LOAD_PAGE);
  shops[0].firstLoadJs = await surviving(shops[0], "first-load JS", (server) => firstLoadJs(server, pagePath(product, shops[0].catalog.context)));
  for (const shop of shops) {
    shop.hashMs = await timeOneHash(hashParameters());
    const runs = [];
    for (let i = 0; i < opts.ocihomeRuns; i++) runs.push(await surviving(shop, "/ocihome", ocihomeToFirstPage));
    shop.ocihome = { ms: median(runs.map((r) => r.ms)), hops: runs[0].hops };
    log(`/ocihome → first page at ${sizeName(shop.size)}: median ${shop.ocihome.ms.toFixed(0)} ms (${shop.ocihome.hops.join(" → ")}); one hash ${shop.hashMs.toFixed(0)} ms`);
    await stopServer(shop.server);
  }
}

/** Statements per view on a tracing server (same secret, so the buyer's cookie stays valid). */
async function countShopQueries(shops) {
  for (const shop of shops) {
    const traced = await startShop(`tracing shop (${sizeName(shop.size)} products)`, shop.catalog.url, shop.secret, { DB_TRACE_QUERIES: "1" });
    for (const page of shopPages()) {
      const { count, scans, status } = await countQueries(traced, shop.catalog, page, cookieFor(shop, page));
      shop.queries[page.label] = status === 200 ? count : `${count} (${status})`;
      shop.scans[page.label] = scans;
    }
    await stopServer(traced);
  }
}

// ---------------------------------------------------------------------------------------------
// Report

const fixed = (n, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : "–");
const sizeName = (n) => (n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n));

function gitDescription() {
  const sha = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).stdout.trim();
  const dirty = spawnSync("git", ["status", "--porcelain", "--", "app", "lib", "components", "db", "proxy.ts", "next.config.ts"], { cwd: ROOT, encoding: "utf8" }).stdout.trim();
  return dirty ? `${sha} (with uncommitted changes to the shop)` : sha;
}

function renderReport({ opts, reference, referenceAgain, sizes, exits, startedAt, seconds, loadBefore, loadAfter }) {
  const small = sizes[0];
  const large = sizes.at(-1);
  const refRps = reference[REFERENCE_STATIC].rps;
  const many = sizes.length > 1;
  const head = [
    "page",
    "req/s",
    "× ref static",
    "p50 ms",
    "p95 ms",
    "p99 ms",
    "CPU ms / req (server + PostgreSQL)",
    "errors / timeouts / non-2xx",
    ...(many ? [`p95 ms at ${sizeName(large.size)}`, `growth p95 ${sizeName(large.size)}/${sizeName(small.size)}`, `CPU ms / req at ${sizeName(large.size)}`] : []),
    "queries / view",
  ];
  const rows = PAGES.map((page) => {
    const isRef = page.app === "reference";
    const first = isRef ? reference[page.label] : small.pages[page.label];
    const last = isRef ? null : large.pages[page.label];
    const runs = isRef ? [first] : sizes.map((s) => s.pages[page.label]);
    const failed = ["errors", "timeouts", "non2xx"].map((k) => runs.reduce((sum, r) => sum + r[k], 0)).join(" / ");
    const counts = isRef ? [] : [...new Set(sizes.map((s) => s.queries[page.label]))];
    return [
      page.label,
      fixed(first.rps, 1),
      `${fixed(first.rps / refRps, 3)}×`,
      fixed(first.p50),
      fixed(first.p95),
      fixed(first.p99),
      `${fixed(first.cpu.server, 1)} + ${fixed(first.cpu.db, 1)}`,
      failed,
      ...(many ? (isRef ? ["–", "–", "–"] : [fixed(last.p95), `${fixed(last.p95 / first.p95, 2)}×`, `${fixed(last.cpu.server, 1)} + ${fixed(last.cpu.db, 1)}`]) : []),
      isRef ? "–" : counts.join(" → "),
    ];
  });
  const table = [head, head.map(() => "---"), ...rows].map((cells) => `| ${cells.join(" | ")} |`).join("\n");

  const perSize = (fn) => sizes.map((s) => `${sizeName(s.size)}: ${fn(s)}`).join("; ");
  const js = small.firstLoadJs;
  const scans = [...new Set(sizes.flatMap((s) => Object.entries(s.scans).flatMap(([label, tables]) => tables.map((t) => `${label} at ${sizeName(s.size)}: ${t}`))))];
  const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
  const cpus = os.cpus();
  const lines = [
    `Run ${startedAt.toISOString().slice(0, 16).replace("T", " ")} UTC, commit ${gitDescription()}; Node ${process.version}, Next ${nextVersion()}, ${os.availableParallelism()} CPUs (${cpus[0]?.model.trim() ?? "?"}); load average ${loadBefore} before, ${loadAfter} after; took ${(seconds / 60).toFixed(1)} min.`,
    `Load: autocannon, ${opts.connections} connections, no pipelining, ${opts.warmup} s warm-up + ${opts.duration} s per page, loopback, no Accept-Encoding; req/s and p50/p95/p99 at ${sizeName(small.size)} products${many ? `; each page runs at every size back to back; errors summed over ${sizes.map((s) => sizeName(s.size)).join(" and ")}` : ""}.`,
    "",
    table,
    "",
    `- /ocihome → first shop page (POST, fresh browser, ${opts.ocihomeRuns} sequential runs, median): ${perSize((s) => `${fixed(s.ocihome.ms)} ms = ${fixed(s.ocihome.ms / s.hashMs, 2)}× one password hash (${fixed(s.hashMs)} ms)`)}; target ≤ 1.5×. Path: ${small.ocihome.hops.join(" → ")} → 200.`,
    `- Server RSS after the load runs: ${perSize((s) => `${fixed(s.memory.rssMiB)} MiB (peak ${fixed(s.memory.peakMiB)} MiB)`)}.`,
    `- First-load JS of the product page (gzip): ${fixed(js.kB, 1)} kB in ${js.files} files; target ≤ 130 kB${js.browserKB !== null ? `; as a browser receives it (the server sends brotli too) ${fixed(js.browserKB, 1)} kB` : ""}${js.skippedKB ? ` (plus a ${fixed(js.skippedKB, 1)} kB noModule polyfill that modern browsers skip)` : ""}.`,
    `- Reference static page at the start and at the end of the load runs: ${fixed(refRps, 1)} → ${fixed(referenceAgain.rps, 1)} req/s (how much the machine's speed drifted meanwhile).`,
    `- HTML per view (uncompressed): reference static ${kB(reference[REFERENCE_STATIC].htmlBytes)}, shop category listing ${kB(small.pages["category listing"].htmlBytes)}, product page ${kB(small.pages["product page"].htmlBytes)}${many ? htmlGrowth(sizes, kB) : ""}.`,
    `- Full scans of large tables in the plans: ${scans.length ? scans.join("; ") : "none"}.`,
    `- Server exits during the run (restarted, the step repeated): ${exits.length ? exits.join("; ") : "none"}.`,
    ...[...notes].map((note) => `- Note: ${note}.`),
  ];
  return lines.join("\n");
}

/** Cached pages cost what their HTML costs to send: name the pages whose HTML differs between catalogue sizes. */
function htmlGrowth(sizes, kB) {
  const [small, large] = [sizes[0], sizes.at(-1)];
  const grown = Object.keys(small.pages)
    .map((label) => [label, small.pages[label].htmlBytes, large.pages[label]?.htmlBytes])
    .filter(([, a, b]) => b !== undefined && Math.abs(b - a) > a * 0.05)
    .map(([label, a, b]) => `${label} ${kB(a)} → ${kB(b)}`);
  return `; more than 5 % apart between ${sizeName(small.size)} and ${sizeName(large.size)}: ${grown.length ? grown.join(", ") : "none"}`;
}

function nextVersion() {
  return JSON.parse(readFileSync(path.join(ROOT, "node_modules/next/package.json"), "utf8")).version;
}

const BENCHMARKS_INTRO = `# Benchmarks

\`npm run bench\` (see scripts/bench.mjs) measures the shop's pages under load against a tiny static
Next app (bench/reference) on the same machine. Other work on the machine moves absolute numbers;
compare the ratios within one run. \`npm run bench -- --sizes 1000 --duration 3\` is a quick smoke run.
`;

/** Replaces the "Latest run" section of BENCHMARKS.md (everything else stays as it is). */
function writeLatestRun(report) {
  const text = existsSync(BENCHMARKS_MD) ? readFileSync(BENCHMARKS_MD, "utf8") : BENCHMARKS_INTRO;
  const section = `## Latest run\n\n${report}\n\n`;
  const existing = /^## Latest run\n[\s\S]*?(?=^## |(?![\s\S]))/m;
  const next = existing.test(text) ? text.replace(existing, section) : `${text.trimEnd()}\n\n${section}`;
  writeFileSync(BENCHMARKS_MD, `${next.trimEnd()}\n`);
}

async function main() {
  const opts = parseOptions(process.argv.slice(2));
  const startedAt = new Date();
  const loadBefore = os.loadavg()[0].toFixed(2);
  await ensureBuilds(opts.build);
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  undo.push(() => admin.end());

  const shops = await startShops(admin, opts.sizes);
  const ref = { server: await startReference(), restart: startReference, exits: [] };
  const reference = {};
  for (const page of PAGES.filter((p) => p.app === "reference")) {
    reference[page.label] = await surviving(ref, page.label, (server) => measurePage(server, page, { cookie: page.cookie, opts }));
  }
  await loadShopPages(shops, opts);
  const referenceAgain = await surviving(ref, "the last run", (server) => measurePage(server, PAGES[0], { opts, tag: "the end" }));
  await stopServer(ref.server);
  await measureSignInAndAssets(shops, opts);
  await countShopQueries(shops);
  await unwind();

  const seconds = (Date.now() - startedAt.getTime()) / 1000;
  const exits = [...ref.exits, ...shops.flatMap((s) => s.exits)];
  const report = renderReport({ opts, reference, referenceAgain, sizes: shops, exits, startedAt, seconds, loadBefore, loadAfter: os.loadavg()[0].toFixed(2) });
  console.log(`\n${report}\n`);
  writeLatestRun(report);
  log(`written to ${path.relative(process.cwd(), BENCHMARKS_MD) || BENCHMARKS_MD}`);

  // A run in which no response completed (all slower than the duration) measured nothing.
  const failed = [...Object.values(reference), referenceAgain, ...shops.flatMap((s) => Object.values(s.pages))].filter((r) => r.errors + r.timeouts + r.non2xx > 0 || r.requests === 0);
  if (failed.length) {
    log(`${failed.length} page run(s) had errors, timeouts, non-2xx responses or no completed response`);
    process.exitCode = 1;
  }
  if (exits.length) {
    log("a server exited during the run (see the report)");
    process.exitCode = 1;
  }
}

try {
  await main();
} catch (error) {
  log(`failed: ${error.stack ?? error}`);
  await unwind();
  process.exitCode = 1;
}
