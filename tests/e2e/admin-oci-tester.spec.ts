import { expect, test, type FrameLocator, type Page } from "@playwright/test";
import { ANCHORS, expectNoSeriousA11yViolations, signIn } from "./helpers";

// The operator's punchout tester: a real punchout through /ocihome with a single-use test
// credential, the basket coming back to the shop's own hook and shown field by field with the OCI
// checks. The punchout runs under the shop's second local host name (127.0.0.1 beside localhost):
// with cookies of its own, so the operator stays signed in, and in iframe mode as a cross-site frame.

/** The same shop under the other host name the tester sends the call to. */
const punchoutOrigin = (baseURL: string) => baseURL.replace("//localhost:", "//127.0.0.1:");

async function openTester(page: Page) {
  await signIn(page, "admin@example.com");
  await page.goto("/admin/oci-tester");
  await expect(page.getByRole("heading", { level: 1, name: "Punchout tester" })).toBeVisible();
  const select = page.getByLabel("Customer and user");
  const value = await select.locator("option", { hasText: /Müller Maschinenbau.*buyer@example\.com/ }).getAttribute("value");
  await select.selectOption(value!);
}

/** Adds the umlaut product (and one priced per 100) in the punchout, then returns the basket. */
async function shopAndReturn(shop: Page | FrameLocator, go: (path: string) => Promise<unknown>) {
  await expect(shop.getByTestId("oci-banner")).toContainText("Müller Maschinenbau");
  await go(`/products/${ANCHORS.umlaut.slug}`);
  await shop.getByLabel("Quantity").fill("2");
  await shop.getByRole("button", { name: "Add to cart" }).click();
  await expect(shop.getByText(/Added 2/)).toBeVisible();
  await go(`/products/${ANCHORS.perHundred.slug}`);
  await shop.getByLabel("Quantity").fill("200");
  await shop.getByRole("button", { name: "Add to cart" }).click();
  await expect(shop.getByText(/Added 200/)).toBeVisible();
  await go("/cart");
  await shop.getByRole("button", { name: "Return to Procurement System" }).click();
}

/** The run page: every received field in order, each ok; the line totals add up to the basket total. */
async function expectAllChecksOk(page: Page, charset: string) {
  await page.waitForURL(/\/admin\/oci-tester\/runs\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 2, name: "Basket as received" })).toBeVisible();
  await expect(page.getByTestId("received-verdict")).toHaveText("all fields ok");
  await expect(page.getByTestId("received-charset")).toHaveText(charset);
  const rows = page.getByTestId("received-fields").locator("tbody tr");
  const fields = await rows.evaluateAll((trs) => trs.map((tr) => [tr.children[1]!.textContent, tr.children[2]!.textContent, tr.children[3]!.textContent]));
  expect(fields.length).toBeGreaterThan(10);
  expect(fields.filter(([, , check]) => check !== "ok")).toEqual([]);
  const byName = new Map(fields.map(([name, value]) => [name, value]));
  expect(byName.get("NEW_ITEM-DESCRIPTION[1]")).toBe(ANCHORS.umlaut.name);
  expect(byName.get("NEW_ITEM-QUANTITY[2]")).toBe("200");
  expect(byName.get("NEW_ITEM-PRICEUNIT[2]")).toBe("100");
  expect(byName.get("~OkCode")).toBe("ADDI");
  expect(byName.get("~CALLER")).toBe("CTLG");
  // Each line PRICE × QUANTITY / PRICEUNIT, and their sum as the basket total.
  const lineTotals = await page.getByTestId("received-line-total").allTextContents();
  expect(lineTotals).toHaveLength(2);
  const cents = lineTotals.reduce((sum, t) => sum + Math.round(Number(t) * 100), 0);
  expect(cents).toBeGreaterThan(0);
  await expect(page.getByTestId("received-basket-total")).toHaveText(`${(cents / 100).toFixed(2)} EUR`);
  await expect(page.getByTestId("received-raw-body")).toContainText("NEW_ITEM-DESCRIPTION%5B1%5D=");
}

test("top window: the operator's punchout comes back to the tester with every field checked ok", async ({ page, baseURL }) => {
  const shop = punchoutOrigin(baseURL!);
  await openTester(page);
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("radio", { name: "Same window" }).check();
  await page.getByRole("button", { name: "Start punchout" }).click();
  // A real call: /ocihome on the shop's second host name, then the shop itself.
  await page.waitForURL(`${shop}/`);
  expect(page.url()).not.toContain("ocitest_");
  await shopAndReturn(page, (path) => page.goto(`${shop}${path}`));
  await expectAllChecksOk(page, "utf-8");
  await expect(page.getByTestId("received-raw-body")).toContainText("Drehmomentschl%C3%BCssel");
  await expectNoSeriousA11yViolations(page);
  // The operator is still signed in, and the run is listed.
  const runUrl = page.url();
  await page.goto("/admin/oci-tester");
  const row = page.getByTestId("oci-test-runs").locator("tbody tr").first();
  await expect(row).toContainText("buyer@example.com");
  await expect(row).toContainText("received");
  await row.getByRole("link").click();
  await expect(page).toHaveURL(runUrl);
});

test("iframe: a cross-site punchout on the tester page (GET, upper case, ISO-8859-1) lands its basket on the run page", async ({ page, baseURL }) => {
  const shop = punchoutOrigin(baseURL!);
  await openTester(page);
  await page.getByRole("radio", { name: "GET", exact: true }).check();
  await page.getByRole("radio", { name: /upper case/ }).check();
  await page.getByLabel("Charset").selectOption("iso-8859-1");
  await page.getByRole("radio", { name: "Iframe on this page" }).check();
  await page.getByRole("button", { name: "Start punchout" }).click();
  const frame = page.frameLocator('iframe[name="oci-tester-frame"]');
  await expect(frame.getByTestId("oci-banner")).toBeVisible();
  const shopFrame = page.frame({ name: "oci-tester-frame" })!;
  expect(new URL(shopFrame.url()).origin).toBe(shop);
  // GET carried the credential only until the entry's redirect.
  expect(shopFrame.url()).not.toContain("ocitest_");
  expect(page.url()).toBe(`${baseURL}/admin/oci-tester`);
  // Before the basket comes back, the run waits for it.
  const runHref = await page.getByRole("link", { name: "Result of this run" }).getAttribute("href");
  const waiting = await page.context().newPage();
  await waiting.goto(runHref!);
  await expect(waiting.getByRole("heading", { name: "Waiting for the basket…" })).toBeVisible();
  await expectNoSeriousA11yViolations(waiting);
  await shopAndReturn(frame, (path) => shopFrame.goto(`${shop}${path}`));
  // ~TARGET=_top: the top window (the tester) follows the return form to the hook and on to the run.
  await expectAllChecksOk(page, "iso-8859-1");
  expect(page.url()).toBe(`${baseURL}${runHref}`);
  await expect(page.getByTestId("received-raw-body")).toContainText("Drehmomentschl%FCssel");
  await waiting.reload();
  await expect(waiting.getByTestId("received-verdict")).toHaveText("all fields ok");
});

test("popup: the punchout opens in its own window and the basket lands on the run page there", async ({ page, baseURL }) => {
  const shop = punchoutOrigin(baseURL!);
  await openTester(page);
  await page.getByRole("radio", { name: "Popup" }).check();
  const [popup] = await Promise.all([page.waitForEvent("popup"), page.getByRole("button", { name: "Start punchout" }).click()]);
  await popup.waitForURL(`${shop}/`);
  await shopAndReturn(popup, (path) => popup.goto(`${shop}${path}`));
  await expectAllChecksOk(popup, "utf-8");
  // The tester stays where it was.
  expect(page.url()).toBe(`${baseURL}/admin/oci-tester`);
});

test("the hook takes one delivery: a replay of the run's hook is refused", async ({ page, request, baseURL }) => {
  await openTester(page);
  await page.getByRole("radio", { name: "Iframe on this page" }).check();
  await page.getByRole("button", { name: "Start punchout" }).click();
  const hook = await page.getByTestId("oci-tester-call").locator('input[name="hook_url"]').getAttribute("value");
  expect(hook).toMatch(new RegExp(`^${baseURL}/oci-tester/hook/[0-9a-f-]{36}\\?key=`));
  const post = () => request.post(hook!, { form: { "NEW_ITEM-DESCRIPTION[1]": "x" }, maxRedirects: 0 });
  const wrong = await request.post(hook!.replace(/key=[^&]+/, "key=wrong"), { form: { a: "b" }, maxRedirects: 0 });
  expect(wrong.status()).toBe(404);
  const first = await post();
  expect(first.status()).toBe(303);
  expect(first.headers()["location"]).toMatch(/^\/admin\/oci-tester\/runs\//);
  expect((await post()).status()).toBe(409);
});
