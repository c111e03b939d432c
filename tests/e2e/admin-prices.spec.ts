import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, signIn } from "./helpers";

// An anchor no other spec prices: list price €6.40 per piece, no tier in Müller's price list.
const GLASSES = { sku: "SAF-40001", slug: "schutzbrille-klar-en-166-saf-40001" };

test("an operator sets a customer price for Müller Maschinenbau, and their buyer sees it on the product page", async ({ page }) => {
  await signIn(page, "admin@example.com");
  // The demo seed creates Müller Maschinenbau (debtor 10001) first, so it is customer 1.
  await page.goto("/admin/customers/1/prices");
  await expect(page.getByRole("heading", { level: 1, name: "Prices for Müller Maschinenbau GmbH" })).toBeVisible();
  await expect(page.getByText("Debtor number 10001.")).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Above the list price: refused next to the price, what was typed stays.
  await page.getByLabel("SKU").fill(GLASSES.sku);
  await page.getByLabel("From quantity").fill("1");
  await page.getByLabel("Price per price unit").fill("6.41");
  await page.getByRole("button", { name: "Save price", exact: true }).click();
  await expect(page.getByText("This price is higher than the list price 6.40 EUR per pc.")).toBeVisible();
  await expect(page.getByLabel("SKU")).toHaveValue(GLASSES.sku);

  await page.getByLabel("Price per price unit").fill("5.55");
  await page.getByRole("button", { name: "Save price", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText(`Price saved: ${GLASSES.sku} from 1 → 5.55.`);
  const row = page.getByTestId("tier-table").getByRole("row").filter({ hasText: GLASSES.sku });
  await expect(row).toContainText("from 1 → 5.55 EUR");
  await expect(row).toContainText("6.40 EUR per pc");
  await expect(page.getByTestId("audit-table")).toContainText(`SKU ${GLASSES.sku} from 1: ∅ → 5.5500`);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await signIn(page, "buyer@example.com");
  await page.goto(`/products/${GLASSES.slug}`);
  // The cached page shows the list price; the buyer's own price arrives from /api/prices.
  await expect(page.locator("[data-price-source=own]").filter({ visible: true })).toContainText("€5.55 / pc");
  await expect(page.getByTestId("price").filter({ visible: true })).toHaveText("€5.55 / pc");
});

test("an operator adds a category, moves it up with the keyboard and deletes it again", async ({ page }) => {
  await signIn(page, "admin@example.com");
  await page.goto("/admin/categories");
  await expect(page.getByRole("heading", { level: 1, name: "Categories" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByLabel("Name", { exact: true }).fill("E2E Zubehör");
  await page.getByRole("button", { name: "Add category" }).click();
  await expect(page.getByRole("status")).toHaveText("Category “E2E Zubehör” added (slug e2e-zubehoer).");
  const tree = page.getByTestId("category-tree");
  const topLevel = tree.locator(":scope > li > div > a");
  await expect(topLevel.last()).toHaveText("E2E Zubehör");
  const before = await topLevel.allTextContents();

  // A real button: focus it and press Enter.
  await page.getByRole("button", { name: "Move up E2E Zubehör" }).focus();
  await page.keyboard.press("Enter");
  await expect(topLevel.nth(before.length - 2)).toHaveText("E2E Zubehör");
  await expect(topLevel.last()).toHaveText(before.at(-2)!);

  await tree.getByRole("link", { name: "E2E Zubehör" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "E2E Zubehör" })).toBeVisible();
  await expect(page.getByTestId("audit-table")).toContainText("reorder");
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Delete category" }).click();
  await expect(page).toHaveURL(/\/admin\/categories\?deleted=e2e-zubehoer$/);
  await expect(page.getByRole("status")).toHaveText("Category e2e-zubehoer deleted.");
  await expect(tree.getByRole("link", { name: "E2E Zubehör" })).toHaveCount(0);
});

test("a category with products refuses to be deleted and says why", async ({ page }) => {
  await signIn(page, "admin@example.com");
  await page.goto("/admin/categories");
  const tree = page.getByTestId("category-tree");
  // A leaf of the demo tree (it has products).
  await tree.locator("li li a").first().click();
  await expect(page.getByRole("heading", { name: "Details" })).toBeVisible();
  await page.getByRole("button", { name: "Delete category" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "still has" })).toContainText(/still has \d+ products?\. To delete it, first move its products/);
  await expect(page.getByLabel(/Move all \d+ products? to/)).toBeVisible();
});

test("the price lists and a price list page pass the accessibility checks", async ({ page }) => {
  await signIn(page, "admin@example.com");
  await page.goto("/admin/price-lists");
  await expect(page.getByRole("heading", { level: 1, name: "Price lists" })).toBeVisible();
  const search = page.getByRole("searchbox", { name: "Search", exact: true });
  await search.fill("b2b-a");
  await search.press("Enter");
  await expect(page).toHaveURL(/\/admin\/price-lists\?q=b2b-a$/);
  await expect(page.getByTestId("price-lists").getByRole("link")).toHaveText(["B2B-A"]);
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("link", { name: "B2B-A" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Price list B2B-A" })).toBeVisible();
  // The demo list's tiers of the screw per 100 pieces.
  await expect(page.getByTestId("tier-table").getByRole("row").filter({ hasText: "FAS-10001" })).toContainText("from 100 → 9.80 EUR");
  await expectNoSeriousA11yViolations(page);
});
