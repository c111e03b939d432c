import { expect, test, type Page } from "@playwright/test";
import { ANCHORS, PASSWORD, addFromProductPage, expectNoSeriousA11yViolations, signIn, simulatorUrl } from "./helpers";

// The back office's customers and users, against the real server and its demo data. Everything
// disabled here is enabled again (the server and database are shared with the other specs).

async function openMuller(page: Page) {
  await page.goto("/admin/customers");
  const search = page.getByRole("searchbox", { name: "Search", exact: true });
  await search.fill("10001");
  await search.press("Enter");
  await page.getByRole("link", { name: "Müller Maschinenbau GmbH" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Müller Maschinenbau GmbH" })).toBeVisible();
}

const buyerRow = (page: Page) => page.getByRole("row").filter({ has: page.getByRole("link", { name: "buyer@example.com", exact: true }) });

test("an operator disables a buyer: their punchout is refused with 403 until enabled again", async ({ page, request }, testInfo) => {
  const punchout = `/ocihome?${new URLSearchParams({ username: "buyer@example.com", password: PASSWORD, hook_url: `${simulatorUrl(testInfo)}/hook` })}`;
  await signIn(page, "admin@example.com");
  await page.goto("/admin/customers");
  await expect(page.getByRole("heading", { level: 1, name: "Customers" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await openMuller(page);
  await expect(page.getByRole("link", { name: "Customer prices" })).toHaveAttribute("href", /\/admin\/customers\/\d+\/prices$/);
  await expectNoSeriousA11yViolations(page);

  try {
    await buyerRow(page).getByRole("button", { name: "Disable" }).click();
    await expect(buyerRow(page).getByRole("button", { name: "Enable" })).toBeVisible();
    await expect(buyerRow(page).getByRole("cell", { name: "No", exact: true })).toBeVisible();

    const refused = await request.get(punchout, { maxRedirects: 0 });
    expect(refused.status()).toBe(403);
    expect(await refused.text()).toMatch(/disabled/);
  } finally {
    // Enabled again whatever happened above, so the other specs find the demo buyer as it was.
    await openMuller(page);
    const enable = buyerRow(page).getByRole("button", { name: "Enable" });
    if (await enable.isVisible()) {
      await enable.click();
      await expect(buyerRow(page).getByRole("button", { name: "Disable" })).toBeVisible();
    }
  }

  const opened = await request.get(punchout, { maxRedirects: 0 });
  expect([200, 303]).toContain(opened.status());
  if (opened.status() === 303) expect(opened.headers()["location"]).toMatch(/^\/oci\/start\?/);
  // The history on the customer page is the customer's own; the user's lists disable and enable.
  await buyerRow(page).getByRole("link", { name: "buyer@example.com" }).click();
  await expect(page.getByTestId("audit-table")).toContainText("disable");
  await expect(page.getByTestId("audit-table")).toContainText("enable");
});

test("an operator creates a customer with its first buyer, who signs in with the shown password and pays no VAT", async ({ page }) => {
  const u = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  const email = `e2e-${u}@example.com`;
  await signIn(page, "admin@example.com");
  await page.goto("/admin/customers/new");
  await expect(page.getByRole("heading", { level: 1, name: "New customer" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // A business customer without a debtor number is refused next to the field, with what was typed kept.
  await page.getByLabel("Customer name").fill(`E2E Kunde ${u}`);
  await page.getByLabel("Buyer's e-mail address").fill(email);
  await page.getByLabel("Buyer's name").fill("Erika Einkauf");
  await page.getByRole("button", { name: "Create customer" }).click();
  await expect(page.getByText("A business customer needs a debtor number")).toBeVisible();
  await expect(page.getByLabel("Customer name")).toHaveValue(`E2E Kunde ${u}`);

  await page.getByLabel(/^Debtor number/).fill(`E${u}`.slice(0, 20));
  await page.getByLabel("VAT handling").selectOption("reverse_charge");
  await page.getByRole("button", { name: "Create customer" }).click();
  const shown = page.getByTestId("generated-password");
  await expect(shown).toBeVisible();
  const password = (await shown.textContent())!.trim();
  expect(password.length).toBeGreaterThanOrEqual(16);
  expect(page.url()).not.toContain(password);
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("link", { name: "Open the customer" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `E2E Kunde ${u}` })).toBeVisible();
  await expect(page.getByText(password)).toHaveCount(0);
  await expect(page.getByTestId("audit-table")).toContainText("reverse_charge");

  await page.getByRole("button", { name: "Sign out" }).click();
  await signIn(page, email, password);
  await addFromProductPage(page, ANCHORS.umlaut.slug, 1);
  await page.goto("/cart");
  // Reverse charge: the total is the net subtotal, no VAT added.
  await expect(page.getByTestId("cart-subtotal")).toHaveText("€129.00");
  await expect(page.getByTestId("cart-total")).toHaveText("€129.00");
});
