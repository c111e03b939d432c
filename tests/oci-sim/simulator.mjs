// Procurement-system simulator for OCI punchout (plain Node, no dependencies).
// Used by browser tests and by developers: `npm run oci:sim` (see server.mjs for the env config).
//
// Pages:
//   GET  /            simulator page; query: mode=iframe|popup|top, method=GET|POST, charset, username,
//                     password, upper=1, autostart=1, shop=<url>, target=<frame name for ~TARGET>
//   POST /session     body/query "charset=…" → {"session": "<id>", "charset": "…"} (used by the page
//                     when it needs a new hook session, e.g. after the charset select changed)
//   POST /hook        receives the OCI basket (any query string)
//   GET  /received    JSON array of everything received (newest last)
//   POST /reset       clears received baskets
//   GET  /health      200 "ok"
//
// Charset of a received basket: the charset registered for the hook URL's `session` query value (each
// GET / registers a fresh session with its `charset` query value, default utf-8; POST /session makes
// more). If the session is unknown, an explicit `sim_charset` query parameter on the hook URL is used,
// then a `charset=` parameter of the Content-Type header, else utf-8.
//
// Logging: exactly one line per request, "METHOD /path" without the query string (it carries passwords).

import { createServer } from "node:http";
import { randomBytes } from "node:crypto";

const MAX_BODY = 10 * 1024 * 1024;
const MAX_SESSIONS = 1000;

export function normalizeSimCharset(value) {
  const v = String(value ?? "").trim().toLowerCase();
  return ["iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "windows-1252", "cp1252"].includes(v) ? "iso-8859-1" : "utf-8";
}

export function escapeHtml(value) {
  return String(value)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Percent-decodes one urlencoded component into bytes ("+" → space). */
function percentDecodeBytes(bytes) {
  const out = [];
  const isHex = (b) => (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x2b) out.push(0x20);
    else if (b === 0x25 && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
      out.push(parseInt(String.fromCharCode(bytes[i + 1], bytes[i + 2]), 16));
      i += 2;
    } else out.push(b);
  }
  return Uint8Array.from(out);
}

/** Parses an application/x-www-form-urlencoded body (bytes) and decodes names/values with `charset`. */
export function parseFormBody(body, charset) {
  const decoder = new TextDecoder(charset === "iso-8859-1" ? "windows-1252" : "utf-8");
  const fields = [];
  let start = 0;
  const bytes = Uint8Array.from(body);
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x26) continue; // '&'
    const part = bytes.subarray(start, i);
    start = i + 1;
    if (part.length === 0) continue;
    const eq = part.indexOf(0x3d); // '='
    const name = eq < 0 ? part : part.subarray(0, eq);
    const value = eq < 0 ? new Uint8Array(0) : part.subarray(eq + 1);
    fields.push([decoder.decode(percentDecodeBytes(name)), decoder.decode(percentDecodeBytes(value))]);
  }
  return fields;
}

/** Number of distinct items n in NEW_ITEM-…[n] / NEW_ITEM-LONGTEXT_n:132[] names. */
export function countItems(fields) {
  const items = new Set();
  for (const [name] of fields) {
    const m = /^NEW_ITEM-[A-Z0-9_]+\[(\d+)\]$/i.exec(name) ?? /^NEW_ITEM-LONGTEXT_(\d+):132\[\]$/i.exec(name);
    if (m) items.add(m[1]);
  }
  return items.size;
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on("data", (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error("body too large"));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function send(res, status, type, body, headers = {}) {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store", "referrer-policy": "no-referrer", ...headers });
  res.end(body);
}

const PAGE_STYLE = `
  body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #1a1a1a; }
  form.controls { display: grid; grid-template-columns: max-content minmax(12rem, 32rem); gap: .5rem 1rem; align-items: center; }
  .buttons { display: flex; gap: .75rem; margin: 1rem 0; flex-wrap: wrap; }
  button { padding: .5rem 1rem; font-size: 1rem; }
  iframe { width: 100%; height: 800px; border: 2px solid #555; }
  table { border-collapse: collapse; } th, td { border: 1px solid #999; padding: .25rem .5rem; text-align: left; vertical-align: top; }
  td { white-space: pre-wrap; }
`;

function simulatorPage({ config }) {
  const json = JSON.stringify(config).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
  const opt = (value, label, selected) => `<option value="${escapeHtml(value)}"${selected ? " selected" : ""}>${escapeHtml(label)}</option>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="referrer" content="no-referrer">
<title>Procurement system simulator</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<main>
<h1>Procurement system simulator</h1>
<p>Starts an OCI punchout into the shop and shows the basket the shop sends back.</p>
<form class="controls" id="sim-form" onsubmit="return false">
  <label for="shop">Shop URL</label>
  <input id="shop" name="shop" type="url" value="${escapeHtml(config.shop)}" autocomplete="off">
  <label for="username">Username</label>
  <input id="username" name="username" type="text" value="${escapeHtml(config.username)}" autocomplete="off">
  <label for="password">Password</label>
  <input id="password" name="password" type="password" value="${escapeHtml(config.password)}" autocomplete="off">
  <label for="charset">Charset</label>
  <select id="charset" name="charset">${opt("utf-8", "utf-8", config.charset === "utf-8")}${opt("iso-8859-1", "iso-8859-1", config.charset === "iso-8859-1")}</select>
  <label for="method">Method</label>
  <select id="method" name="method">${opt("GET", "GET", config.method === "GET")}${opt("POST", "POST", config.method === "POST")}</select>
  <label for="upper">Upper-case parameter names</label>
  <input id="upper" name="upper" type="checkbox"${config.upper ? " checked" : ""}>
</form>
<div class="buttons">
  <button type="button" id="open-popup" data-mode="popup">Open in popup</button>
  <button type="button" id="open-iframe" data-mode="iframe">Open in iframe</button>
  <button type="button" id="open-top" data-mode="top">Open in this window</button>
</div>
<p id="status" role="status" aria-live="polite"></p>
<iframe name="ocishop-frame" id="ocishop-frame" title="Shop catalog (punchout)" hidden></iframe>
</main>
<script type="application/json" id="sim-config">${json}</script>
<script>
(() => {
  const config = JSON.parse(document.getElementById("sim-config").textContent);
  let initialSessionUsed = false;
  const $ = (id) => document.getElementById(id);
  const status = (text) => { $("status").textContent = text; };

  async function sessionFor(charset) {
    if (!initialSessionUsed && charset === config.sessionCharset) {
      initialSessionUsed = true;
      return config.session;
    }
    const response = await fetch("/session", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "charset=" + encodeURIComponent(charset),
    });
    return (await response.json()).session;
  }

  function params(session, charset, upper) {
    const hook = config.hookBase + "/hook?sap-client=100&session=" + encodeURIComponent(session);
    const list = [
      [upper ? "USERNAME" : "username", $("username").value],
      [upper ? "PASSWORD" : "password", $("password").value],
      [upper ? "HOOK_URL" : "hook_url", hook],
    ];
    if (charset === "iso-8859-1") list.push([upper ? "HTTP_CONTENT_CHARSET" : "http_content_charset", "iso-8859-1"]);
    list.push(["~OkCode", "ADDI"], ["~TARGET", config.target], ["~CALLER", "CTLG"]);
    return list;
  }

  async function start(mode) {
    const shop = $("shop").value.replace(/\\/+$/, "");
    const charset = $("charset").value;
    const method = $("method").value;
    const upper = $("upper").checked;
    const frameName = mode === "popup" ? "ocishop-popup" : mode === "iframe" ? "ocishop-frame" : "_self";
    let popup = null;
    if (mode === "popup") {
      popup = window.open("about:blank", frameName, "width=1200,height=900");
      if (!popup) { status("The popup was blocked by the browser."); return; }
    }
    if (mode === "iframe") $("ocishop-frame").hidden = false;
    const session = await sessionFor(charset);
    const list = params(session, charset, upper);
    const action = shop + "/ocihome";
    status("Punchout started (" + mode + ", " + method + ", " + charset + ").");
    if (method === "GET") {
      const url = action + "?" + list.map(([k, v]) => encodeURIComponent(k) + "=" + encodeURIComponent(v)).join("&");
      if (mode === "popup") popup.location.href = url;
      else if (mode === "iframe") $("ocishop-frame").src = url;
      else window.location.href = url;
      return;
    }
    const form = document.createElement("form");
    form.method = "post";
    form.action = action;
    form.target = frameName;
    form.acceptCharset = charset;
    form.hidden = true;
    for (const [name, value] of list) {
      const input = document.createElement("input");
      input.type = "hidden";
      input.name = name;
      input.value = value;
      form.appendChild(input);
    }
    document.body.appendChild(form);
    form.submit();
    form.remove();
  }

  for (const button of document.querySelectorAll("button[data-mode]")) {
    button.addEventListener("click", () => { start(button.dataset.mode).catch((e) => status("Could not start: " + e.message)); });
  }
  if (config.autostart && (config.mode === "iframe" || config.mode === "top")) {
    start(config.mode).catch((e) => status("Could not start: " + e.message));
  } else if (config.autostart && config.mode === "popup") {
    status("Press \\u201cOpen in popup\\u201d to start (browsers only open popups on a click).");
  }
})();
</script>
</body>
</html>`;
}

function hookPage(record) {
  const rows = record.fields.map(([name, value]) => `<tr><th scope="row">${escapeHtml(name)}</th><td>${escapeHtml(value)}</td></tr>`).join("\n");
  const count = countItems(record.fields);
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Basket received</title><style>${PAGE_STYLE}</style></head>
<body>
<main>
<h1>Basket received</h1>
<p>Items: <strong id="item-count" data-testid="item-count">${count}</strong> (charset ${escapeHtml(record.charset)})</p>
<table>
<caption>Fields received, in order</caption>
<thead><tr><th scope="col">Field</th><th scope="col">Value</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<p><a href="/">Back to the simulator</a></p>
</main>
</body>
</html>`;
}

/**
 * @param {{ port?: number; host?: string; shopUrl?: string; log?: (line: string) => void }} [options]
 */
export function createSimulator(options = {}) {
  const host = options.host ?? "127.0.0.1";
  const shopUrl = (options.shopUrl ?? "http://localhost:3000").replace(/\/+$/, "");
  const log = options.log ?? ((line) => console.log(line));
  /** @type {any[]} */
  const received = [];
  /** @type {Map<string, "utf-8" | "iso-8859-1">} */
  const sessions = new Map();
  let boundPort = options.port ?? 4010;

  const urlHost = host === "0.0.0.0" || host === "::" ? "localhost" : host.includes(":") ? `[${host}]` : host;
  const baseUrl = () => `http://${urlHost}:${boundPort}`;

  function registerSession(charset) {
    const id = randomBytes(12).toString("hex");
    sessions.set(id, normalizeSimCharset(charset));
    if (sessions.size > MAX_SESSIONS) sessions.delete(sessions.keys().next().value);
    return id;
  }

  async function handle(req, res) {
    const url = new URL(req.url ?? "/", "http://simulator.invalid");
    const method = req.method ?? "GET";
    log(`${method} ${url.pathname}`);

    if (method === "GET" && url.pathname === "/") {
      const q = url.searchParams;
      const charset = normalizeSimCharset(q.get("charset") ?? "utf-8");
      const mode = ["iframe", "popup", "top"].includes(q.get("mode") ?? "") ? q.get("mode") : "iframe";
      const target = /^[A-Za-z0-9_-]{1,64}$/.test(q.get("target") ?? "") ? q.get("target") : "_top";
      const config = {
        shop: q.get("shop") || shopUrl,
        username: q.get("username") ?? "10001",
        password: q.get("password") ?? "demo1234",
        charset,
        method: (q.get("method") ?? "GET").toUpperCase() === "POST" ? "POST" : "GET",
        mode,
        upper: q.get("upper") === "1",
        autostart: q.get("autostart") === "1",
        target,
        hookBase: baseUrl(),
        session: registerSession(charset),
        sessionCharset: charset,
      };
      return send(res, 200, "text/html; charset=utf-8", simulatorPage({ config }));
    }

    if (method === "POST" && url.pathname === "/session") {
      const body = (await readBody(req)).toString("latin1");
      const charset = normalizeSimCharset(new URLSearchParams(body).get("charset") ?? url.searchParams.get("charset") ?? "utf-8");
      const session = registerSession(charset);
      return send(res, 200, "application/json", JSON.stringify({ session, charset }));
    }

    if (method === "POST" && url.pathname === "/hook") {
      const body = await readBody(req);
      const contentType = req.headers["content-type"] ?? "";
      const session = url.searchParams.get("session");
      const typeCharset = /;\s*charset="?([^";]+)"?/i.exec(contentType)?.[1];
      const charset =
        (session && sessions.get(session)) ||
        (url.searchParams.get("sim_charset") ? normalizeSimCharset(url.searchParams.get("sim_charset")) : null) ||
        (typeCharset ? normalizeSimCharset(typeCharset) : "utf-8");
      const isForm = contentType === "" || /^application\/x-www-form-urlencoded\b/i.test(contentType);
      const record = {
        receivedAt: new Date().toISOString(),
        path: url.pathname,
        query: url.search.replace(/^\?/, ""),
        contentType,
        charset,
        fields: isForm ? parseFormBody(body, charset) : [],
        rawBodyBase64: body.toString("base64"),
      };
      received.push(record);
      return send(res, 200, "text/html; charset=utf-8", hookPage(record));
    }

    if (method === "GET" && url.pathname === "/received") {
      return send(res, 200, "application/json; charset=utf-8", JSON.stringify(received));
    }
    if (method === "POST" && url.pathname === "/reset") {
      received.length = 0;
      return send(res, 200, "application/json", JSON.stringify({ ok: true }));
    }
    if ((method === "GET" || method === "HEAD") && url.pathname === "/health") {
      return send(res, 200, "text/plain; charset=utf-8", "ok");
    }
    return send(res, 404, "text/plain; charset=utf-8", "Not found");
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      if (!res.headersSent) send(res, 500, "text/plain; charset=utf-8", `Simulator error: ${error instanceof Error ? error.message : String(error)}`);
      else res.destroy();
    });
  });

  return {
    server,
    received,
    sessions,
    get url() {
      return baseUrl();
    },
    /** Starts listening; resolves with the base URL (port 0 picks a free port). */
    start() {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(boundPort, host, () => {
          server.off("error", reject);
          const address = server.address();
          if (address && typeof address === "object") boundPort = address.port;
          resolve(baseUrl());
        });
      });
    },
    stop() {
      return new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve(undefined));
      });
    },
  };
}
