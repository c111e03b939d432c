// Procurement-system simulator (OCI punchout) — `npm run oci:sim`.
// Env: PORT (default 4010), HOST (default 127.0.0.1), SHOP_URL (default http://localhost:3000).
// See simulator.mjs for the pages it serves.
import { createSimulator } from "./simulator.mjs";

const port = Number.parseInt(process.env.PORT ?? "4010", 10);
const host = process.env.HOST || "127.0.0.1";
const shopUrl = process.env.SHOP_URL || "http://localhost:3000";

const simulator = createSimulator({ port: Number.isNaN(port) ? 4010 : port, host, shopUrl });
const url = await simulator.start();
console.log(`Procurement system simulator on ${url} (shop: ${shopUrl})`);

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    simulator.stop().then(() => process.exit(0));
  });
}
