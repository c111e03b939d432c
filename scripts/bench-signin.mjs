// Sign-in attack benchmark against a running shop: `node scripts/bench-signin.mjs --url http://127.0.0.1:3000`
// (start it with `npm start`; the shop must be served on 127.0.0.1 so requests can come from other
// loopback addresses). Reports
//   1. a burst: 12 parallel wrong passwords for one real user from one address — how many were
//      really checked (401) and how many refused before hashing (429);
//   2. a flood: 16 concurrent senders of wrong sign-ins (fresh unknown user names, fresh loopback
//      source addresses and fresh spoofed X-Forwarded-For each time) for a fixed time, while the home
//      page is requested sequentially — its p50/p95 latency against an idle baseline.
// Only loopback traffic; every loop is bounded in count and time.
import http from "node:http";
import { randomBytes } from "node:crypto";

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const target = new URL(opt("--url", "http://127.0.0.1:3000"));
const floodSeconds = Number(opt("--seconds", "10"));
const user = opt("--user", "purchasing@example.com");
if (!/^127\./.test(target.hostname)) throw new Error("--url must be a 127.x.x.x address (loopback only)");

function get(path, { from = "127.0.0.1", headers = {} } = {}) {
  return new Promise((resolve) => {
    const started = performance.now();
    const req = http.request({ host: target.hostname, port: target.port, path, method: "GET", localAddress: from, headers: { Host: target.host, ...headers }, agent: false }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode, ms: performance.now() - started }));
    });
    req.setTimeout(30_000, () => req.destroy(new Error("timeout")));
    req.on("error", () => resolve({ status: 0, ms: performance.now() - started }));
    req.end();
  });
}

const hook = encodeURIComponent("http://127.0.0.1:4010/hook");
const ocihome = (username, password) => `/ocihome?username=${encodeURIComponent(username)}&password=${encodeURIComponent(password)}&hook_url=${hook}`;
const pct = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const tally = (results) => results.reduce((m, r) => ({ ...m, [r.status]: (m[r.status] ?? 0) + 1 }), {});
const fakeIp = () => `${1 + (randomBytes(1)[0] % 220)}.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${1 + (randomBytes(1)[0] % 250)}`;

async function homeLatency(count) {
  const times = [];
  for (let i = 0; i < count; i++) times.push((await get("/")).ms);
  return times;
}

// Warm up (first renders compile and open the database).
await homeLatency(5);

// 1. Burst
const burstFrom = `127.0.${10 + (randomBytes(1)[0] % 200)}.${1 + (randomBytes(1)[0] % 250)}`;
const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => get(ocihome(user, `wrong-${i}-${randomBytes(3).toString("hex")}`), { from: burstFrom })));

// 2. Flood
const baseline = await homeLatency(40);
const deadline = Date.now() + floodSeconds * 1000;
const flood = [];
let n = 0;
async function sender() {
  while (Date.now() < deadline && n < 5000) {
    n += 1;
    const from = `127.1.${randomBytes(1)[0]}.${1 + (randomBytes(1)[0] % 250)}`;
    const ip = fakeIp();
    flood.push(await get(ocihome(`nobody-${randomBytes(6).toString("hex")}@example.com`, "wrong"), { from, headers: { "X-Forwarded-For": ip, "X-Real-IP": ip } }));
  }
}
const during = [];
const measurer = (async () => {
  while (Date.now() < deadline - 500) during.push((await get("/")).ms);
})();
await Promise.all([...Array.from({ length: 16 }, sender), measurer]);

const row = (label, t) => `| ${label} | ${t.length} | ${pct(t, 50).toFixed(0)} ms | ${pct(t, 95).toFixed(0)} ms |`;
console.log(`\n### Burst: 12 parallel wrong passwords for ${user} from ${burstFrom}\n`);
console.log("| answer | count |\n|---|---:|");
for (const [status, count] of Object.entries(tally(burst))) console.log(`| ${status} | ${count} |`);
console.log(`\n### Home page latency, idle and during ${floodSeconds} s of 16 parallel sign-in senders\n`);
console.log("| home page | requests | p50 | p95 |\n|---|---:|---:|---:|");
console.log(row("idle", baseline));
console.log(row("during the flood", during));
console.log(`\nFlood answers (${flood.length} sign-ins, ${(flood.length / floodSeconds).toFixed(1)}/s): ${JSON.stringify(tally(flood))}`);
