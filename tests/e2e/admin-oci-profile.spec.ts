import { expect, test } from "@playwright/test";
import { ANCHORS, expectNoSeriousA11yViolations, signIn, simulatorUrl } from "./helpers";
import { addToBasket, fieldMap, received, resetSimulator } from "./oci-helpers";

test("an operator reads and edits a customer's OCI profile: audited, validated, kept as typed", async ({ page }) => {
  await signIn(page, "admin@example.com");
  await page.goto("/admin/customers?q=10002");
  await page.getByRole("link", { name: /Van Dijk/ }).first().click();
  await page.getByRole("link", { name: "OCI profile" }).click();
  await expect(page.getByRole("heading", { name: /OCI profile of Van Dijk/ })).toBeVisible();
  // The seeded mapped profile.
  await expect(page.getByLabel("Unit codes (ours = theirs)")).toHaveValue("C62 = PCE\nPR = PAA");
  await expect(page.getByLabel("Allowed hook URLs")).toHaveValue("http://127.0.0.1:\nhttp://localhost:");
  await expect(page.getByLabel("VENDOR (our supplier number in their system)")).toHaveValue("V-2002");
  await expectNoSeriousA11yViolations(page);

  const framing = page.getByLabel(/Framing origins/);
  // A mistake is named with its line and nothing is saved; what was typed stays.
  await framing.fill("https://portal.example.com\njavascript:alert(1)");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.locator("p[role=alert]")).toContainText("Please correct the marked fields.");
  await expect(page.getByText(/Line 2: an origin such as/)).toBeVisible();
  await expect(framing).toHaveValue("https://portal.example.com\njavascript:alert(1)");

  try {
    await framing.fill("HTTPS://Portal.Example.com:443");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status").filter({ hasText: "OCI profile saved." })).toBeVisible();
    await expect(page.getByLabel(/Framing origins/)).toHaveValue("https://portal.example.com");
    // The customer's history names the option with its old and new value.
    await page.goto("/admin/audit?q=10002&entity=customer");
    await expect(page.getByTestId("audit-table")).toContainText('frameOrigins: [] → ["https://portal.example.com"]');
  } finally {
    await page.goto("/admin/customers?q=10002");
    await page.getByRole("link", { name: /Van Dijk/ }).first().click();
    await page.getByRole("link", { name: "OCI profile" }).click();
    await page.getByLabel(/Framing origins/).fill("");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status").filter({ hasText: "OCI profile saved." })).toBeVisible();
  }
});

test("buyers find no OCI profile pages", async ({ page }) => {
  await signIn(page, "buyer@example.com");
  const res = await page.request.get("/admin/customers/1/oci");
  expect(res.status()).toBe(404);
});

test("a fixed MATGROUP saved in the back office reaches the customer's hook with its unit mapping on the next transfer", async ({ browser, request, baseURL }, testInfo) => {
  const sim = simulatorUrl(testInfo);
  await resetSimulator(request, sim);
  const admin = await browser.newContext({ baseURL });
  const page = await admin.newPage();
  await signIn(page, "admin@example.com");
  const openProfile = async () => {
    await page.goto("/admin/customers?q=10002");
    await page.getByRole("link", { name: /Van Dijk/ }).first().click();
    await page.getByRole("link", { name: "OCI profile" }).click();
  };
  await openProfile();
  await page.getByLabel("Source").selectOption("fixed");
  await page.getByLabel("Fixed MATGROUP").fill("FIX-9");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "OCI profile saved." })).toBeVisible();
  try {
    const buyer = await browser.newContext({ baseURL });
    const shop = await buyer.newPage();
    await shop.goto(`/ocihome?${new URLSearchParams({ username: "10002", password: "demo1234", hook_url: `${sim}/hook?sim_charset=utf-8`, "~OkCode": "ADDI" })}`);
    await expect(shop.getByTestId("oci-banner")).toBeVisible();
    await addToBasket(shop, ANCHORS.perHundred.slug, 200);
    await shop.goto("/cart");
    await shop.getByRole("button", { name: "Return to Procurement System" }).click();
    await shop.waitForURL(/\/hook/);
    const [basket] = await received(request, sim);
    const fields = fieldMap(basket!.fields);
    expect(fields.get("NEW_ITEM-MATGROUP[1]")).toBe("FIX-9");
    expect(fields.get("NEW_ITEM-UNIT[1]")).toBe("PCE");
    await buyer.close();
  } finally {
    // Back to the seeded mapping (Fasteners and below → FAST) for the other specs.
    await openProfile();
    await page.getByLabel("Source").selectOption("category");
    await page.getByLabel("Fasteners", { exact: true }).fill("FAST");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status").filter({ hasText: "OCI profile saved." })).toBeVisible();
    await admin.close();
  }
});
