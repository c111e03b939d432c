import { expect, test, type Browser, type Page } from "@playwright/test";
import { ANCHORS, expectNoSeriousA11yViolations, simulatorUrl } from "./helpers";
import { addToBasket, fieldMap, received, resetSimulator } from "./oci-helpers";

// The transfer is recorded by the shop before the basket leaves, and what is stored is exactly
// what the hook received: with script, without script, and with SAP GUI's SAPEVENT target.

export const ORDER_ROWS = '[data-testid="order-history"] tbody tr';

async function punchoutPage(browser: Browser, baseURL: string, hook: string, options: { javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext({ baseURL, ...options });
  const page = await context.newPage();
  await page.goto(`/ocihome?${new URLSearchParams({ username: "10001", password: "demo1234", hook_url: hook, "~OkCode": "ADDI", "~CALLER": "CTLG" })}`);
  // Catalog pages are cached for everyone: without script the banner shows on the (per-visitor) cart.
  if (options.javaScriptEnabled === false) await page.goto("/cart");
  await expect(page.getByTestId("oci-banner")).toBeVisible();
  return { context, page };
}

async function orderCount(page: Page) {
  await page.goto("/account");
  return page.locator(ORDER_ROWS).count();
}

/** The newest order's transfer table on /account, as [name, value] pairs in order. */
async function newestTransferFields(page: Page): Promise<[string, string][]> {
  await page.goto("/account");
  await page.goto((await page.locator(ORDER_ROWS).first().getByRole("link").getAttribute("href"))!);
  await expect(page.getByRole("heading", { name: "Transferred to your procurement system" })).toBeVisible();
  return page.getByTestId("oci-transfer-fields").locator("tbody tr").evaluateAll((rows) => rows.map((r) => [r.children[0]!.textContent ?? "", r.children[1]!.textContent ?? ""] as [string, string]));
}

async function expectEmptyBasketAndNoPunchout(page: Page) {
  await page.goto("/cart");
  await expect(page.getByText("Your cart is empty.")).toBeVisible();
  await expect(page.getByTestId("oci-banner")).toHaveCount(0);
}

test.beforeEach(async ({ request }, testInfo) => {
  await resetSimulator(request, simulatorUrl(testInfo));
});

test("with script: the order is recorded first, the hook gets the same fields, the account shows them", async ({ browser, request, baseURL }, testInfo) => {
  const sim = simulatorUrl(testInfo);
  const { context, page } = await punchoutPage(browser, baseURL!, `${sim}/hook?sap-client=300&sim_charset=utf-8`);
  const before = await orderCount(page);
  await addToBasket(page, ANCHORS.perHundred.slug, 200);
  await addToBasket(page, ANCHORS.umlaut.slug, 1);
  await page.goto("/cart");
  await page.getByRole("button", { name: "Return to Procurement System" }).click();
  await page.waitForURL(/\/hook\?sap-client=300/);
  const all = await received(request, sim);
  expect(all).toHaveLength(1);
  const sent = all[0]!.fields;
  expect(fieldMap(sent).get("NEW_ITEM-QUANTITY[1]")).toBe("200");
  expect(await orderCount(page)).toBe(before + 1);
  expect(await newestTransferFields(page)).toEqual(sent);
  await expectNoSeriousA11yViolations(page);
  await expectEmptyBasketAndNoPunchout(page);
  await context.close();
});

test("without script: the shop records, then a page hands over the same form with a visible Continue button", async ({ browser, request, baseURL }, testInfo) => {
  const sim = simulatorUrl(testInfo);
  const { context, page } = await punchoutPage(browser, baseURL!, `${sim}/hook?sap-client=200&sim_charset=utf-8`, { javaScriptEnabled: false });
  const before = await orderCount(page);
  await page.goto(`/products/${ANCHORS.umlaut.slug}`);
  await page.getByLabel("Quantity").fill("2");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await page.waitForURL(`${baseURL}/cart`);
  await page.getByRole("button", { name: "Return to Procurement System" }).click();
  await expect(page.getByRole("heading", { name: "Your basket is ready to go back" })).toBeVisible();
  // axe needs script: check the very page this browser got in one that runs it.
  const scripted = await browser.newContext();
  const checker = await scripted.newPage();
  await checker.setContent(await page.content());
  await expectNoSeriousA11yViolations(checker);
  await scripted.close();
  // Recorded before anything left: the order exists, the hook has received nothing yet.
  expect(await received(request, sim)).toHaveLength(0);
  const reloaded = await page.reload();
  expect(reloaded?.status()).toBe(200); // a repeated POST gets the same record back
  await page.getByRole("button", { name: "Continue to your procurement system" }).click();
  await page.waitForURL(/\/hook\?sap-client=200/);
  const [basket] = await received(request, sim);
  expect(fieldMap(basket!.fields).get("NEW_ITEM-DESCRIPTION[1]")).toBe(ANCHORS.umlaut.name);
  expect(fieldMap(basket!.fields).get("~OkCode")).toBe("ADDI");
  expect(await orderCount(page)).toBe(before + 1);
  expect(await newestTransferFields(page)).toEqual(basket!.fields);
  await expectEmptyBasketAndNoPunchout(page);
  await context.close();
});

test("SAP GUI (SAPEVENT): the click submits the literal form, the same fields are recorded, the page stays", async ({ browser, baseURL }) => {
  const { context, page } = await punchoutPage(browser, baseURL!, "SAPEVENT:POST");
  const before = await orderCount(page);
  await addToBasket(page, ANCHORS.dutch.slug, 3);
  await page.goto("/cart");
  const form = page.getByTestId("oci-form");
  await expect(form).toHaveAttribute("action", "SAPEVENT:POST");
  const fields = await form.locator('input[type="hidden"]').evaluateAll((inputs) => inputs.map((i) => [(i as HTMLInputElement).name, (i as HTMLInputElement).value] as [string, string]));
  await page.getByRole("button", { name: "Return to Procurement System" }).click();
  await expect(page.getByText("Your basket was handed to SAP")).toBeVisible();
  expect(page.url()).toBe(`${baseURL}/cart`);
  await expect.poll(() => orderCount(page)).toBe(before + 1);
  expect(await newestTransferFields(page)).toEqual(fields);
  await expectEmptyBasketAndNoPunchout(page);
  await context.close();
});

test("a double click sends and records one order", async ({ browser, request, baseURL }, testInfo) => {
  const sim = simulatorUrl(testInfo);
  const { context, page } = await punchoutPage(browser, baseURL!, `${sim}/hook?sap-client=400&sim_charset=utf-8`);
  const before = await orderCount(page);
  await addToBasket(page, ANCHORS.umlaut.slug, 1);
  await page.goto("/cart");
  await page.getByRole("button", { name: "Return to Procurement System" }).dblclick();
  await page.waitForURL(/\/hook\?sap-client=400/);
  await page.waitForTimeout(500);
  expect(await received(request, sim)).toHaveLength(1);
  expect(await orderCount(page)).toBe(before + 1);
  await context.close();
});

test("a basket changed in another tab after the page rendered is not sent unconfirmed", async ({ browser, request, baseURL }, testInfo) => {
  const sim = simulatorUrl(testInfo);
  const { context, page: tabA } = await punchoutPage(browser, baseURL!, `${sim}/hook?sap-client=500&sim_charset=utf-8`);
  const before = await orderCount(tabA);
  await addToBasket(tabA, ANCHORS.umlaut.slug, 1);
  await tabA.goto("/cart");
  const tabB = await context.newPage();
  await tabB.goto("/cart");
  const quantity = tabB.getByLabel(`Quantity of ${ANCHORS.umlaut.name}`);
  const totalBefore = await tabB.getByTestId("line-total").textContent();
  await quantity.fill("5");
  await quantity.press("Enter");
  await expect(tabB.getByTestId("line-total")).not.toHaveText(totalBefore!);

  await tabA.getByRole("button", { name: "Return to Procurement System" }).click();
  await expect(tabA.getByTestId("oci-message")).toContainText("Your basket changed");
  await expect(tabA.getByLabel(`Quantity of ${ANCHORS.umlaut.name}`)).toHaveValue("5");
  expect(await received(request, sim)).toHaveLength(0);

  // Confirmed: now the new basket goes, once.
  await tabA.getByRole("button", { name: "Return to Procurement System" }).click();
  await tabA.waitForURL(/\/hook\?sap-client=500/);
  const all = await received(request, sim);
  expect(all).toHaveLength(1);
  expect(fieldMap(all[0]!.fields).get("NEW_ITEM-QUANTITY[1]")).toBe("5");
  // The second tab can no longer send the ended session.
  await tabB.goto("/cart");
  await expect(tabB.getByRole("button", { name: "Return to Procurement System" })).toHaveCount(0);
  expect(await orderCount(tabB)).toBe(before + 1);
  await context.close();
});

test("cancel ends the punchout without an order and posts only the echo fields", async ({ browser, request, baseURL }, testInfo) => {
  const sim = simulatorUrl(testInfo);
  const { context, page } = await punchoutPage(browser, baseURL!, `${sim}/hook?sap-client=600&sim_charset=utf-8`);
  const before = await orderCount(page);
  await addToBasket(page, ANCHORS.umlaut.slug, 1);
  await page.goto("/cart");
  await page.getByRole("button", { name: "Cancel and return an empty basket" }).click();
  await page.waitForURL(/\/hook\?sap-client=600/);
  const [basket] = await received(request, sim);
  expect(basket!.fields).toEqual([["~OkCode", "ADDI"], ["~CALLER", "CTLG"]]);
  expect(await orderCount(page)).toBe(before);
  await page.goto("/cart");
  await expect(page.getByTestId("oci-banner")).toHaveCount(0);
  await context.close();
});
