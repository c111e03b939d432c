import { expect, test, type Page, type Request } from "@playwright/test";
import { ANCHORS, signIn } from "./helpers";

// What one page view costs: the cached page, its scripts and pictures, and one question about the
// visitor (/api/viewer). Links are prefetched when the visitor shows intent (pointer, touch, focus),
// not for every card and category that scrolls into view — a listing would otherwise ask the server
// for two dozen pages nobody opens, on a phone's CPU and data plan.

function recordRequests(page: Page) {
  const seen: Request[] = [];
  page.on("request", (r) => seen.push(r));
  const paths = (match: (url: URL) => boolean) => seen.map((r) => new URL(r.url())).filter(match).map((u) => u.pathname);
  return {
    viewer: () => paths((u) => u.pathname === "/api/viewer"),
    prefetches: () => paths((u) => u.searchParams.has("_rsc")),
    clear: () => seen.splice(0),
  };
}

/** Waits until the page's own requests have settled, so counts below are final. */
async function settle(page: Page) {
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(500);
}

test("a home page view asks about the visitor once and prefetches nothing nobody pointed at", async ({ page }) => {
  const requests = recordRequests(page);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Featured products" })).toBeVisible();
  await settle(page);
  expect(requests.viewer()).toEqual(["/api/viewer"]);
  expect(requests.prefetches()).toEqual([]);
});

test("pointing at a card prefetches its page, and following it shows the product without a new document", async ({ page }) => {
  const requests = recordRequests(page);
  await page.goto(`/search?q=${encodeURIComponent(ANCHORS.perHundred.sku)}`);
  const link = page.getByRole("link", { name: ANCHORS.perHundred.name }).first();
  await expect(link).toBeVisible();
  await settle(page);
  expect(requests.prefetches()).toEqual([]);

  await link.hover();
  await expect.poll(() => requests.prefetches()).toContain(`/products/${ANCHORS.perHundred.slug}`);
  const documents: string[] = [];
  page.on("request", (r) => r.resourceType() === "document" && documents.push(r.url()));
  await link.click();
  await expect(page.getByRole("heading", { level: 1, name: ANCHORS.perHundred.name })).toBeVisible();
  expect(page.url()).toContain(`/products/${ANCHORS.perHundred.slug}`);
  expect(documents).toEqual([]);
});

test("a keyboard user's focus prefetches the link it lands on", async ({ page }) => {
  const requests = recordRequests(page);
  await page.goto("/");
  const category = page.getByRole("link", { name: "Fasteners", exact: true });
  await expect(category).toBeVisible();
  await settle(page);
  await category.focus();
  await expect.poll(() => requests.prefetches()).toContain("/categories/fasteners");
});

test("a signed-in buyer's page views each ask about the visitor once, after client-side navigation too", async ({ page }) => {
  await signIn(page, "buyer@example.com");
  const requests = recordRequests(page);
  await page.goto(`/products/${ANCHORS.perHundred.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: ANCHORS.perHundred.name })).toBeVisible();
  await settle(page);
  expect(requests.viewer()).toEqual(["/api/viewer"]);

  requests.clear();
  await page.getByTestId("header-cart").click();
  await expect(page.getByRole("heading", { level: 1, name: "Cart" })).toBeVisible();
  await settle(page);
  expect(requests.viewer()).toEqual(["/api/viewer"]);
});

test("signing out on the home page, where the action lands again, shows the signed-out header at once", async ({ page }) => {
  await signIn(page, "buyer@example.com");
  await page.goto("/");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
});
