import { expect, test } from "@playwright/test";
import { ANCHORS, addFromProductPage, emptyCart, expectNoSeriousA11yViolations, signIn } from "./helpers";

test("health check answers when the database does", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: "ok" });
});

test("browse, search, add anonymously, sign in (cart merged), check out, see the order", async ({ page, baseURL }) => {
  await signIn(page, "buyer@example.com");
  await emptyCart(page, baseURL!);
  await page.getByRole("button", { name: "Sign out" }).click();

  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Featured products" })).toBeVisible();
  await page.locator("section[aria-labelledby=categories-heading] a").first().click();
  await expect(page.getByTestId("product-grid").getByRole("listitem").first()).toBeVisible();

  await page.getByLabel("Search products").fill("Drehmomentschlüssel");
  await page.getByLabel("Search products").press("Enter");
  await expect(page.getByRole("heading", { name: /Search results/ })).toBeVisible();
  // The search page's own box keeps what was typed, so the query can be refined.
  await expect(page.getByRole("searchbox", { name: "Search", exact: true })).toHaveValue("Drehmomentschlüssel");
  await page.getByRole("link", { name: ANCHORS.umlaut.name }).click();
  await expect(page.getByRole("heading", { level: 1, name: ANCHORS.umlaut.name })).toBeVisible();
  // Client navigation keeps the search results mounted but hidden: the visible price is this page's.
  await expect(page.getByTestId("price").filter({ visible: true })).toContainText("€129.00 / pc");

  await page.getByLabel("Quantity").fill("2");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByText("Added 2 pcs to your cart.")).toBeVisible();
  await expect(page.getByTestId("cart-count")).toHaveText("2");

  // Signing in merges the anonymous cart into the buyer's cart, now with the buyer's tier price.
  await signIn(page, "buyer@example.com");
  await page.goto("/cart");
  const line = page.getByTestId("cart-line").filter({ hasText: ANCHORS.umlaut.name });
  await expect(line).toContainText("€109.00 / pc");
  await expect(line.getByTestId("line-total")).toHaveText("€218.00");

  await page.getByRole("link", { name: "Checkout" }).click();
  await expect(page.getByRole("heading", { name: "Checkout" })).toBeVisible();
  // A missing field is reported next to it and nothing typed is lost.
  await page.getByLabel("Street and house number").fill("Industriestraße 7");
  await page.getByLabel("Your order reference (PO number, optional)").fill("PO-4711");
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page.getByText("Enter the postal code")).toBeVisible();
  await expect(page.getByLabel("Street and house number")).toHaveValue("Industriestraße 7");
  await page.getByLabel("Postal code").fill("70173");
  await page.getByLabel("City").fill("Stuttgart");
  await page.getByRole("button", { name: "Place order" }).click();

  await expect(page.getByRole("heading", { name: "Thank you for your order" })).toBeVisible();
  await expect(page.getByTestId("order-status")).toHaveText("Placed");
  await expect(page.getByTestId("order-total")).toHaveText("€259.42"); // 218.00 + 19 % VAT
  await expect(page.getByTestId("cart-count")).toHaveText("0");
  await page.goto("/account");
  await expect(page.getByTestId("order-history")).toContainText("PO-4711");
});

test("a consumer registers and sees gross prices", async ({ page }) => {
  const email = `new-${Date.now()}@example.com`;
  await page.goto("/register");
  await page.getByLabel("Full name").fill("Pieter Jansen");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel(/^Password/).fill("short");
  await page.getByLabel("Repeat password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 10 characters")).toBeVisible();
  await page.getByLabel(/^Password/).fill("correct-horse-1");
  await page.getByLabel("Repeat password").fill("correct-horse-1");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await page.goto(`/products/${ANCHORS.umlaut.slug}`);
  await expect(page.getByTestId("price")).toContainText("€153.51 / pc");
  await expect(page.getByText("incl. VAT").first()).toBeVisible();
});

test("an unknown product answers with a real 404 page", async ({ page }) => {
  const res = await page.goto("/products/does-not-exist-999");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("quantity rules are explained next to the field", async ({ page }) => {
  await page.goto(`/products/${ANCHORS.perHundred.slug}`);
  await page.getByLabel("Quantity").fill("150");
  await page.getByRole("button", { name: "Add to cart" }).click();
  const message = page.locator("main").getByRole("alert");
  await expect(message).toContainText("Sold in packs of 100");
  await page.getByLabel("Quantity").fill("0");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(message).toContainText("at least");
});

test("wrong credentials get a generic message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("E-mail address or debtor number").fill("buyer@example.com");
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("main").getByRole("alert")).toHaveText("The e-mail address, debtor number or password is not correct.");
});

test("a debtor number signs in the customer's primary buyer", async ({ page }) => {
  await signIn(page, "10001");
  await page.goto("/account");
  await expect(page.getByText("debtor number 10001")).toBeVisible();
});

test("pages have no serious accessibility violations", async ({ page, baseURL }) => {
  await page.goto("/");
  await expectNoSeriousA11yViolations(page);
  await page.locator("section[aria-labelledby=categories-heading] a").first().click();
  await page.waitForURL(/\/categories\//);
  await expectNoSeriousA11yViolations(page);
  await page.goto(`/products/${ANCHORS.perHundred.slug}`);
  await expectNoSeriousA11yViolations(page);
  await page.goto("/login");
  await expectNoSeriousA11yViolations(page);
  await signIn(page, "purchasing@example.com");
  await emptyCart(page, baseURL!);
  await addFromProductPage(page, ANCHORS.perHundred.slug, 200);
  await page.goto("/cart");
  await expectNoSeriousA11yViolations(page);
  await page.goto("/checkout");
  await expectNoSeriousA11yViolations(page);
});
