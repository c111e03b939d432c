import { readFileSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { ANCHORS, addFromProductPage, emptyCart, expectNoSeriousA11yViolations, signIn, simulatorUrl } from "./helpers";
import { addToBasket, received, resetSimulator } from "./oci-helpers";

// The back office's orders: an operator moves a web order along and the buyer sees it; a punchout
// transfer is shown field by field as the hook received it, and downloads byte for byte. (Client
// navigation keeps the list mounted but hidden: the order's status is looked up among visible ones.)

async function signedIn(browser: Browser, baseURL: string, user: string): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signIn(page, user);
  return page;
}

/** The newest order of the signed-in buyer: its id, from the account page's link. */
async function newestOrderId(page: Page): Promise<string> {
  await page.goto("/account");
  const href = await page.getByTestId("order-history").locator("tbody tr").first().getByRole("link").getAttribute("href");
  return href!.split("/").at(-1)!;
}

test("a web order: the buyer places it, the operator confirms and ships it, the buyer sees Shipped", async ({ browser, baseURL }) => {
  const buyer = await signedIn(browser, baseURL!, "buyer@example.com");
  await emptyCart(buyer, baseURL!);
  await addFromProductPage(buyer, ANCHORS.umlaut.slug, 1);
  await buyer.goto("/checkout");
  const po = `PO-ADMIN-${Date.now()}`;
  await buyer.getByLabel("Street and house number").fill("Industriestraße 7");
  await buyer.getByLabel("Postal code").fill("70173");
  await buyer.getByLabel("City").fill("Stuttgart");
  await buyer.getByLabel("Your order reference (PO number, optional)").fill(po);
  await buyer.getByRole("button", { name: "Place order" }).click();
  await expect(buyer.getByRole("heading", { name: "Thank you for your order" })).toBeVisible();
  const number = /Order (\d+)/.exec((await buyer.getByRole("heading", { level: 1 }).textContent())!)![1]!;

  const admin = await signedIn(browser, baseURL!, "admin@example.com");
  await admin.goto("/admin/orders");
  await admin.getByLabel("Search", { exact: true }).fill(number);
  await admin.getByLabel("Search", { exact: true }).press("Enter");
  const row = admin.getByTestId("admin-orders").locator("tbody tr");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Müller Maschinenbau");
  await expect(row).toContainText(po);
  await expectNoSeriousA11yViolations(admin);
  await row.getByRole("link", { name: number, exact: true }).click();

  await expect(admin.getByRole("heading", { level: 1, name: `Order ${number}` })).toBeVisible();
  await expect(admin.getByTestId("order-status").filter({ visible: true })).toHaveText("Placed");
  await expect(admin.getByTestId("order-lines")).toContainText(ANCHORS.umlaut.sku);
  await expect(admin.getByText("Industriestraße 7").first()).toBeVisible();
  await expect(admin.getByRole("button", { name: "Mark as shipped" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(admin);

  await admin.getByRole("button", { name: "Confirm" }).click();
  await expect(admin.getByText("Status changed to Confirmed.")).toBeVisible();
  await expect(admin.getByTestId("order-status").filter({ visible: true })).toHaveText("Confirmed");
  await expect(admin.getByRole("button", { name: "Confirm" })).toHaveCount(0);
  await admin.getByRole("button", { name: "Mark as shipped" }).click();
  await expect(admin.getByTestId("order-status").filter({ visible: true })).toHaveText("Shipped");
  await expect(admin.getByRole("button", { name: "Cancel order" })).toHaveCount(0);
  const history = admin.getByTestId("audit-table");
  await expect(history).toContainText("status: confirmed → shipped");
  await expect(history).toContainText("status: placed → confirmed");
  await expect(history).toContainText("admin@example.com");

  await buyer.goto("/account");
  await expect(buyer.getByTestId("order-history").locator("tr", { hasText: po }).getByTestId("order-status")).toHaveText("Shipped");
  await buyer.getByRole("link", { name: number, exact: true }).click();
  // The order's own page (the history with the buyer's other orders is kept mounted, hidden).
  await expect(buyer).toHaveURL(/\/account\/orders\/[0-9a-f-]+$/);
  await expect(buyer.getByTestId("order-status").filter({ visible: true })).toHaveText("Shipped");

  // Filtered by status, the shipped order is among the shipped ones and not among the placed ones.
  await admin.goto(`/admin/orders?q=${number}&status=shipped`);
  await expect(admin.getByTestId("admin-orders").locator("tbody tr")).toHaveCount(1);
  await admin.goto(`/admin/orders?q=${number}&status=placed`);
  await expect(admin.getByText("No orders match.")).toBeVisible();
});

test("a punchout transfer: the operator sees every field as sent with its OCI check, and downloads the body the hook received", async ({ browser, request, baseURL }, testInfo) => {
  const sim = simulatorUrl(testInfo);
  await resetSimulator(request, sim);
  const context = await browser.newContext({ baseURL });
  const buyer = await context.newPage();
  const hook = `${sim}/hook?sap-client=800&sim_charset=iso-8859-1`;
  await buyer.goto(`/ocihome?${new URLSearchParams({ username: "10001", password: "demo1234", hook_url: hook, http_content_charset: "iso-8859-1", "~OkCode": "ADDI", "~CALLER": "CTLG" })}`);
  await expect(buyer.getByTestId("oci-banner")).toBeVisible();
  await addToBasket(buyer, ANCHORS.perHundred.slug, 200);
  await addToBasket(buyer, ANCHORS.umlaut.slug, 1);
  await buyer.goto("/cart");
  await buyer.getByRole("button", { name: "Return to Procurement System" }).click();
  await buyer.waitForURL(/\/hook\?sap-client=800/);
  const all = await received(request, sim);
  expect(all).toHaveLength(1);
  const hookGot = all[0]!;
  const rawBody = Buffer.from(hookGot.rawBodyBase64, "base64");
  const id = await newestOrderId(buyer);

  const admin = await signedIn(browser, baseURL!, "admin@example.com");
  await admin.goto("/admin/orders");
  await admin.getByLabel("Channel").selectOption({ label: "Punchout" });
  await admin.getByRole("search").filter({ has: admin.getByLabel("Channel") }).getByRole("button", { name: "Search" }).click();
  await expect(admin).toHaveURL(/channel=oci/);
  const rows = admin.getByTestId("admin-orders").locator("tbody tr");
  await expect(rows.first()).toContainText("Punchout");
  await expect(rows.first()).toContainText("Transferred to procurement");
  await rows.first().getByRole("link").click();
  await expect(admin).toHaveURL(new RegExp(`/admin/orders/${id}$`));

  await expect(admin.getByTestId("order-status").filter({ visible: true })).toHaveText("Transferred to procurement");
  await expect(admin.getByRole("button", { name: "Confirm" })).toHaveCount(0);
  await expect(admin.getByTestId("transfer-hook-origin")).toHaveText(new URL(sim).origin);
  await expect(admin.getByTestId("transfer-charset")).toHaveText("iso-8859-1");
  await expect(admin.getByTestId("transfer-verdict")).toHaveText("all fields ok");
  const shown = await admin
    .getByTestId("transfer-fields")
    .locator("tbody tr")
    .evaluateAll((trs) => trs.map((tr) => [tr.children[1]!.textContent ?? "", tr.children[2]!.textContent ?? "", tr.children[3]!.textContent ?? ""]));
  // The browser sends every line break as CRLF; the shop stores and shows the value as rendered.
  expect(shown.map(([name, value]) => [name, value])).toEqual(hookGot.fields.map(([n, v]) => [n, v.replace(/\r\n/g, "\n")]));
  expect(new Set(shown.map(([, , check]) => check))).toEqual(new Set(["ok"]));
  expect(shown.map(([name]) => name)).toContain("NEW_ITEM-DESCRIPTION[2]");
  await expect(admin.getByTestId("transfer-line-total").first()).toHaveText(/^\d+\.\d\d$/);
  await expect(admin.getByTestId("transfer-basket-total")).toHaveText(/ EUR$/);
  await expect(admin.getByText("matches", { exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(admin);

  const [download] = await Promise.all([admin.waitForEvent("download"), admin.getByRole("link", { name: "Download as sent" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^order-\d+-oci\.txt$/);
  expect(readFileSync((await download.path())!).equals(rawBody)).toBe(true);
  const res = await admin.request.get(`/admin/orders/${id}/transfer-body`);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/x-www-form-urlencoded");
  expect(res.headers()["cache-control"]).toBe("private, no-store");
  expect(res.headers()["content-disposition"]).toMatch(/^attachment; filename="order-\d+-oci\.txt"$/);
  expect((await res.body()).equals(rawBody)).toBe(true);
  await context.close();
});

test("a buyer (and a stranger) finds no back office: /admin, the order list, an order and its transfer body answer 404", async ({ browser, baseURL }) => {
  const buyer = await signedIn(browser, baseURL!, "buyer@example.com");
  const id = await newestOrderId(buyer);
  const stranger = await (await browser.newContext({ baseURL })).newPage();
  for (const page of [buyer, stranger]) {
    for (const path of ["/admin", "/admin/orders", `/admin/orders/${id}`, `/admin/orders/${id}/transfer-body`]) {
      const res = await page.goto(path);
      expect(res?.status(), `${path}`).toBe(404);
      await expect(page.getByRole("navigation", { name: "Back office" })).toHaveCount(0);
    }
  }
});
