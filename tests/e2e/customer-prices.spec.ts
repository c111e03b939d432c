import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import postgres from "postgres";
import { ANCHORS, signIn } from "./helpers";

// A business customer's catalog pages are cached per customer, picked by the price pass that
// /api/viewer issues beside the session: the HTML itself carries their prices. These specs check
// that the pass shows a customer's prices to that customer's browsers only, and for no longer than
// their session.

const PRODUCT = `/products/${ANCHORS.umlaut.slug}`;
const LIST_PRICE = "€129.00 / pc";
const PASS_COOKIE = "shop.prices";

async function buyer(browser: Browser, baseURL: string, email: string) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signIn(page, email);
  // The first page after signing in brings the pass (with its /api/viewer answer).
  const viewer = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/viewer");
  await page.goto("/");
  await viewer;
  return { context, page };
}

const passOf = async (context: BrowserContext, baseURL: string) => (await context.cookies(baseURL)).find((c) => c.name === PASS_COOKIE);

/** What a customer's browser receives for a page, before any script runs. */
async function htmlFor(page: Page, url: string) {
  const res = await page.request.get(url);
  expect(res.status()).toBe(200);
  return { html: await res.text(), cacheControl: res.headers()["cache-control"] };
}

/** The first price cell of a page: where it comes from, and what it says. */
function priceIn(html: string): [source: string, price: string] | null {
  const m = /data-price-source="(own|list)"[^>]*>.*?data-testid="price">([^<]+)</s.exec(html);
  return m ? [m[1]!, m[2]!] : null;
}

test("a business customer's pages arrive with their own prices, marked private, and ask for no prices", async ({ browser, baseURL }) => {
  const a = await buyer(browser, baseURL!, "buyer@example.com");
  const b = await buyer(browser, baseURL!, "buyer2@example.com");
  const [pageA, pageB, anon] = await Promise.all([htmlFor(a.page, PRODUCT), htmlFor(b.page, PRODUCT), a.context.request.get(PRODUCT, { headers: { Cookie: "" } })]);
  const ownA = priceIn(pageA.html);
  const ownB = priceIn(pageB.html);
  expect(ownA?.[0]).toBe("own");
  expect(ownB?.[0]).toBe("own");
  expect(ownA![1]).not.toBe(ownB![1]); // two price lists, two prices
  // Every page also carries the list price (the cells fall back to it); a customer's own price that
  // differs from it must not reach the other's page.
  for (const [html, other] of [[pageA.html, ownB![1]], [pageB.html, ownA![1]]] as const) {
    if (other !== LIST_PRICE) expect(html).not.toContain(other);
  }
  for (const answer of [pageA, pageB]) expect(answer.cacheControl).toBe("private, no-store");
  const anonHtml = await anon.text();
  expect(priceIn(anonHtml)).toEqual(["list", LIST_PRICE]);
  expect(anon.headers()["cache-control"]).toContain("s-maxage");

  // In the browser: the price is there at once and stays; nothing asks for it again.
  const priceRequests: string[] = [];
  a.page.on("request", (r) => {
    if (new URL(r.url()).pathname === "/api/prices") priceRequests.push(r.url());
  });
  await a.page.goto(PRODUCT);
  await expect(a.page.getByTestId("price").filter({ visible: true })).toHaveText(ownA![1]);
  await expect(a.page.getByTestId("price-tiers").filter({ visible: true })).toBeVisible();
  await a.page.goto(`/search?q=${encodeURIComponent(ANCHORS.umlaut.name.split(" ")[0]!)}`);
  const card = a.page.getByRole("listitem").filter({ has: a.page.getByRole("link", { name: ANCHORS.umlaut.name }) });
  await expect(card.getByTestId("price")).toHaveText(ownA![1]);
  await a.page.waitForLoadState("networkidle");
  expect(priceRequests).toEqual([]);
  await Promise.all([a.context.close(), b.context.close()]);
});

test("signing out takes the pass away: the next page shows the list price", async ({ browser, baseURL }) => {
  const a = await buyer(browser, baseURL!, "buyer@example.com");
  const own = priceIn((await htmlFor(a.page, PRODUCT)).html)![1];
  expect(own).not.toBe(LIST_PRICE);
  await a.page.getByRole("button", { name: "Sign out" }).click();
  await expect(a.page.getByRole("link", { name: "Sign in" })).toBeVisible();
  expect(await passOf(a.context, baseURL!)).toBeUndefined();
  const after = await htmlFor(a.page, PRODUCT);
  expect(priceIn(after.html)).toEqual(["list", LIST_PRICE]);
  expect(after.html).not.toContain(own);
  await a.context.close();
});

test("a pass forged for another customer shows list prices; a copied one without a session is dropped by the first page", async ({ browser, baseURL }) => {
  const a = await buyer(browser, baseURL!, "buyer@example.com");
  const b = await buyer(browser, baseURL!, "buyer2@example.com");
  const passA = (await passOf(a.context, baseURL!))!;
  const passB = (await passOf(b.context, baseURL!))!;
  const ownB = priceIn((await htmlFor(b.page, PRODUCT)).html)![1];
  const ownA = priceIn((await htmlFor(a.page, PRODUCT)).html)![1];
  expect([ownA, ownB].filter((p) => p !== LIST_PRICE).length, "a personal price to look for").toBeGreaterThan(0);

  // A's pass with B's customer number (and the other way round): the signature no longer fits.
  const [idA, window, macA] = passA.value.split(".");
  const idB = passB.value.split(".")[0];
  const stranger = await browser.newContext({ baseURL });
  for (const forged of [`${idB}.${window}.${macA}`, `${idA}.${Number(window) + 1}.${macA}`]) {
    await stranger.addCookies([{ ...passA, value: forged }]);
    const html = await (await stranger.request.get(PRODUCT)).text();
    expect(priceIn(html), forged).toEqual(["list", LIST_PRICE]);
    for (const price of [ownA, ownB].filter((p) => p !== LIST_PRICE)) expect(html).not.toContain(price);
  }

  // A's real pass copied into a browser that never signed in: its first page's viewer request
  // (nobody is signed in) removes it, and the page falls back to the list price.
  await stranger.clearCookies();
  await stranger.addCookies([passA]);
  const page = await stranger.newPage();
  const viewer = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/viewer");
  await page.goto(PRODUCT);
  await viewer;
  await expect(page.getByTestId("price").filter({ visible: true })).toHaveText(LIST_PRICE);
  expect(await passOf(stranger, baseURL!)).toBeUndefined();
  expect(priceIn(await (await stranger.request.get(PRODUCT)).text())).toEqual(["list", LIST_PRICE]);
  await Promise.all([a.context.close(), b.context.close(), stranger.close()]);
});

test("a customer's own price changed in the database shows on their cached pages", async ({ browser, baseURL }, testInfo) => {
  test.skip(testInfo.project.name !== "postgres", "the embedded database lives inside the server process; another process cannot write it");
  const port = new URL(testInfo.project.use.baseURL!).port;
  const sql = postgres(readFileSync(path.join(tmpdir(), `oci-shop-e2e-${port}.database-url`), "utf8"), { max: 1, onnotice: () => {} });
  const a = await buyer(browser, baseURL!, "buyer@example.com");
  const [row] = await sql`
    select plp.price_list_id, plp.product_id, plp.price from price_list_prices plp
    join customers c on c.price_list_id = plp.price_list_id
    join users u on u.customer_id = c.id
    join products p on p.id = plp.product_id
    where u.email = 'buyer@example.com' and p.sku = ${ANCHORS.umlaut.sku} and plp.min_quantity = 1`;
  expect(row, "the seed gives Müller's price list a price for the anchor product").toBeTruthy();
  try {
    await a.page.goto(PRODUCT);
    await expect(a.page.getByTestId("price").filter({ visible: true })).not.toHaveText("€98.76 / pc");
    // From outside this server: the cached page follows within CATALOG_CACHE_SECONDS (2 s here).
    await sql`update price_list_prices set price = '98.7600' where price_list_id = ${row!.price_list_id} and product_id = ${row!.product_id} and min_quantity = 1`;
    await expect(async () => {
      expect(priceIn((await htmlFor(a.page, PRODUCT)).html)).toEqual(["own", "€98.76 / pc"]);
    }).toPass({ timeout: 20_000 });
  } finally {
    await sql`update price_list_prices set price = ${row!.price} where price_list_id = ${row!.price_list_id} and product_id = ${row!.product_id} and min_quantity = 1`;
    await sql.end();
    await a.context.close();
  }
});
