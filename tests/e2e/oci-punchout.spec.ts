import { expect, test, type Browser, type Page } from "@playwright/test";
import { ANCHORS, plantShopCookie, simulatorUrl } from "./helpers";
import { sealOciSession } from "../../lib/oci/session-token";
import { addToBasket, fieldMap, received, resetSimulator, simPage } from "./oci-helpers";

const ITEM_FIELDS = ["DESCRIPTION", "QUANTITY", "UNIT", "PRICE", "PRICEUNIT", "CURRENCY", "LEADTIME", "VENDOR", "VENDORMAT", "MANUFACTMAT", "EXT_PRODUCT_ID", "MATGROUP", "EXT_SCHEMA_TYPE", "EXT_CATEGORY_ID"];

function expectedNames(items: number, echo: string[]) {
  const names: string[] = [];
  for (let n = 1; n <= items; n++) {
    names.push(...ITEM_FIELDS.map((f) => `NEW_ITEM-${f}[${n}]`), `NEW_ITEM-LONGTEXT_${n}:132[]`);
  }
  return [...names, ...echo];
}

async function expectPunchoutShop(page: Page) {
  await expect(page.getByTestId("oci-banner")).toContainText("Punchout session — Müller Maschinenbau GmbH");
  expect(page.url()).not.toMatch(/password|demo1234|hook_url/i);
}

async function transferAndExpectOrder(page: Page, baseURL: string) {
  await page.goto(`${baseURL}/cart`);
  await expect(page.getByRole("link", { name: "Checkout" })).toHaveCount(0);
  await page.getByRole("button", { name: "Return to Procurement System" }).click();
}

test.beforeEach(async ({ request }, testInfo) => {
  await resetSimulator(request, simulatorUrl(testInfo));
});

test("top-level punchout with upper-case parameters: basket arrives with the exact OCI fields and the order is transferred", async ({ page, request, baseURL }, testInfo) => {
  const sim = simulatorUrl(testInfo);
  await page.goto(simPage(sim, baseURL!, { mode: "top", autostart: "1", upper: "1" }));
  await page.waitForURL(`${baseURL}/`);
  await expectPunchoutShop(page);

  await addToBasket(page, ANCHORS.perHundred.slug, 200);
  await addToBasket(page, ANCHORS.umlaut.slug, 1);
  await transferAndExpectOrder(page, baseURL!);

  await page.waitForURL(/\/hook\?sap-client=100&session=/);
  await expect(page.getByRole("heading", { name: "Basket received" })).toBeVisible();
  const [basket] = await received(request, sim);
  expect(basket!.query).toMatch(/^sap-client=100&session=/);
  expect(basket!.fields.map(([n]) => n)).toEqual(expectedNames(2, ["~OkCode", "~TARGET", "~CALLER"]));
  const f = fieldMap(basket!.fields);
  // DESCRIPTION is cut to 40 characters; the full name travels in the long text.
  expect(f.get("NEW_ITEM-DESCRIPTION[1]")).toBe(ANCHORS.perHundred.name.slice(0, 40));
  expect(f.get("NEW_ITEM-LONGTEXT_1:132[]")).toContain("Sechskantschraube");
  expect(f.get("NEW_ITEM-QUANTITY[1]")).toBe("200");
  expect(f.get("NEW_ITEM-UNIT[1]")).toBe("C62");
  // The buyer's tier price per 100 pieces, and the price unit that makes it per 100.
  expect(f.get("NEW_ITEM-PRICE[1]")).toBe("9.8");
  expect(f.get("NEW_ITEM-PRICEUNIT[1]")).toBe("100");
  expect(f.get("NEW_ITEM-CURRENCY[1]")).toBe("EUR");
  expect(f.get("NEW_ITEM-LEADTIME[1]")).toBe("2");
  expect(f.get("NEW_ITEM-VENDOR[1]")).toBe("4711");
  expect(f.get("NEW_ITEM-VENDORMAT[1]")).toBe(ANCHORS.perHundred.sku);
  expect(f.get("NEW_ITEM-MATGROUP[1]")).toBe("31161500");
  expect(f.get("NEW_ITEM-EXT_SCHEMA_TYPE[1]")).toBe("UNSPSC");
  expect(f.get("NEW_ITEM-EXT_CATEGORY_ID[1]")).toBe("31161500");
  expect(f.get("NEW_ITEM-EXT_PRODUCT_ID[1]")).toMatch(/^\d+$/);
  expect(f.get("NEW_ITEM-LONGTEXT_1:132[]")!.length).toBeGreaterThan(20);
  expect(f.get("NEW_ITEM-DESCRIPTION[2]")).toBe(ANCHORS.umlaut.name);
  expect(f.get("NEW_ITEM-PRICE[2]")).toBe("109");
  expect(f.get("NEW_ITEM-PRICEUNIT[2]")).toBe("1");
  expect(f.get("~OkCode")).toBe("ADDI");
  expect(f.get("~TARGET")).toBe("_top");
  expect(f.get("~CALLER")).toBe("CTLG");
  for (const [, v] of basket!.fields) expect(v).not.toMatch(/<[a-z]/i);

  // The shop recorded the transfer as an order and the punchout basket is gone.
  await expect
    .poll(async () => {
      await page.goto(`${baseURL}/account`);
      return page.getByTestId("order-status").first().textContent();
    })
    .toBe("Transferred to procurement");
  await page.goto((await page.locator('[data-testid="order-history"] tbody tr').first().getByRole("link").getAttribute("href"))!);
  const stored = await page.getByTestId("oci-transfer-fields").locator("tbody tr").evaluateAll((rows) => rows.map((r) => [r.children[0]!.textContent, r.children[1]!.textContent]));
  expect(stored).toEqual(basket!.fields);
  await page.goto(`${baseURL}/cart`);
  await expect(page.getByText("Your cart is empty.")).toBeVisible();
  await expect(page.getByTestId("oci-banner")).toHaveCount(0);
});

test("punchout in a popup", async ({ page, request, baseURL }, testInfo) => {
  const sim = simulatorUrl(testInfo);
  await page.goto(simPage(sim, baseURL!, { mode: "popup", autostart: "1" }));
  const [popup] = await Promise.all([page.waitForEvent("popup"), page.getByRole("button", { name: "Open in popup" }).click()]);
  await popup.waitForURL(`${baseURL}/`);
  await expectPunchoutShop(popup);
  await addToBasket(popup, ANCHORS.umlaut.slug, 2);
  await transferAndExpectOrder(popup, baseURL!);
  await popup.waitForURL(/\/hook/);
  const [basket] = await received(request, sim);
  expect(fieldMap(basket!.fields).get("NEW_ITEM-QUANTITY[1]")).toBe("2");
});

test("punchout inside a cross-site iframe: the session survives and the top window lands on the hook", async ({ page, request, baseURL }, testInfo) => {
  const sim = simulatorUrl(testInfo);
  await page.goto(simPage(sim, baseURL!, { mode: "iframe", autostart: "1" }));
  const frame = page.frameLocator("#ocishop-frame");
  await expect(frame.getByTestId("oci-banner")).toContainText("Müller Maschinenbau GmbH");
  const shopFrame = page.frame({ name: "ocishop-frame" })!;
  await shopFrame.goto(`${baseURL}/products/${ANCHORS.perHundred.slug}`);
  await frame.getByLabel("Quantity").fill("1000");
  await frame.getByRole("button", { name: "Add to cart" }).click();
  await expect(frame.getByText("Added 1000 pcs to your cart.")).toBeVisible();
  await shopFrame.goto(`${baseURL}/cart`);
  await expect(frame.getByRole("link", { name: "Checkout" })).toHaveCount(0);
  await frame.getByRole("button", { name: "Return to Procurement System" }).click();
  await page.waitForURL(/127\.0\.0\.1:\d+\/hook/);
  const [basket] = await received(request, sim);
  const f = fieldMap(basket!.fields);
  expect(f.get("NEW_ITEM-QUANTITY[1]")).toBe("1000");
  expect(f.get("NEW_ITEM-PRICE[1]")).toBe("8.9");
  expect(f.get("NEW_ITEM-PRICEUNIT[1]")).toBe("100");
});

test("POST call with ISO-8859-1: umlauts arrive encoded in ISO-8859-1", async ({ page, request, baseURL }, testInfo) => {
  const sim = simulatorUrl(testInfo);
  await page.goto(simPage(sim, baseURL!, { mode: "top", autostart: "1", method: "POST", charset: "iso-8859-1" }));
  await page.waitForURL(`${baseURL}/`);
  await expectPunchoutShop(page);
  await addToBasket(page, ANCHORS.umlaut.slug, 1);
  await transferAndExpectOrder(page, baseURL!);
  await page.waitForURL(/\/hook/);
  const [basket] = await received(request, sim);
  expect(basket!.charset).toBe("iso-8859-1");
  expect(fieldMap(basket!.fields).get("NEW_ITEM-DESCRIPTION[1]")).toBe(ANCHORS.umlaut.name);
  const raw = Buffer.from(basket!.rawBodyBase64, "base64").toString("latin1");
  expect(raw).toContain("Drehmomentschl%FCssel");
});

test("a second punchout with a new hook URL starts empty and sends only to the new hook", async ({ page, request, baseURL }, testInfo) => {
  const sim = simulatorUrl(testInfo);
  await page.goto(simPage(sim, baseURL!, { mode: "top", autostart: "1" }));
  await page.waitForURL(`${baseURL}/`);
  await addToBasket(page, ANCHORS.perHundred.slug, 100);

  await page.goto(simPage(sim, baseURL!, { mode: "top", autostart: "1" }));
  await page.waitForURL(`${baseURL}/`);
  await page.goto(`${baseURL}/cart`);
  await expect(page.getByText("Your cart is empty.")).toBeVisible();
  await addToBasket(page, ANCHORS.dutch.slug, 3);
  await transferAndExpectOrder(page, baseURL!);
  await page.waitForURL(/\/hook/);
  const all = await received(request, sim);
  expect(all).toHaveLength(1);
  const f = fieldMap(all[0]!.fields);
  expect(f.get("NEW_ITEM-VENDORMAT[1]")).toBe(ANCHORS.dutch.sku);
  expect(f.get("NEW_ITEM-PRICE[1]")).toBe("9.9"); // customer-specific price
  expect(f.has("NEW_ITEM-VENDORMAT[2]")).toBe(false);
});

test("wrong password: an error page, no session and no cookie", async ({ page, baseURL, context }) => {
  const res = await page.goto(`${baseURL}/ocihome?username=10001&password=wrong&hook_url=${encodeURIComponent("http://127.0.0.1:4010/hook")}`);
  expect(res?.status()).toBe(401);
  await expect(page.getByRole("heading", { name: "Punchout sign-in failed" })).toBeVisible();
  const names = (await context.cookies(baseURL)).map((c) => c.name);
  expect(names).not.toContain("shop.session-token");
  expect(names).not.toContain("shop.oci");
});

/** A browser whose punchout went idle ten hours ago, on `path`. */
async function withExpiredPunchout(browser: Browser, baseURL: string, path: string) {
  const tenHoursAgo = Date.now() - 10 * 60 * 60 * 1000;
  const token = await sealOciSession(
    { sid: crypto.randomUUID(), userId: 1, customerId: 1, hookUrl: "http://127.0.0.1:4010/hook", target: "_top", echoFields: [], charset: "utf-8", startedAt: tenHoursAgo },
    { secret: process.env.E2E_AUTH_SECRET!, idleSeconds: 8 * 60 * 60, now: tenHoursAgo },
  );
  const context = await browser.newContext({ baseURL });
  await plantShopCookie(context, "shop.oci", token);
  const page = await context.newPage();
  await page.goto(path);
  await expect(page.getByRole("heading", { name: "Your punchout session has expired" })).toBeVisible();
  return { context, page };
}

test("an expired punchout session gets a clear page, and the buyer can leave it", async ({ browser, baseURL }) => {
  const { context, page } = await withExpiredPunchout(browser, baseURL!, "/cart");
  await expect(page.getByRole("button", { name: "Return to Procurement System" })).toHaveCount(0);
  await page.getByRole("button", { name: "Continue in the web shop instead" }).click();
  await expect(page.getByRole("heading", { name: "Featured products" })).toBeVisible();
  await expect(page.getByTestId("oci-expired")).toHaveCount(0);
  expect((await context.cookies(baseURL)).map((c) => c.name)).not.toContain("shop.oci");
  await context.close();
});

test("leaving an expired punchout on the home page takes the notice away at once", async ({ browser, baseURL }) => {
  const { context, page } = await withExpiredPunchout(browser, baseURL!, "/");
  await page.getByRole("button", { name: "Continue in the web shop instead" }).click();
  // The server action lands on the same page; the notice must not outlive the session it describes.
  await expect(page.getByTestId("oci-expired")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Featured products" })).toBeVisible();
  expect((await context.cookies(baseURL)).map((c) => c.name)).not.toContain("shop.oci");
  await context.close();
});
