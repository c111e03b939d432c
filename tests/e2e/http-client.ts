import http from "node:http";
import net from "node:net";
import type { TestInfo } from "@playwright/test";

// A tiny HTTP client for tests that must choose the client's address. Linux lets a socket bind any
// address of 127.0.0.0/8, so a test can play "another computer" without leaving the machine: the
// request leaves from `from` (e.g. "127.0.0.2") and goes to the shop on 127.0.0.1, with the Host
// header of the project's baseURL. Nothing here ever talks to anything but loopback.

export type ShopTarget = { origin: string; host: string; port: number };

export type SimpleResponse = {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Every Set-Cookie header, one entry each. */
  setCookies: string[];
  body: string;
};

const LOOPBACK = /^127\.(?:\d{1,3})\.(?:\d{1,3})\.(?:\d{1,3})$/;

function assertLoopback(address: string) {
  if (!LOOPBACK.test(address) || address.split(".").some((part) => Number(part) > 255)) {
    throw new Error(`Refusing to use ${address}: only IPv4 loopback addresses (127.0.0.0/8) are allowed`);
  }
}

/** The shop under test, from the project's baseURL (never a hard-coded port). */
export function shopTarget(testInfo: TestInfo): ShopTarget {
  const baseURL = testInfo.project.use.baseURL;
  if (!baseURL) throw new Error("The project has no baseURL");
  const url = new URL(baseURL);
  if (url.protocol !== "http:") throw new Error("The address-choosing client speaks plain http only");
  if (url.hostname !== "localhost" && !LOOPBACK.test(url.hostname)) throw new Error(`The shop must run on loopback, not ${url.hostname}`);
  const port = Number(url.port || 80);
  return { origin: url.origin, host: url.host, port };
}

export type SendOptions = {
  /** Local loopback address the request leaves from, e.g. "127.0.0.2". */
  from: string;
  method?: string;
  /** Path and query, e.g. "/ocihome?username=…". */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  timeoutMs?: number;
};

/** One request on a fresh connection (no agent, so the local address really is `from`). */
export function send(target: ShopTarget, options: SendOptions): Promise<SimpleResponse> {
  assertLoopback(options.from);
  const body = options.body === undefined ? undefined : Buffer.isBuffer(options.body) ? options.body : Buffer.from(options.body, "utf8");
  const headers: Record<string, string> = { Host: target.host, Connection: "close", ...options.headers };
  if (body && !Object.keys(headers).some((h) => h.toLowerCase() === "content-length")) headers["Content-Length"] = String(body.length);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: target.port,
        localAddress: options.from,
        method: options.method ?? "GET",
        path: options.path,
        headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const raw = res.headers["set-cookie"];
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            setCookies: Array.isArray(raw) ? raw : raw ? [raw] : [],
            body: Buffer.concat(chunks).toString("utf8"),
          });
        });
        res.on("error", reject);
      },
    );
    req.setTimeout(options.timeoutMs ?? 30_000, () => req.destroy(new Error(`No answer within ${options.timeoutMs ?? 30_000} ms`)));
    req.on("error", reject);
    req.end(body);
  });
}

/** Set-Cookie values that keep a cookie (deletions carry Max-Age=0 or a past expiry). */
export function keptCookies(setCookies: string[]): string[] {
  return setCookies.filter((c) => !/max-age=0(?:;|$)/i.test(c) && !/expires=[^;]*1970/i.test(c));
}

export function keptCookieNamesOf(setCookies: string[]): string[] {
  return keptCookies(setCookies).map((c) => c.split("=")[0]!.trim());
}

export type PartialBodyResult = { status: number; head: string; elapsedMs: number };

/**
 * Sends the head of a request that declares `declaredLength` body bytes but then sends only
 * `bodyPrefix`, and waits (at most `timeoutMs`) for the status line of the answer. The socket is
 * always destroyed afterwards.
 */
export function sendTruncatedBody(
  target: ShopTarget,
  options: { from: string; method?: string; path: string; headers?: Record<string, string>; declaredLength: number; bodyPrefix: string; timeoutMs: number },
): Promise<PartialBodyResult> {
  assertLoopback(options.from);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: "127.0.0.1", port: target.port, localAddress: options.from });
    let received = Buffer.alloc(0);
    let settled = false;
    const finish = (error: Error | null, result?: PartialBodyResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve(result!);
    };
    const timer = setTimeout(() => finish(new Error(`No answer within ${options.timeoutMs} ms`)), options.timeoutMs);
    socket.on("connect", () => {
      const headers: Record<string, string> = { Host: target.host, ...options.headers, "Content-Length": String(options.declaredLength) };
      const head = [`${options.method ?? "POST"} ${options.path} HTTP/1.1`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), "", ""].join("\r\n");
      socket.write(head + options.bodyPrefix);
    });
    socket.on("data", (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const text = received.toString("latin1");
      const end = text.indexOf("\r\n\r\n");
      if (end < 0) return;
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      if (!match) return finish(new Error(`Not an HTTP answer: ${JSON.stringify(text.slice(0, 80))}`));
      finish(null, { status: Number(match[1]), head: text.slice(0, end), elapsedMs: Date.now() - started });
    });
    // A server may close (or reset) the connection right after answering; an answer already
    // read counts, anything else is reported.
    socket.on("error", (error) => finish(error));
    socket.on("close", () => finish(new Error(`Connection closed without an answer (${received.length} bytes read)`)));
  });
}
