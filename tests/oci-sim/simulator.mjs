// Procurement-system simulator for OCI and cXML punchout (plain Node; @xmldom/xmldom reads cXML).
// Used by browser tests and by developers: `npm run oci:sim` (see server.mjs for the env config).
//
// Pages (OCI):
//   GET  /            simulator page; query: mode=iframe|popup|top, method=GET|POST, charset, username,
//                     password, upper=1, autostart=1, shop=<url>, target=<frame name for ~TARGET>
//   POST /session     body/query "charset=…" → {"session": "<id>", "charset": "…"} (used by the page
//                     when it needs a new hook session, e.g. after the charset select changed)
//   POST /hook        receives the OCI basket (any query string)
//
// Pages (cXML):
//   GET  /cxml        cXML simulator page; query: shop=<shop base URL>, mode=popup|iframe|top,
//                     operation=create|edit|inspect, field=cxml-urlencoded|cxml-base64 (the return
//                     field this buyer expects; the shop's customer setting decides what it sends,
//                     the return page says whether they match), and overrides of the settings:
//                     setupUrl, fromDomain, fromIdentity, toDomain, toIdentity, senderDomain,
//                     senderIdentity, sharedSecret, userEmail, items (defaults: the shop's demo data).
//   POST /cxml/setup  form (from that page) or JSON (tests; same names, `items` as an array of
//                     {supplierPartId, quantity, auxiliaryId?}): the simulator builds a cXML 1.2.063
//                     PunchOutSetupRequest with a fresh BuyerCookie and BrowserFormPost URL
//                     <sim>/cxml/return/<BuyerCookie>, posts it to the shop's setup URL (server to
//                     server) and reads the StartPage URL from the answer. Form: a page that opens
//                     the StartPage in the window the form was sent to (the page sends it to a
//                     popup, its iframe or itself), or shows the Status code and text. JSON: the
//                     outcome as JSON (also on failure, HTTP 200; `ok` says which).
//   GET  /cxml/setups JSON array of the setups sent (buyerCookie, payloadId, request and answer XML).
//   POST /cxml/return/<BuyerCookie>  receives the browser's form post (cxml-urlencoded or
//                     cxml-base64), records it and shows the items and the raw XML.
//
// Both:
//   GET  /received    JSON array of everything received (newest last): OCI baskets as they always
//                     were, cXML returns with protocol "cxml", cookie, field, xml, receivedAt, …
//   POST /reset       clears received baskets, cXML returns and the list of cXML setups
//   GET  /health      200 "ok"
//
// Trying cXML locally: `npm run dev` (shop on http://localhost:3000, demo data), `npm run oci:sim`,
// open http://127.0.0.1:4010/cxml, pick popup / iframe / this window and press "Start cXML punchout".
// The defaults are the demo customer Müller Maschinenbau (From/Sender AN01000010001, To
// AN02000000100, shared secret demo-cxml-secret). A wrong secret shows the shop's Status 401.
//
// Charset of a received basket: the charset registered for the hook URL's `session` query value (each
// GET / registers a fresh session with its `charset` query value, default utf-8; POST /session makes
// more). If the session is unknown, an explicit `sim_charset` query parameter on the hook URL is used,
// then a `charset=` parameter of the Content-Type header, else utf-8.
//
// Logging: exactly one line per request, "METHOD /path" without the query string (it carries passwords).

import { createServer } from "node:http";
import { randomBytes } from "node:crypto";
import { DOMParser } from "@xmldom/xmldom";

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

// ------------------------------------------------------------------------------------------------
// cXML: the buyer's side of the punchout (pure helpers, exported for the unit tests).

export const CXML_SIM_VERSION = "1.2.063";
export const CXML_FIELDS = ["cxml-urlencoded", "cxml-base64"];
export const CXML_OPERATIONS = ["create", "edit", "inspect"];

/** The shop's demo customer (db/seed/demo.ts DEMO_CXML): what the cXML page starts with. */
export const CXML_DEMO_SETTINGS = {
  fromDomain: "NetworkID",
  fromIdentity: "AN01000010001",
  toDomain: "NetworkID",
  toIdentity: "AN02000000100",
  senderDomain: "NetworkID",
  senderIdentity: "AN01000010001",
  sharedSecret: "demo-cxml-secret",
  userEmail: "",
};

export function escapeXml(value) {
  return String(value)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** A fresh, opaque BuyerCookie (URL-safe, so it can be the last segment of the return URL). */
export function newBuyerCookie() {
  return randomBytes(16).toString("hex");
}

/** `2026-12-01T17:04:05+00:00`: seconds and an explicit zone, as cXML receivers expect. */
export function cxmlTimestampOf(at) {
  return `${at.toISOString().slice(0, 19)}+00:00`;
}

export function newPayloadId(host = "127.0.0.1", now = new Date()) {
  return `${now.getTime()}.${process.pid}.${randomBytes(6).toString("hex")}@${host.replace(/[^a-z0-9.-]/gi, "") || "localhost"}`;
}

/**
 * "SKU;quantity;auxiliaryId" per line (the page's textarea) → ItemOut lines. Blank lines are
 * skipped; quantity defaults to 1.
 */
export function parseItemLines(text) {
  return String(text ?? "")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [supplierPartId = "", quantity = "1", auxiliaryId = ""] = line.split(/\s*;\s*/);
      return { supplierPartId, quantity: quantity || "1", auxiliaryId };
    });
}

/**
 * A PunchOutSetupRequest as a procurement system sends it: cXML 1.2.063 with DOCTYPE, payloadID,
 * timestamp, Header (From/To/Sender with the SharedSecret and a UserAgent), the operation, the
 * BuyerCookie, an Extrinsic UserEmail when given, BrowserFormPost/URL, and for edit/inspect the
 * ItemOut lines of the earlier basket.
 * @param {{ from: {domain: string, identity: string}, to: {domain: string, identity: string},
 *   sender: {domain: string, identity: string}, sharedSecret: string, operation?: string,
 *   buyerCookie: string, browserFormPostUrl: string, userEmail?: string,
 *   items?: {supplierPartId: string, quantity: number|string, auxiliaryId?: string}[],
 *   payloadId: string, timestamp: string, lang?: string, userAgent?: string }} input
 */
export function buildSetupRequest(input) {
  const cred = (who, secret) =>
    `<Credential domain="${escapeXml(who.domain)}"><Identity>${escapeXml(who.identity)}</Identity>${secret === undefined ? "" : `<SharedSecret>${escapeXml(secret)}</SharedSecret>`}</Credential>`;
  const operation = input.operation ?? "create";
  const items = operation === "create" ? [] : (input.items ?? []);
  const lines = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<!DOCTYPE cXML SYSTEM "http://xml.cxml.org/schemas/cXML/${CXML_SIM_VERSION}/cXML.dtd">`,
    `<cXML payloadID="${escapeXml(input.payloadId)}" timestamp="${escapeXml(input.timestamp)}" xml:lang="${escapeXml(input.lang ?? "en-US")}">`,
    `  <Header>`,
    `    <From>${cred(input.from)}</From>`,
    `    <To>${cred(input.to)}</To>`,
    `    <Sender>${cred(input.sender, input.sharedSecret)}<UserAgent>${escapeXml(input.userAgent ?? "Procurement system simulator")}</UserAgent></Sender>`,
    `  </Header>`,
    `  <Request deploymentMode="test">`,
    `    <PunchOutSetupRequest operation="${escapeXml(operation)}">`,
    `      <BuyerCookie>${escapeXml(input.buyerCookie)}</BuyerCookie>`,
    ...(input.userEmail ? [`      <Extrinsic name="UserEmail">${escapeXml(input.userEmail)}</Extrinsic>`] : []),
    `      <BrowserFormPost><URL>${escapeXml(input.browserFormPostUrl)}</URL></BrowserFormPost>`,
    ...items.map(
      (item, i) =>
        `      <ItemOut quantity="${escapeXml(item.quantity)}" lineNumber="${i + 1}"><ItemID><SupplierPartID>${escapeXml(item.supplierPartId)}</SupplierPartID>${item.auxiliaryId ? `<SupplierPartAuxiliaryID>${escapeXml(item.auxiliaryId)}</SupplierPartAuxiliaryID>` : ""}</ItemID></ItemOut>`,
    ),
    `    </PunchOutSetupRequest>`,
    `  </Request>`,
    `</cXML>`,
  ];
  return lines.join("\n") + "\n";
}

function parseXml(xml) {
  const errors = [];
  let doc;
  try {
    doc = new DOMParser({ onError: (level, message) => { if (level !== "warning") errors.push(String(message)); } }).parseFromString(String(xml), "text/xml");
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message.split("\n")[0] : String(error) };
  }
  if (errors.length > 0 || !doc?.documentElement) return { ok: false, problem: errors[0]?.split("\n")[0] ?? "no root element" };
  return { ok: true, root: doc.documentElement };
}

function kids(parent, name) {
  const out = [];
  for (let node = parent?.firstChild; node; node = node.nextSibling) if (node.nodeType === 1 && node.nodeName === name) out.push(node);
  return out;
}
const kid = (parent, name) => (parent ? (kids(parent, name)[0] ?? null) : null);
const at = (root, ...names) => names.reduce((el, name) => kid(el, name), root);
const text = (el) => (el?.textContent ?? "").trim();

/**
 * The shop's answer to a setup request → {ok, code, text, detail, startUrl}. `ok` only for Status
 * 200 with a StartPage URL; a document that is not cXML gives code null and the parser's problem.
 */
export function parseSetupResponse(xml) {
  const read = parseXml(xml);
  if (!read.ok) return { ok: false, code: null, text: "", detail: `The answer is not XML: ${read.problem}`, startUrl: null };
  const status = at(read.root, "Response", "Status");
  if (read.root.nodeName !== "cXML" || !status) return { ok: false, code: null, text: "", detail: "The answer is not a cXML Response with a Status.", startUrl: null };
  const code = Number(status.getAttribute("code"));
  const startUrl = text(at(read.root, "Response", "PunchOutSetupResponse", "StartPage", "URL")) || null;
  return { ok: code === 200 && startUrl !== null, code: Number.isFinite(code) ? code : null, text: status.getAttribute("text") ?? "", detail: text(status), startUrl };
}

/**
 * The browser's return post (parsed form fields) → the field it used and the document in it:
 * `cxml-urlencoded` holds the XML itself (the form encoding is already undone), `cxml-base64` the
 * base64 of its UTF-8 bytes. Null when neither field is there.
 */
export function decodeCxmlReturn(fields) {
  for (const name of CXML_FIELDS) {
    const found = fields.find(([n]) => n.toLowerCase() === name);
    if (!found) continue;
    const xml = name === "cxml-base64" ? Buffer.from(found[1].replace(/\s+/g, ""), "base64").toString("utf8") : found[1];
    return { field: name, xml };
  }
  return null;
}

/** Exact decimal arithmetic on money strings: value × 10^scale as a BigInt. */
function scaled(value, scale) {
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(String(value).trim());
  if (!m || (m[2] === "" && !m[3])) return null;
  const frac = (m[3] ?? "").padEnd(scale, "0");
  if (frac.length > scale) return null;
  const n = BigInt((m[2] || "0") + frac);
  return m[1] === "-" ? -n : n;
}
function unscaled(n, scale) {
  const neg = n < 0n;
  const digits = (neg ? -n : n).toString().padStart(scale + 1, "0");
  const int = digits.slice(0, digits.length - scale);
  const frac = digits.slice(digits.length - scale).replace(/0+$/, "");
  return `${neg ? "-" : ""}${int}${frac ? `.${frac}` : ""}`;
}

/** quantity × price ÷ basis, rounded half up to `places` decimals, as a plain decimal string. */
export function lineTotal(quantity, unitPrice, basis = "1", places = 4) {
  const scale = 12;
  const q = scaled(quantity, scale);
  const p = scaled(unitPrice, scale);
  const b = scaled(basis, scale);
  if (q === null || p === null || b === null || b === 0n) return null;
  // q·p / b at `places` decimals: (q·p·10^places) / (b·10^scale), rounded half up.
  const num = q * p * 10n ** BigInt(places);
  const den = b * 10n ** BigInt(scale);
  const sign = num < 0n !== den < 0n ? -1n : 1n;
  const an = num < 0n ? -num : num;
  const ad = den < 0n ? -den : den;
  const rounded = (an * 2n + ad) / (ad * 2n);
  return unscaled(sign * rounded, places);
}

/** Sum of decimal strings, exact. */
export function sumDecimals(values) {
  const scale = 12;
  let total = 0n;
  for (const v of values) {
    const n = scaled(v, scale);
    if (n === null) return null;
    total += n;
  }
  return unscaled(total, scale);
}

/**
 * A PunchOutOrderMessage → what a receiver reads from it: BuyerCookie, operationAllowed, Total and
 * the ItemIn lines (with each line's quantity × UnitPrice ÷ PriceBasisQuantity and their sum).
 */
export function parseOrderMessage(xml) {
  const read = parseXml(xml);
  if (!read.ok) return { ok: false, problem: read.problem };
  const message = at(read.root, "Message", "PunchOutOrderMessage");
  if (read.root.nodeName !== "cXML" || !message) return { ok: false, problem: "not a cXML PunchOutOrderMessage" };
  const header = kid(message, "PunchOutOrderMessageHeader");
  const totalMoney = at(header, "Total", "Money");
  const items = kids(message, "ItemIn").map((item) => {
    const detail = kid(item, "ItemDetail");
    const money = at(detail, "UnitPrice", "Money");
    const basis = kid(detail, "PriceBasisQuantity");
    const quantity = item.getAttribute("quantity") ?? "";
    const unitPrice = text(money);
    const priceBasisQuantity = basis ? (basis.getAttribute("quantity") ?? "") : null;
    return {
      quantity,
      supplierPartId: text(at(item, "ItemID", "SupplierPartID")),
      auxiliaryId: text(at(item, "ItemID", "SupplierPartAuxiliaryID")),
      unitPrice,
      currency: money?.getAttribute("currency") ?? "",
      priceBasisQuantity,
      unitOfMeasure: text(kid(detail, "UnitOfMeasure")),
      description: text(kid(detail, "Description")),
      lineTotal: lineTotal(quantity, unitPrice, priceBasisQuantity ?? "1"),
    };
  });
  const lineTotals = items.map((i) => i.lineTotal);
  return {
    ok: true,
    buyerCookie: kid(message, "BuyerCookie")?.textContent ?? "",
    operationAllowed: header?.getAttribute("operationAllowed") ?? "",
    total: text(totalMoney),
    currency: totalMoney?.getAttribute("currency") ?? "",
    items,
    sumOfLines: lineTotals.includes(null) ? null : sumDecimals(lineTotals),
  };
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

function cxmlSimulatorPage({ config }) {
  const json = JSON.stringify(config).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
  const opt = (value, label, selected) => `<option value="${escapeHtml(value)}"${selected ? " selected" : ""}>${escapeHtml(label)}</option>`;
  const input = (name, label, type = "text") =>
    `  <label for="${name}">${escapeHtml(label)}</label>\n  <input id="${name}" name="${name}" type="${type}" value="${escapeHtml(config[name])}" autocomplete="off">`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="referrer" content="no-referrer">
<title>Procurement system simulator (cXML)</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<main>
<h1>Procurement system simulator (cXML)</h1>
<p>Sends a cXML PunchOutSetupRequest to the shop, opens the StartPage it answers with and shows the PunchOutOrderMessage that comes back. <a href="/">OCI simulator</a></p>
<form class="controls" id="cxml-form" method="post" action="/cxml/setup">
${input("setupUrl", "Shop setup URL", "url")}
${input("fromDomain", "From domain")}
${input("fromIdentity", "From identity")}
${input("toDomain", "To domain")}
${input("toIdentity", "To identity")}
${input("senderDomain", "Sender domain")}
${input("senderIdentity", "Sender identity")}
${input("sharedSecret", "Shared secret", "password")}
${input("userEmail", "UserEmail", "email")}
  <label for="operation">Operation</label>
  <select id="operation" name="operation">${CXML_OPERATIONS.map((o) => opt(o, o, config.operation === o)).join("")}</select>
  <label for="mode">Open the shop in</label>
  <select id="mode" name="mode">${opt("popup", "a popup", config.mode === "popup")}${opt("iframe", "an iframe", config.mode === "iframe")}${opt("top", "this window", config.mode === "top")}</select>
  <label for="field">Expected return field</label>
  <select id="field" name="field">${CXML_FIELDS.map((f) => opt(f, f, config.field === f)).join("")}</select>
  <label for="items">ItemOut lines (edit/inspect: SKU;quantity;product id, one per line)</label>
  <textarea id="items" name="items" rows="3">${escapeHtml(config.items)}</textarea>
  <span></span>
  <div class="buttons"><button type="submit" id="start-cxml">Start cXML punchout</button></div>
</form>
<p id="status" role="status" aria-live="polite"></p>
<iframe name="cxmlshop-frame" id="cxmlshop-frame" title="Shop catalog (cXML punchout)" hidden></iframe>
</main>
<script type="application/json" id="sim-config">${json}</script>
<script>
(() => {
  const $ = (id) => document.getElementById(id);
  const form = $("cxml-form");
  // The setup goes to the simulator server; its answer page (in the chosen window) opens the StartPage.
  form.addEventListener("submit", (event) => {
    const mode = $("mode").value;
    if (mode === "popup") {
      const popup = window.open("about:blank", "cxmlshop-popup", "width=1200,height=900");
      if (!popup) { event.preventDefault(); $("status").textContent = "The popup was blocked by the browser."; return; }
      form.target = "cxmlshop-popup";
    } else if (mode === "iframe") {
      $("cxmlshop-frame").hidden = false;
      form.target = "cxmlshop-frame";
    } else form.target = "_self";
    $("status").textContent = "cXML punchout started (" + mode + ", " + $("operation").value + ").";
  });
})();
</script>
</body>
</html>`;
}

function cxmlSetupPage(setup) {
  const ok = setup.outcome.ok;
  const start = ok ? setup.outcome.startUrl : null;
  const json = JSON.stringify({ startUrl: start }).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
  const status = setup.outcome.code === null ? "no cXML Status" : `${setup.outcome.code} ${setup.outcome.text}`;
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="referrer" content="no-referrer"><title>${ok ? "Opening the shop" : "cXML setup failed"}</title><style>${PAGE_STYLE}</style></head>
<body>
<main>
<h1>${ok ? "Opening the shop" : "cXML setup failed"}</h1>
<dl>
<dt>Status</dt><dd data-testid="cxml-status">${escapeHtml(status)}</dd>
${setup.outcome.detail ? `<dt>Text</dt><dd data-testid="cxml-status-text">${escapeHtml(setup.outcome.detail)}</dd>` : ""}
<dt>HTTP status of the answer</dt><dd>${escapeHtml(setup.httpStatus ?? "—")}</dd>
<dt>BuyerCookie</dt><dd data-testid="cxml-buyer-cookie">${escapeHtml(setup.buyerCookie)}</dd>
${start ? `<dt>StartPage</dt><dd><a href="${escapeHtml(start)}" id="start-page" referrerpolicy="no-referrer">Open the shop</a></dd>` : ""}
</dl>
<details${ok ? "" : " open"}><summary>Setup request sent</summary><pre>${escapeHtml(setup.requestXml)}</pre></details>
<details${ok ? "" : " open"}><summary>Answer received</summary><pre>${escapeHtml(setup.responseText ?? "")}</pre></details>
<p><a href="/cxml">Back to the cXML simulator</a></p>
</main>
<script type="application/json" id="setup-result">${json}</script>
${start ? `<script>location.replace(JSON.parse(document.getElementById("setup-result").textContent).startUrl);</script>` : ""}
</body>
</html>`;
}

function cxmlReturnPage(record) {
  const order = record.order;
  const rows = order?.ok
    ? order.items
        .map(
          (i) =>
            `<tr data-testid="cxml-item"><td>${escapeHtml(i.supplierPartId)}</td><td>${escapeHtml(i.quantity)}</td><td>${escapeHtml(i.unitPrice)} ${escapeHtml(i.currency)}${i.priceBasisQuantity ? ` / ${escapeHtml(i.priceBasisQuantity)}` : ""}</td><td>${escapeHtml(i.unitOfMeasure)}</td><td>${escapeHtml(i.lineTotal ?? "?")}</td><td>${escapeHtml(i.description)}</td></tr>`,
        )
        .join("\n")
    : "";
  const checks = [
    record.field ? `Field: ${record.field}${record.expectedField && record.expectedField !== record.field ? ` (expected ${record.expectedField})` : ""}` : "No cxml-urlencoded or cxml-base64 field in the post.",
    record.knownCookie ? "BuyerCookie: one this simulator sent" : "BuyerCookie: not one this simulator sent",
    order?.ok ? `BuyerCookie in the document ${order.buyerCookie === record.cookie ? "matches" : "does not match"} the return URL` : null,
    order?.ok ? `Total ${order.total} ${order.currency}; sum of the lines ${order.sumOfLines ?? "?"}` : null,
    order && !order.ok ? `The document is not readable: ${order.problem}` : null,
  ].filter(Boolean);
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>cXML basket received</title><style>${PAGE_STYLE}</style></head>
<body>
<main>
<h1>cXML basket received</h1>
<p>Items: <strong data-testid="item-count">${order?.ok ? order.items.length : 0}</strong>${order?.ok ? ` · operationAllowed ${escapeHtml(order.operationAllowed)}` : ""}</p>
<ul>${checks.map((c) => `<li>${escapeHtml(c)}</li>`).join("")}</ul>
<table>
<caption>ItemIn lines</caption>
<thead><tr><th scope="col">SupplierPartID</th><th scope="col">Quantity</th><th scope="col">Unit price</th><th scope="col">Unit</th><th scope="col">Line total</th><th scope="col">Description</th></tr></thead>
<tbody>
${rows}
</tbody>
${order?.ok ? `<tfoot><tr><th scope="row" colspan="4">Total</th><td data-testid="cxml-total">${escapeHtml(order.total)} ${escapeHtml(order.currency)}</td><td></td></tr></tfoot>` : ""}
</table>
<h2 id="raw-heading">PunchOutOrderMessage as received</h2>
<pre aria-labelledby="raw-heading" data-testid="cxml-raw">${escapeHtml(record.xml ?? "")}</pre>
<p><a href="/cxml">Back to the cXML simulator</a></p>
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
  /** @type {any[]} */
  const cxmlSetups = [];
  let boundPort = options.port ?? 4010;

  const urlHost = host === "0.0.0.0" || host === "::" ? "localhost" : host.includes(":") ? `[${host}]` : host;
  const baseUrl = () => `http://${urlHost}:${boundPort}`;

  function registerSession(charset) {
    const id = randomBytes(12).toString("hex");
    sessions.set(id, normalizeSimCharset(charset));
    if (sessions.size > MAX_SESSIONS) sessions.delete(sessions.keys().next().value);
    return id;
  }

  /** Builds the setup request from the page's (or a test's) settings, posts it to the shop, reads the answer. */
  async function sendCxmlSetup(input) {
    const str = (name, fallback = "") => (typeof input[name] === "string" ? input[name] : input[name] == null ? fallback : String(input[name]));
    const shop = str("shop", shopUrl).replace(/\/+$/, "");
    const setupUrl = str("setupUrl") || `${shop}/punchout/cxml/setup`;
    const d = CXML_DEMO_SETTINGS;
    const buyerCookie = newBuyerCookie();
    const payloadId = newPayloadId(urlHost);
    const operation = CXML_OPERATIONS.includes(str("operation")) ? str("operation") : "create";
    const items = Array.isArray(input.items) ? input.items : parseItemLines(str("items"));
    const requestXml = buildSetupRequest({
      from: { domain: str("fromDomain", d.fromDomain), identity: str("fromIdentity", d.fromIdentity) },
      to: { domain: str("toDomain", d.toDomain), identity: str("toIdentity", d.toIdentity) },
      sender: { domain: str("senderDomain", d.senderDomain), identity: str("senderIdentity", d.senderIdentity) },
      sharedSecret: str("sharedSecret", d.sharedSecret),
      operation,
      buyerCookie,
      browserFormPostUrl: `${baseUrl()}/cxml/return/${buyerCookie}`,
      userEmail: str("userEmail"),
      items,
      payloadId,
      timestamp: cxmlTimestampOf(new Date()),
    });
    let httpStatus = null;
    let responseText = null;
    let outcome;
    try {
      const response = await fetch(setupUrl, { method: "POST", headers: { "content-type": "text/xml; charset=utf-8", accept: "text/xml" }, body: requestXml, redirect: "manual", signal: AbortSignal.timeout(30_000) });
      httpStatus = response.status;
      responseText = await response.text();
      outcome = parseSetupResponse(responseText);
      if (!outcome.ok && outcome.code === null) outcome = { ...outcome, detail: `HTTP ${response.status}: ${outcome.detail}` };
    } catch (error) {
      outcome = { ok: false, code: null, text: "", detail: `Could not reach the shop at ${setupUrl}: ${error instanceof Error ? error.message : String(error)}`, startUrl: null };
    }
    const setup = {
      sentAt: new Date().toISOString(),
      setupUrl,
      operation,
      buyerCookie,
      payloadId,
      expectedField: CXML_FIELDS.includes(str("field")) ? str("field") : null,
      mode: ["popup", "iframe", "top"].includes(str("mode")) ? str("mode") : null,
      httpStatus,
      outcome,
      requestXml,
      responseText,
    };
    cxmlSetups.push(setup);
    if (cxmlSetups.length > MAX_SESSIONS) cxmlSetups.shift();
    return setup;
  }

  async function handle(req, res) {
    const url = new URL(req.url ?? "/", "http://simulator.invalid");
    const method = req.method ?? "GET";
    // A return URL's last segment is the BuyerCookie of a session: not logged either.
    log(`${method} ${url.pathname.replace(/^(\/cxml\/return\/).+$/, "$1…")}`);

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

    if (method === "GET" && url.pathname === "/cxml") {
      const q = url.searchParams;
      const shop = (q.get("shop") || shopUrl).replace(/\/+$/, "");
      const pick = (name, list, fallback) => (list.includes(q.get(name) ?? "") ? q.get(name) : fallback);
      const config = {
        shop,
        setupUrl: q.get("setupUrl") || `${shop}/punchout/cxml/setup`,
        ...Object.fromEntries(Object.entries(CXML_DEMO_SETTINGS).map(([k, v]) => [k, q.get(k) ?? v])),
        mode: pick("mode", ["popup", "iframe", "top"], "popup"),
        operation: pick("operation", CXML_OPERATIONS, "create"),
        field: pick("field", CXML_FIELDS, "cxml-urlencoded"),
        items: q.get("items") ?? "",
        simBase: baseUrl(),
      };
      return send(res, 200, "text/html; charset=utf-8", cxmlSimulatorPage({ config }));
    }

    if (method === "POST" && url.pathname === "/cxml/setup") {
      const body = await readBody(req);
      const isJson = /^application\/json\b/i.test(req.headers["content-type"] ?? "");
      /** @type {Record<string, any>} */
      let input;
      if (isJson) {
        try {
          input = JSON.parse(body.toString("utf8"));
        } catch {
          return send(res, 400, "application/json", JSON.stringify({ ok: false, error: "the body is not JSON" }));
        }
      } else input = Object.fromEntries(parseFormBody(body, "utf-8"));
      const setup = await sendCxmlSetup(input);
      if (isJson) {
        const { requestXml, responseText, ...rest } = setup;
        return send(res, 200, "application/json; charset=utf-8", JSON.stringify({ ...rest, ok: setup.outcome.ok, startUrl: setup.outcome.startUrl, requestXml, responseText }));
      }
      return send(res, 200, "text/html; charset=utf-8", cxmlSetupPage(setup));
    }

    if (method === "GET" && url.pathname === "/cxml/setups") {
      return send(res, 200, "application/json; charset=utf-8", JSON.stringify(cxmlSetups));
    }

    const returnMatch = /^\/cxml\/return\/([^/]+)$/.exec(url.pathname);
    if (method === "POST" && returnMatch) {
      const cookie = decodeURIComponent(returnMatch[1]);
      const body = await readBody(req);
      const contentType = req.headers["content-type"] ?? "";
      const fields = parseFormBody(body, "utf-8");
      const decoded = decodeCxmlReturn(fields);
      const setup = cxmlSetups.find((s) => s.buyerCookie === cookie);
      const record = {
        protocol: "cxml",
        receivedAt: new Date().toISOString(),
        path: "/cxml/return",
        cookie,
        knownCookie: Boolean(setup),
        expectedField: setup?.expectedField ?? null,
        field: decoded?.field ?? null,
        xml: decoded?.xml ?? null,
        contentType,
        fields,
        rawBodyBase64: body.toString("base64"),
      };
      received.push(record);
      const order = record.xml === null ? null : parseOrderMessage(record.xml);
      return send(res, 200, "text/html; charset=utf-8", cxmlReturnPage({ ...record, order }));
    }

    if (method === "GET" && url.pathname === "/received") {
      return send(res, 200, "application/json; charset=utf-8", JSON.stringify(received));
    }
    if (method === "POST" && url.pathname === "/reset") {
      received.length = 0;
      cxmlSetups.length = 0;
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
    cxmlSetups,
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
