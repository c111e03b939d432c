import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { lineTotal, parseOrderMessage, sumDecimals, type CxmlSetupRecord, type ReceivedCxml } from "../oci-sim/simulator.mjs";
import { validateCxml } from "../support/cxml-validate";
import { ANCHORS, PASSWORD, signIn, simulatorUrl } from "./helpers";
import { addToBasket, resetSimulator } from "./oci-helpers";

// cXML punchout through the procurement-system simulator: the simulator's server sends the
// PunchOutSetupRequest, the browser opens the StartPage (popup, cross-site iframe), the buyer shops
// and returns, and the simulator receives the PunchOutOrderMessage. Expected prices are read from
// the cart page the buyer saw (Müller Maschinenbau has its own prices).

const DEMO_CUSTOMER = "Müller Maschinenbau GmbH";

async function cxmlReturns(request: APIRequestContext, sim: string): Promise<ReceivedCxml[]> {
  const all = (await (await request.get(`${sim}/received`)).json()) as { protocol?: string }[];
  return all.filter((r): r is ReceivedCxml => r.protocol === "cxml");
}

async function lastSetup(request: APIRequestContext, sim: string): Promise<CxmlSetupRecord> {
  const setups = (await (await request.get(`${sim}/cxml/setups`)).json()) as CxmlSetupRecord[];
  expect(setups.length).toBeGreaterThan(0);
  return setups.at(-1)!;
}

function cxmlPage(sim: string, shop: string, params: Record<string, string>) {
  return `${sim}/cxml?${new URLSearchParams({ shop, ...params })}`;
}

/** "€9.80 / 100 pcs" → { price: "9.80", priceUnit: "100" }; "€109.00 / pc" → priceUnit "1". */
function unitPriceOf(text: string): { price: string; priceUnit: string } {
  const m = /^€([\d,]+(?:\.\d+)?) \/ (?:(\d+) )?\S+$/.exec(text.trim());
  if (!m) throw new Error(`unexpected unit price text: ${JSON.stringify(text)}`);
  return { price: m[1]!.replace(/,/g, ""), priceUnit: m[2] ?? "1" };
}

/** A decimal string in one canonical spelling ("9.80" → "9.8", "109.00" → "109"). */
const canonical = (value: string) => sumDecimals([value]);

type CartLine = { sku: string; quantity: string; price: string; priceUnit: string };

/** The lines of the visible cart as the buyer sees them: SKU, quantity, net price per price unit. */
async function cartLines(page: Page): Promise<CartLine[]> {
  const rows = page.getByTestId("cart-line").filter({ visible: true });
  const out: CartLine[] = [];
  for (const row of await rows.all()) {
    const sku = /Art\. (\S+)/.exec((await row.locator("td").nth(0).textContent()) ?? "")![1]!;
    const { price, priceUnit } = unitPriceOf((await row.locator("td").nth(1).textContent()) ?? "");
    const quantity = await row.getByLabel(/quantity/i).inputValue();
    out.push({ sku, quantity, price, priceUnit });
  }
  return out;
}

/** The Müller buyer's cXML punchout is on: banner, and no credentials in the address. */
async function expectCxmlShop(page: Page) {
  await expect(page.getByTestId("oci-banner").filter({ visible: true })).toContainText(`Punchout session — ${DEMO_CUSTOMER}`);
  expect(page.url()).not.toMatch(/demo-cxml-secret|punchout\/cxml\/start/);
}

/** What the simulator received against what the buyer's cart showed. */
function expectOrderMessage(got: ReceivedCxml, cookie: string, field: "cxml-urlencoded" | "cxml-base64", cart: CartLine[]) {
  expect(got.cookie).toBe(cookie);
  expect(got.knownCookie).toBe(true);
  expect(got.field).toBe(field);
  expect(got.fields.map(([name]) => name)).toEqual([field]);
  const xml = got.xml!;
  expect(validateCxml(xml)).toEqual({ ok: true });
  expect(xml).toContain('<!DOCTYPE cXML SYSTEM "http://xml.cxml.org/schemas/cXML/1.2.063/cXML.dtd">');
  const message = parseOrderMessage(xml);
  if (!message.ok) throw new Error(message.problem);
  expect(message.buyerCookie).toBe(cookie);
  expect(message.operationAllowed).toBe("create");
  expect(message.currency).toBe("EUR");
  expect(message.items.map((i) => ({ sku: i.supplierPartId, quantity: i.quantity, price: canonical(i.unitPrice), priceUnit: i.priceBasisQuantity ?? "1", currency: i.currency }))).toEqual(
    cart.map((l) => ({ sku: l.sku, quantity: l.quantity, price: canonical(l.price), priceUnit: l.priceUnit, currency: "EUR" })),
  );
  for (const item of message.items) {
    expect(item.auxiliaryId).toMatch(/^\d+$/);
    expect(item.unitOfMeasure).toBe("C62");
  }
  // Total = exact sum of quantity × price ÷ price unit, from the cart's own numbers.
  const expectedTotal = sumDecimals(cart.map((l) => lineTotal(l.quantity, l.price, l.priceUnit)!));
  expect(canonical(message.total)).toBe(expectedTotal);
  return message;
}

/** As the operator: the order page shows a cXML punchout order whose stored document is `xml` exactly. */
async function expectStoredOrder(browser: Browser, baseURL: string, buyer: Page, xml: string, field: string) {
  await buyer.goto(`${baseURL}/account`);
  const href = await buyer.getByTestId("order-history").filter({ visible: true }).locator("tbody tr").first().getByRole("link").getAttribute("href");
  const id = href!.split("/").at(-1)!;
  const context = await browser.newContext({ baseURL });
  const admin = await context.newPage();
  await signIn(admin, "admin@example.com", PASSWORD);
  await admin.goto(`/admin/orders/${id}`);
  await expect(admin).toHaveURL(new RegExp(`/admin/orders/${id}$`));
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText(/^Order \d+$/);
  await expect(admin.locator("dt", { hasText: /^Channel$/ }).filter({ visible: true }).locator("xpath=following-sibling::dd[1]")).toHaveText("Punchout (cXML)");
  await expect(admin.getByTestId("order-status").filter({ visible: true })).toHaveText("Transferred to procurement");
  await expect(admin.getByTestId("cxml-transfer-field").filter({ visible: true })).toHaveText(field);
  const stored = await admin.getByTestId("cxml-transfer-document").filter({ visible: true }).textContent();
  expect(stored).toBe(xml);
  await context.close();
}

/** An operator switches Müller's return field on the back office's cXML settings page. */
async function setReturnField(browser: Browser, baseURL: string, field: "cxml-urlencoded" | "cxml-base64") {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signIn(page, "admin@example.com", PASSWORD);
  await page.goto("/admin/customers?q=10001");
  await page.getByRole("link", { name: /Müller Maschinenbau/ }).first().click();
  await page.waitForURL(/\/admin\/customers\/\d+$/);
  await page.getByRole("link", { name: "cXML settings" }).click();
  await page.waitForURL(/\/admin\/customers\/\d+\/cxml$/);
  await page.getByLabel(new RegExp(field)).check();
  await page.getByRole("button", { name: "Save" }).click();
  await page.waitForURL(/\/cxml\?saved=(1|unchanged)$/);
  await expect(page.getByLabel(new RegExp(field))).toBeChecked();
  await context.close();
}

test.beforeEach(async ({ request }, testInfo) => {
  await resetSimulator(request, simulatorUrl(testInfo));
});

test("cXML punchout in a popup: the order message carries the cart's lines, prices and total; the order stores it as sent", async ({ page, browser, request, baseURL }, testInfo) => {
  const sim = simulatorUrl(testInfo);
  await page.goto(cxmlPage(sim, baseURL!, { mode: "popup", operation: "create" }));
  const [popup] = await Promise.all([page.waitForEvent("popup"), page.getByRole("button", { name: "Start cXML punchout" }).click()]);
  await popup.waitForURL(`${baseURL}/`);
  await expectCxmlShop(popup);
  const setup = await lastSetup(request, sim);
  expect(setup.outcome).toMatchObject({ ok: true, code: 200 });
  expect(setup.requestXml).toContain(`<BuyerCookie>${setup.buyerCookie}</BuyerCookie>`);
  expect(setup.requestXml).toContain(`<BrowserFormPost><URL>${sim}/cxml/return/${setup.buyerCookie}</URL></BrowserFormPost>`);

  await addToBasket(popup, ANCHORS.perHundred.slug, 300);
  await addToBasket(popup, ANCHORS.umlaut.slug, 3);
  await popup.goto(`${baseURL}/cart`);
  await expect(popup.getByRole("link", { name: "Checkout" })).toHaveCount(0);
  const cart = await cartLines(popup);
  expect(cart.map((l) => [l.sku, l.quantity, l.priceUnit])).toEqual([
    [ANCHORS.perHundred.sku, "300", "100"],
    [ANCHORS.umlaut.sku, "3", "1"],
  ]);
  await popup.getByRole("button", { name: "Return to Procurement System" }).filter({ visible: true }).click();

  await popup.waitForURL(`${sim}/cxml/return/${setup.buyerCookie}`);
  await expect(popup.getByRole("heading", { name: "cXML basket received" })).toBeVisible();
  await expect(popup.getByTestId("item-count")).toHaveText("2");
  const returns = await cxmlReturns(request, sim);
  expect(returns).toHaveLength(1);
  const message = expectOrderMessage(returns[0]!, setup.buyerCookie, "cxml-urlencoded", cart);
  expect(message.items[0]!.priceBasisQuantity).toBe("100");
  expect(message.items[1]!.priceBasisQuantity).toBeNull();
  expect(returns[0]!.xml).toMatch(/<ItemIn quantity="300" lineNumber="1">.*<PriceBasisQuantity quantity="100" conversionFactor="1"><UnitOfMeasure>C62<\/UnitOfMeasure><\/PriceBasisQuantity>/s);
  expect(returns[0]!.xml).toContain('<Classification domain="UNSPSC">');

  await expectStoredOrder(browser, baseURL!, popup, returns[0]!.xml!, "cxml-urlencoded");
});

test("cXML punchout inside a cross-site iframe with the base64 return field: the top window lands on the return URL", async ({ page, browser, request, baseURL }, testInfo) => {
  const sim = simulatorUrl(testInfo);
  expect(new URL(sim).hostname).not.toBe(new URL(baseURL!).hostname);
  const field = "cxml-base64";
  try {
    await setReturnField(browser, baseURL!, field);
    await page.goto(cxmlPage(sim, baseURL!, { mode: "iframe", field }));
    await page.getByRole("button", { name: "Start cXML punchout" }).click();
    const frame = page.frameLocator("#cxmlshop-frame");
    await expect(frame.getByTestId("oci-banner").filter({ visible: true })).toContainText(DEMO_CUSTOMER);
    expect(page.url()).toBe(cxmlPage(sim, baseURL!, { mode: "iframe", field }));
    const setup = await lastSetup(request, sim);
    expect(new URL(setup.outcome.startUrl!).origin).toBe(new URL(baseURL!).origin);

    const shopFrame = page.frame({ name: "cxmlshop-frame" })!;
    await shopFrame.goto(`${baseURL}/products/${ANCHORS.perHundred.slug}`);
    await frame.getByLabel("Quantity").fill("1000");
    await frame.getByRole("button", { name: "Add to cart" }).click();
    await expect(frame.getByText("Added 1000 pcs to your cart.")).toBeVisible();
    await shopFrame.goto(`${baseURL}/products/${ANCHORS.umlaut.slug}`);
    await frame.getByLabel("Quantity").fill("1");
    await frame.getByRole("button", { name: "Add to cart" }).click();
    await expect(frame.getByText(/Added 1 /)).toBeVisible();
    await shopFrame.goto(`${baseURL}/cart`);
    await expect(frame.getByRole("link", { name: "Checkout" })).toHaveCount(0);
    const rows = frame.getByTestId("cart-line").filter({ visible: true });
    await expect(rows).toHaveCount(2);
    const cart: CartLine[] = [];
    for (const row of await rows.all()) {
      const sku = /Art\. (\S+)/.exec((await row.locator("td").nth(0).textContent()) ?? "")![1]!;
      cart.push({ sku, quantity: await row.getByLabel(/quantity/i).inputValue(), ...unitPriceOf((await row.locator("td").nth(1).textContent()) ?? "") });
    }
    await frame.getByRole("button", { name: "Return to Procurement System" }).filter({ visible: true }).click();

    await page.waitForURL(`${sim}/cxml/return/${setup.buyerCookie}`);
    await expect(page.getByRole("heading", { name: "cXML basket received" })).toBeVisible();
    const returns = await cxmlReturns(request, sim);
    expect(returns).toHaveLength(1);
    const message = expectOrderMessage(returns[0]!, setup.buyerCookie, field, cart);
    expect(message.items[0]).toMatchObject({ supplierPartId: ANCHORS.perHundred.sku, quantity: "1000", priceBasisQuantity: "100" });
    const [[name, value]] = returns[0]!.fields as [[string, string]];
    expect(name).toBe("cxml-base64");
    expect(value).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(value, "base64").toString("utf8")).toBe(returns[0]!.xml);

    // The shop stores the field as sent; its admin page shows the decoded document.
    const context = await browser.newContext({ baseURL });
    const buyer = await context.newPage();
    await signIn(buyer, "buyer@example.com", PASSWORD);
    await expectStoredOrder(browser, baseURL!, buyer, returns[0]!.xml!, field);
    await context.close();
  } finally {
    await setReturnField(browser, baseURL!, "cxml-urlencoded");
  }
});

test("a StartPage works once: opened a second time it answers 401 and opens no session", async ({ browser, request, baseURL }, testInfo) => {
  const sim = simulatorUrl(testInfo);
  const res = await request.post(`${sim}/cxml/setup`, { data: { shop: baseURL, operation: "create" } });
  const setup = (await res.json()) as { ok: boolean; startUrl: string; buyerCookie: string };
  expect(setup.ok).toBe(true);
  expect(setup.startUrl).toMatch(new RegExp(`^${baseURL}/punchout/cxml/start\\?t=[A-Za-z0-9_-]{43}$`));

  const first = await browser.newContext({ baseURL });
  const buyer = await first.newPage();
  await buyer.goto(setup.startUrl);
  await buyer.waitForURL(`${baseURL}/`);
  await expectCxmlShop(buyer);

  // The same link again, in another browser (and in the first one): refused, nothing opened.
  const second = await browser.newContext({ baseURL });
  const other = await second.newPage();
  const again = await other.goto(setup.startUrl);
  expect(again?.status()).toBe(401);
  await expect(other.getByRole("heading", { name: "This punchout link is no longer valid" })).toBeVisible();
  const names = (await second.cookies(baseURL)).map((c) => c.name);
  expect(names.filter((n) => /session-token|^shop\.oci/.test(n))).toEqual([]);
  await other.goto(`${baseURL}/cart`);
  await expect(other.getByTestId("oci-banner")).toHaveCount(0);
  await expect(other.getByRole("button", { name: "Return to Procurement System" })).toHaveCount(0);
  expect((await buyer.goto(setup.startUrl))?.status()).toBe(401);
  await Promise.all([first.close(), second.close()]);
});
