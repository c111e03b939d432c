import AxeBuilder from "@axe-core/playwright";
import { expect, type BrowserContext, type Page, type TestInfo } from "@playwright/test";

export const PASSWORD = "demo1234";

export const ANCHORS = {
  perHundred: { sku: "FAS-10001", slug: "sechskantschraube-din-933-m8x40-8-8-verzinkt-fas-10001", name: "Sechskantschraube DIN 933 M8x40 8.8 verzinkt" },
  umlaut: { sku: "TOL-20001", slug: "drehmomentschluessel-1-2-zoll-40-200-nm-tol-20001", name: "Drehmomentschlüssel 1/2 Zoll 40-200 Nm" },
  dutch: { sku: "PLU-60001", slug: "kogelkraan-messing-1-2-inch-met-hendel-plu-60001", name: "Kogelkraan messing 1/2 inch met hendel" },
} as const;

export function simulatorUrl(testInfo: TestInfo): string {
  return (testInfo.project.metadata as { simulator: string }).simulator;
}

export async function signIn(page: Page, username: string, password = PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("E-mail address or debtor number").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

/** Empties the current cart through the shop's own API (same-origin, as the browser would). */
export async function emptyCart(page: Page, baseURL: string) {
  const res = await page.request.delete("/api/cart", { headers: { Origin: baseURL, "Content-Type": "application/json" }, data: {} });
  expect(res.ok()).toBeTruthy();
}

export async function addFromProductPage(page: Page, slug: string, quantity: number) {
  await page.goto(`/products/${slug}`);
  await page.getByLabel("Quantity").fill(String(quantity));
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByText(/Added \d+/)).toBeVisible();
}

export async function expectNoSeriousA11yViolations(page: Page) {
  // After a client-side navigation the new page is on screen a moment before its <title>: Next
  // streams metadata separately from the page. Axe checks the page once it has settled, and a page
  // that never gets a title still fails here.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

/**
 * Plants a cookie the way the shop's own are kept, so the shop can also replace or remove it:
 * Secure, SameSite=None and partitioned with the shop as the top-level site. That last part is
 * Chromium's `_crHasCrossSiteAncestor: false`, which `context.cookies()` reports for the shop's
 * cookies; without it Playwright plants the cross-site-frame partition, which a top-level page
 * never sends.
 */
export async function plantShopCookie(context: BrowserContext, name: string, value: string) {
  const cookie = { name, value, domain: "localhost", path: "/", httpOnly: true, secure: true, sameSite: "None" as const, partitionKey: "http://localhost", _crHasCrossSiteAncestor: false };
  await context.addCookies([cookie]);
}
