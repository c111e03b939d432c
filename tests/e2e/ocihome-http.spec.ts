import { expect, test, type APIResponse } from "@playwright/test";

// The /ocihome route handler at the HTTP level, against the real server and database.
const HOOK = "http://127.0.0.1:4010/hook?sap-client=100&x=1";

function setCookies(res: APIResponse) {
  return res.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value);
}

/** Cookies that are actually kept (deletions carry Max-Age=0 or a past expiry). */
function keptCookieNames(res: APIResponse) {
  return setCookies(res)
    .filter((c) => !/max-age=0/i.test(c) && !/expires=thu, 01 jan 1970/i.test(c))
    .map((c) => c.split("=")[0]);
}

function call(params: Record<string, string>) {
  return `/ocihome?${new URLSearchParams(params)}`;
}

test("success: session and OCI cookies, 303 to the shop without the credentials", async ({ request }) => {
  const res = await request.get(call({ username: "10001", password: "demo1234", hook_url: HOOK, "~OkCode": "ADDI" }), { maxRedirects: 0 });
  expect(res.status()).toBe(303);
  const location = res.headers()["location"]!;
  expect(location.startsWith("/oci/start?")).toBe(true);
  expect(location).not.toMatch(/demo1234|10001|username|password|hook_url/);
  expect(res.headers()["cache-control"]).toBe("no-store");
  expect(res.headers()["referrer-policy"]).toBe("no-referrer");
  const cookies = setCookies(res);
  for (const name of ["shop.session-token", "shop.oci"]) {
    const cookie = cookies.find((c) => c.startsWith(`${name}=`) && !/max-age=0/i.test(c));
    expect(cookie, name).toBeDefined();
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).toMatch(/SameSite=None/i);
    expect(cookie).toMatch(/Partitioned/i);
    expect(cookie).not.toContain("sap-client");
  }
});

test("the same call as a POST form with upper-case names", async ({ request }) => {
  const res = await request.post("/ocihome", { form: { USERNAME: "buyer@example.com", PASSWORD: "demo1234", HOOK_URL: HOOK, "~TARGET": "_parent" }, maxRedirects: 0 });
  expect(res.status()).toBe(303);
  expect(keptCookieNames(res)).toEqual(expect.arrayContaining(["shop.session-token", "shop.oci"]));
});

test("a SAP GUI hook (SAPEVENT:POST) is accepted", async ({ request }) => {
  const res = await request.get(call({ username: "10001", password: "demo1234", hook_url: "SAPEVENT:POST" }), { maxRedirects: 0 });
  expect(res.status()).toBe(303);
});

const bad: [string, Record<string, string>, number, RegExp][] = [
  ["missing password", { username: "10001", hook_url: HOOK }, 400, /password/i],
  ["missing hook URL", { username: "10001", password: "demo1234" }, 400, /hook_url/i],
  ["no credentials at all", { "~OkCode": "ADDI" }, 400, /username/i],
  ["hook URL not http(s)", { username: "10001", password: "demo1234", hook_url: "ftp://example.com/hook" }, 400, /hook_url/i],
  ["malformed hook URL", { username: "10001", password: "demo1234", hook_url: "http//broken" }, 400, /hook_url/i],
  ["absurd username", { username: "x".repeat(5000), password: "demo1234", hook_url: HOOK }, 400, /username/i],
  ["wrong password", { username: "10001", password: "nope", hook_url: HOOK }, 401, /not correct/],
  ["disabled account", { username: "disabled@example.com", password: "demo1234", hook_url: HOOK }, 403, /disabled/],
];

for (const [name, params, status, text] of bad) {
  test(`bad call (${name}) → ${status}, an explaining page, no cookie`, async ({ request }) => {
    const res = await request.get(call(params), { maxRedirects: 0 });
    expect(res.status()).toBe(status);
    expect(res.headers()["content-type"]).toContain("text/html");
    const body = await res.text();
    expect(body).toMatch(text);
    expect(body).not.toContain("demo1234");
    expect(keptCookieNames(res)).toEqual([]);
  });
}

test("a huge body is refused with 413", async ({ request }) => {
  const res = await request.post("/ocihome", { form: { username: "10001", password: "demo1234", hook_url: HOOK, filler: "x".repeat(70_000) }, maxRedirects: 0 });
  expect(res.status()).toBe(413);
});

test("repeated failures for one username are throttled with 429", async ({ request }) => {
  const username = `nobody-${Date.now()}@example.com`;
  for (let i = 0; i < 5; i++) {
    const res = await request.get(call({ username, password: "wrong", hook_url: HOOK }), { maxRedirects: 0 });
    expect(res.status()).toBe(401);
  }
  const res = await request.get(call({ username, password: "wrong", hook_url: HOOK }), { maxRedirects: 0 });
  expect(res.status()).toBe(429);
  expect(keptCookieNames(res)).toEqual([]);
});

test("without cookies the first page says so and offers the shop in a new window, once", async ({ request, playwright, baseURL }) => {
  const res = await request.get(call({ username: "10001", password: "demo1234", hook_url: HOOK }), { maxRedirects: 0 });
  const location = res.headers()["location"]!;
  // A browser that kept no cookie follows the redirect with none: it must not get an anonymous shop.
  const cookieless = await playwright.request.newContext({ baseURL });
  const page = await cookieless.get(location, { maxRedirects: 0 });
  expect(page.status()).toBe(200);
  const html = await page.text();
  expect(html).toContain("Your session could not start here");
  const link = /href="([^"]+window=new[^"]*)"/.exec(html)![1]!.replace(/&amp;/g, "&");
  // The new window (first-party, cookies allowed) takes over the session …
  const newWindow = await playwright.request.newContext({ baseURL });
  const opened = await newWindow.get(link, { maxRedirects: 0 });
  expect(opened.status()).toBe(303);
  expect(keptCookieNames(opened)).toEqual(expect.arrayContaining(["shop.session-token", "shop.oci"]));
  // … and the link works only once.
  const again = await cookieless.get(link, { maxRedirects: 0 });
  expect(again.status()).toBe(401);
  await cookieless.dispose();
  await newWindow.dispose();
});

test("FUNCTION=DETAIL opens the product page at once", async ({ request }) => {
  // EXT_PRODUCT_ID is our product id; the seed inserts the per-100 screw first.
  const res = await request.get(call({ username: "10001", password: "demo1234", hook_url: HOOK, FUNCTION: "DETAIL", PRODUCTID: "1" }), { maxRedirects: 0 });
  expect(res.status()).toBe(303);
  const next = new URLSearchParams(res.headers()["location"]!.split("?")[1]).get("next");
  expect(next).toBe("/products/sechskantschraube-din-933-m8x40-8-8-verzinkt-fas-10001");
});

test("an unsupported OCI function is explained, not half-served", async ({ request }) => {
  const res = await request.get(call({ username: "10001", password: "demo1234", hook_url: HOOK, FUNCTION: "INITIALIZE" }), { maxRedirects: 0 });
  expect(res.status()).toBe(400);
  expect(await res.text()).toContain("FUNCTION is not supported");
  expect(keptCookieNames(res)).toEqual([]);
});

test("a function answered at once (BACKGROUND_SEARCH) opens no web session", async ({ request }) => {
  const res = await request.get(call({ username: "10001", password: "demo1234", hook_url: HOOK, FUNCTION: "BACKGROUND_SEARCH", SEARCHSTRING: "M8" }), { maxRedirects: 0 });
  expect(res.status()).toBe(200);
  expect(keptCookieNames(res)).toEqual([]);
});

test("a call whose session would not fit a cookie is refused before anyone is signed in", async ({ request }) => {
  const echo = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`~FIELD${i}`, "x".repeat(250)]));
  const res = await request.post("/ocihome", { form: { username: "10001", password: "demo1234", hook_url: HOOK, ...echo }, maxRedirects: 0 });
  expect(res.status()).toBe(400);
  expect(await res.text()).toContain("too long");
  expect(keptCookieNames(res)).toEqual([]);
});
