import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import postgres from "postgres";
import { ANCHORS, signIn } from "./helpers";

// Catalog pages are cached whole: shared by anonymous visitors, and per business customer with their
// own prices (chosen by the price pass); a consumer's prices arrive separately. These specs check what
// that must never break: nobody sees another customer's prices, and a change in the database reaches
// the cached pages.

const LISTING = `/search?q=${encodeURIComponent("Drehmomentschlüssel")}`;

async function buyerPage(browser: Browser, baseURL: string, email: string) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signIn(page, email);
  return { context, page };
}

/** The visitor's own price for a product, as the shop's price service answers it for them. */
async function ownPrice(page: Page, productId: string) {
  const res = await page.request.get(`/api/prices?ids=${productId}`);
  expect(res.ok()).toBeTruthy();
  expect(res.headers()["cache-control"]).toContain("private");
  const body = (await res.json()) as { personal: boolean; prices: Record<string, { price: string }> };
  expect(body.personal).toBe(true);
  return body.prices[productId]!.price;
}

async function productIdOf(page: Page, slug: string) {
  const html = await (await page.request.get(`/products/${slug}`)).text();
  const id = /data-product-id="(\d+)"/.exec(html)?.[1];
  expect(id, "product id in the page").toBeTruthy();
  return id!;
}

const visiblePrice = (page: Page) => page.getByTestId("price").filter({ visible: true });

test("two buyers of different customers, loading the same cached pages at once, each see only their own prices", async ({ browser, baseURL }) => {
  const a = await buyerPage(browser, baseURL!, "buyer@example.com"); // Müller, price list B2B-A
  const b = await buyerPage(browser, baseURL!, "buyer2@example.com"); // Van Dijk, price list B2B-B
  const id = await productIdOf(a.page, ANCHORS.umlaut.slug);
  const [priceA, priceB] = await Promise.all([ownPrice(a.page, id), ownPrice(b.page, id)]);
  expect(priceA).not.toBe(priceB); // otherwise this spec would prove nothing

  for (let round = 0; round < 3; round++) {
    await Promise.all([a.page.goto(`/products/${ANCHORS.umlaut.slug}`), b.page.goto(`/products/${ANCHORS.umlaut.slug}`)]);
    await expect(visiblePrice(a.page)).toHaveText(priceA);
    await expect(visiblePrice(b.page)).toHaveText(priceB);
    await Promise.all([a.page.goto(LISTING), b.page.goto(LISTING)]);
    const cardA = a.page.getByRole("listitem").filter({ has: a.page.getByRole("link", { name: ANCHORS.umlaut.name }) });
    const cardB = b.page.getByRole("listitem").filter({ has: b.page.getByRole("link", { name: ANCHORS.umlaut.name }) });
    await expect(cardA.getByTestId("price")).toHaveText(priceA);
    await expect(cardB.getByTestId("price")).toHaveText(priceB);
  }

  // The pages are cached per customer: the HTML each buyer receives carries their own price and not
  // the other's, and the anonymous page neither — the list price only.
  const [htmlA, htmlB, htmlAnon] = await Promise.all([
    a.page.request.get(`/products/${ANCHORS.umlaut.slug}`).then((r) => r.text()),
    b.page.request.get(`/products/${ANCHORS.umlaut.slug}`).then((r) => r.text()),
    a.context.request.get(`/products/${ANCHORS.umlaut.slug}`, { headers: { Cookie: "" } }).then((r) => r.text()),
  ]);
  const personal = [priceA, priceB].filter((p) => p !== "€129.00 / pc");
  expect(personal.length).toBeGreaterThan(0);
  for (const [html, own] of [[htmlA, priceA], [htmlB, priceB], [htmlAnon, "€129.00 / pc"]] as const) {
    expect(html).toContain(own);
    for (const price of personal.filter((p) => p !== own)) expect(html.includes(price), `${price} in another visitor's HTML`).toBe(false);
  }
  await Promise.all([a.context.close(), b.context.close()]);
});

test("a consumer sees gross prices and an anonymous visitor the net list price on the same cached page", async ({ browser, baseURL }) => {
  const consumer = await buyerPage(browser, baseURL!, "shopper@example.com");
  const anonymous = await browser.newContext({ baseURL });
  const anon = await anonymous.newPage();
  await Promise.all([consumer.page.goto(`/products/${ANCHORS.umlaut.slug}`), anon.goto(`/products/${ANCHORS.umlaut.slug}`)]);
  await expect(consumer.page.locator("[data-price-source=own]").filter({ visible: true })).toContainText("incl. VAT");
  await expect(anon.locator("[data-price-source=list]").filter({ visible: true })).toContainText("€129.00 / pc excl. VAT");
  await expect(anon.getByText("List price.")).toBeVisible();
  // Nothing personal is asked for on behalf of an anonymous visitor.
  const res = await anon.request.get(`/api/prices?ids=1`);
  expect(await res.json()).toEqual({ personal: false, prices: {} });
  await Promise.all([consumer.context.close(), anonymous.close()]);
});

test("a list price changed in the database shows on the cached product page and listing", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "postgres", "the embedded database lives inside the server process; another process cannot write it");
  const port = new URL(testInfo.project.use.baseURL!).port;
  const sql = postgres(readFileSync(path.join(tmpdir(), `oci-shop-e2e-${port}.database-url`), "utf8"), { max: 1, onnotice: () => {} });
  const [before] = await sql`select list_price from products where sku = ${ANCHORS.dutch.sku}`;
  try {
    await page.goto(`/products/${ANCHORS.dutch.slug}`);
    await expect(visiblePrice(page)).toHaveText("€11.40 / pc");
    // A write from outside this server (the seed script, another instance, SQL): the cached page
    // follows within CATALOG_CACHE_SECONDS (2 s for these specs).
    await sql`update products set list_price = '12.3400' where sku = ${ANCHORS.dutch.sku}`;
    await expect(async () => {
      await page.goto(`/products/${ANCHORS.dutch.slug}`);
      await expect(visiblePrice(page)).toHaveText("€12.34 / pc", { timeout: 1000 });
    }).toPass({ timeout: 20_000 });
  } finally {
    await sql`update products set list_price = ${before!.list_price} where sku = ${ANCHORS.dutch.sku}`;
    await sql.end();
  }
});

test("a cached page sets no cookie; a new browser gets its cart id from /api/viewer, and two tabs opened from that page share one cart", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const viewerAnswer = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/viewer");
  const home = await page.goto("/");
  expect(home?.status()).toBe(200);
  // The shared page carries nothing of this browser's: a CDN may hand it to the next visitor.
  expect(await home!.headerValue("set-cookie")).toBeNull();
  expect(home!.headers()["content-security-policy"]).toBe("frame-ancestors 'self'");
  const viewer = await viewerAnswer;
  expect(await viewer.headerValue("set-cookie")).toMatch(/^shop\.cart=/);
  expect(viewer.headers()["cache-control"]).toContain("private");
  const cart = (await context.cookies(baseURL)).find((c) => c.name === "shop.cart");
  expect(cart?.value).toBeTruthy();

  // Two tabs add their first products at the same moment: one cart holds both.
  const [a, b] = await Promise.all([context.newPage(), context.newPage()]);
  await Promise.all([a.goto(`/products/${ANCHORS.umlaut.slug}`), b.goto(`/products/${ANCHORS.dutch.slug}`)]);
  await Promise.all([a.getByRole("button", { name: "Add to cart" }).click(), b.getByRole("button", { name: "Add to cart" }).click()]);
  await expect(a.getByText(/Added \d+/)).toBeVisible();
  await expect(b.getByText(/Added \d+/)).toBeVisible();
  expect((await context.cookies(baseURL)).find((c) => c.name === "shop.cart")?.value).toBe(cart!.value);
  await a.goto("/cart");
  await expect(a.getByTestId("cart-line").filter({ visible: true })).toHaveCount(2);
  await context.close();
});
