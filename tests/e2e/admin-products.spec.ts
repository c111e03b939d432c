import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations, signIn } from "./helpers";

// A 1×1 PNG: the smallest picture a browser shows.
const PNG_1X1 = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

async function operator(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signIn(page, "admin@example.com");
  return { context, page };
}

/** Creates a product of its own through the form, so no other spec's prices move. */
async function createProduct(page: Page, sku: string, name: string, listPrice: string) {
  await page.goto("/admin/products/new");
  await page.getByLabel("Article number").fill(sku);
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Category").selectOption({ index: 1 });
  await page.getByLabel("List price").fill(listPrice);
  await page.getByLabel("Stock").fill("50");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Product created." })).toBeVisible();
  return page.url();
}

const visiblePrice = (page: Page) => page.locator("[data-price-source]").filter({ visible: true }).first();

test("nobody but an operator learns the back office exists: pages and its server actions answer 404", async ({ browser, baseURL }) => {
  const anonymous = await browser.newContext({ baseURL });
  const buyer = await browser.newContext({ baseURL });
  const buyerPage = await buyer.newPage();
  await signIn(buyerPage, "buyer@example.com");
  for (const path of ["/admin", "/admin/products", "/admin/products/1", "/admin/products/new", "/admin/audit", "/admin/does-not-exist"]) {
    for (const ctx of [anonymous, buyer]) {
      const res = await ctx.request.get(path, { maxRedirects: 0 });
      expect(res.status(), `${path}`).toBe(404);
      expect(await res.text()).toContain("Page not found");
    }
  }
  await buyerPage.goto("/admin/products");
  await expect(buyerPage.getByRole("heading", { name: "Page not found" })).toBeVisible();

  // The operator's own edit form (with its server action id), posted by the buyer from a shop page
  // and straight to the back-office address: neither changes anything.
  const admin = await operator(browser, baseURL!);
  await admin.page.goto("/admin/products/1");
  const price = await admin.page.getByLabel("List price").inputValue();
  const formHtml = await admin.page.locator("form[aria-label=Product]").evaluate((f) => f.outerHTML);
  await buyerPage.goto("/account");
  await buyerPage.evaluate((html) => {
    document.body.insertAdjacentHTML("beforeend", html);
    const form = document.body.lastElementChild as HTMLFormElement;
    (form.querySelector("[name=listPrice]") as HTMLInputElement).value = "0.01";
    HTMLFormElement.prototype.submit.call(form);
  }, formHtml);
  await buyerPage.waitForLoadState();
  const actionId = /name="(\$ACTION_ID_[^"]+)"/.exec(formHtml)?.[1];
  const direct = await buyer.request.post("/admin/products/1", { multipart: { ...(actionId ? { [actionId]: "" } : {}), id: "1", version: "1", listPrice: "0.01" }, maxRedirects: 0 });
  expect(direct.status()).toBe(404);
  await admin.page.reload();
  await expect(admin.page.getByLabel("List price")).toHaveValue(price);
  await Promise.all([anonymous.close(), buyer.close(), admin.context.close()]);
});

test("an operator edits a list price and the cached product page shows it at once", async ({ browser, baseURL }, testInfo) => {
  const { context, page } = await operator(browser, baseURL!);
  const sku = `E2E-${testInfo.project.name}-${Date.now()}`;
  const adminUrl = await createProduct(page, sku, "Prüfschraube für den Backoffice-Test", "10.00");
  const shop = await browser.newContext({ baseURL });
  const shopper = await shop.newPage();
  const slug = `pruefschraube-fuer-den-backoffice-test-${sku.toLowerCase()}`;
  await shopper.goto(`/products/${slug}`);
  await expect(visiblePrice(shopper)).toHaveText("€10.00 / pc excl. VAT");

  await page.goto(adminUrl);
  await page.getByLabel("List price").fill("12,34");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  // The history names the operator and the old and new value.
  await expect(page.getByTestId("audit-table")).toContainText("listPrice: 10.0000 → 12.3400");

  // One page load, no retry: the save invalidated the cached page.
  await shopper.goto(`/products/${slug}`);
  await expect(visiblePrice(shopper)).toHaveText("€12.34 / pc excl. VAT");

  // Deactivated, the product is gone from the shop.
  await page.getByRole("button", { name: "Deactivate" }).click();
  await expect(page.getByText("Inactive: the shop does not show this product.")).toBeVisible();
  const gone = await shop.request.get(`/products/${slug}`);
  expect(gone.status()).toBe(404);
  await Promise.all([context.close(), shop.close()]);
});

test("the second of two operators saving the same product is told, and the first one's change stays", async ({ browser, baseURL }, testInfo) => {
  const a = await operator(browser, baseURL!);
  const b = await operator(browser, baseURL!);
  const url = await createProduct(a.page, `E2E-C-${testInfo.project.name}-${Date.now()}`, "Konfliktmutter M6", "3.00");
  await b.page.goto(url);
  await a.page.getByLabel("Name").fill("Konfliktmutter M6 (A)");
  await a.page.getByRole("button", { name: "Save" }).click();
  await expect(a.page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await b.page.getByLabel("Name").fill("Konfliktmutter M6 (B)");
  await b.page.getByRole("button", { name: "Save" }).click();
  await expect(b.page.locator("p[role=alert]")).toContainText("changed by someone else");
  // What B typed is still in the form; the stored name is A's.
  await expect(b.page.getByLabel("Name")).toHaveValue("Konfliktmutter M6 (B)");
  await b.page.reload();
  await expect(b.page.getByLabel("Name")).toHaveValue("Konfliktmutter M6 (A)");
  await Promise.all([a.context.close(), b.context.close()]);
});

test("a product form with mistakes keeps what was typed and says what is wrong next to each field", async ({ browser, baseURL }) => {
  const { context, page } = await operator(browser, baseURL!);
  await page.goto("/admin/products/new");
  await page.getByLabel("Name").fill("Ohne Preis");
  await page.getByLabel("List price").fill("12.34567");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.locator("p[role=alert]")).toContainText("Please correct the marked fields.");
  await expect(page.getByText("List price: a number with at most 4 decimals")).toBeVisible();
  await expect(page.getByLabel("List price")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Name")).toHaveValue("Ohne Preis");
  await context.close();
});

test("an uploaded picture replaces the generated one in the shop; other files are refused", async ({ browser, baseURL }, testInfo) => {
  const { context, page } = await operator(browser, baseURL!);
  const sku = `E2E-P-${testInfo.project.name}-${Date.now()}`;
  await createProduct(page, sku, "Bildschraube M4", "1.00");
  await page.getByLabel(/New picture/).setInputFiles({ name: "fake.png", mimeType: "image/png", buffer: Buffer.from("<svg onload=alert(1)>") });
  await page.getByRole("button", { name: "Upload picture" }).click();
  await expect(page.getByText("Only PNG, JPEG or WebP files")).toBeVisible();
  await page.getByLabel(/New picture/).setInputFiles({ name: "dot.png", mimeType: "image/png", buffer: PNG_1X1 });
  await page.getByRole("button", { name: "Upload picture" }).click();
  await expect(page.getByText("Picture saved.")).toBeVisible();
  await expect(page.getByText("Uploaded (image/png)")).toBeVisible();

  const shopPage = await context.newPage();
  await shopPage.goto(`/products/bildschraube-m4-${sku.toLowerCase()}`);
  const src = await shopPage.getByRole("img", { name: "Bildschraube M4" }).getAttribute("src");
  expect(src).toContain("?v=1");
  const image = await shopPage.request.get(src!);
  expect(image.headers()["content-type"]).toBe("image/png");
  expect(image.headers()["cache-control"]).toContain("immutable");
  expect(Buffer.from(await image.body()).equals(PNG_1X1)).toBe(true);
  await context.close();
});

test("the back-office product pages pass axe", async ({ browser, baseURL }) => {
  const { context, page } = await operator(browser, baseURL!);
  for (const path of ["/admin", "/admin/products", "/admin/products?q=schraube", "/admin/products/1", "/admin/products/new", "/admin/audit"]) {
    await page.goto(path);
    await expect(page.getByRole("navigation", { name: "Back office" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  }
  await context.close();
});
