import { expect, test, type APIResponse } from "@playwright/test";
import { parse } from "node-html-parser";
import { ANCHORS, expectNoSeriousA11yViolations, simulatorUrl } from "./helpers";
import { addToBasket, fieldMap, received, resetSimulator } from "./oci-helpers";

// The customer's OCI profile at the punchout entry, and the OCI functions VALIDATE and
// BACKGROUND_SEARCH, against the real server, database and procurement simulator. Van Dijk (10002)
// carries the seeded demo profile: VENDOR V-2002, C62 → PCE, PR → PAA, Fasteners → MATGROUP FAST,
// CUST_FIELD1 = manufacturer, hooks only on http://127.0.0.1: and http://localhost:.

const VAN_DIJK = { username: "10002", password: "demo1234" };
const MUELLER = { username: "10001", password: "demo1234" };
const FASTENER_BRANDS = ["Bolzwerk", "Nordfix", "Hagener Schraubenwerk", "Fixon", "Van Leeuwen Bevestiging"];

function keptCookies(res: APIResponse) {
  return res
    .headersArray()
    .filter((h) => h.name.toLowerCase() === "set-cookie")
    .map((h) => h.value)
    .filter((c) => !/max-age=0/i.test(c) && !/expires=thu, 01 jan 1970/i.test(c))
    .map((c) => c.split("=")[0]);
}

/** A page's one form as a procurement system reads it: items by index, then the echo fields. */
function readForm(html: string) {
  const forms = parse(html).querySelectorAll("form");
  expect(forms).toHaveLength(1);
  const form = forms[0]!;
  const inputs = form.querySelectorAll("input").map((i) => ({ type: i.getAttribute("type"), name: i.getAttribute("name") ?? "", value: i.getAttribute("value") ?? "" }));
  const items = new Map<number, Record<string, string>>();
  for (const { name, value } of inputs) {
    const m = /^NEW_ITEM-([A-Z_0-9]+)\[(\d+)\]$/.exec(name);
    if (!m) continue;
    const n = Number(m[2]);
    items.set(n, { ...(items.get(n) ?? {}), [m[1]!]: value });
  }
  return { action: form.getAttribute("action"), method: form.getAttribute("method"), inputs, items: [...items.entries()].sort(([a], [b]) => a - b).map(([, item]) => item) };
}

test.beforeEach(async ({ request }, testInfo) => {
  await resetSimulator(request, simulatorUrl(testInfo));
});

test("a hook outside the customer's allowed list is refused with 400 naming the rule; nothing is signed in or opened", async ({ playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL });
  const res = await api.get(`/ocihome?${new URLSearchParams({ ...VAN_DIJK, hook_url: "https://evil.example/hook" })}`, { maxRedirects: 0 });
  expect(res.status()).toBe(400);
  const page = parse(await res.text());
  expect(page.querySelector("h1")?.textContent).toBe("This return address is not allowed");
  expect(page.querySelector("li")?.textContent).toContain("http://127.0.0.1:");
  expect(keptCookies(res)).not.toEqual(expect.arrayContaining(["shop.session-token"]));
  expect(keptCookies(res)).not.toEqual(expect.arrayContaining(["shop.oci"]));
  expect(res.headers()["content-security-policy"]).not.toContain("evil.example");
  const viewer = await (await api.get("/api/viewer")).json();
  expect(viewer.account).toBeNull();
  expect(viewer.punchout).toBeNull();
  // A stranger with a wrong password learns nothing about the rule.
  const stranger = await api.get(`/ocihome?${new URLSearchParams({ ...VAN_DIJK, password: "wrong", hook_url: "https://evil.example/hook" })}`, { maxRedirects: 0 });
  expect(stranger.status()).toBe(401);
  expect(await stranger.text()).not.toContain("127.0.0.1");
  await api.dispose();
});

test("Van Dijk's profile reaches its hook: PCE for C62, MATGROUP FAST, VENDOR V-2002, CUST_FIELD1 the manufacturer", async ({ browser, request, baseURL }, testInfo) => {
  const sim = simulatorUrl(testInfo);
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto(`/ocihome?${new URLSearchParams({ ...VAN_DIJK, hook_url: `${sim}/hook?sap-client=900&sim_charset=utf-8`, "~OkCode": "ADDI" })}`);
  await expect(page.getByTestId("oci-banner")).toBeVisible();
  await addToBasket(page, ANCHORS.perHundred.slug, 200);
  await page.goto("/cart");
  await page.getByRole("button", { name: "Return to Procurement System" }).click();
  await page.waitForURL(/\/hook\?sap-client=900/);
  const [basket] = await received(request, sim);
  const fields = fieldMap(basket!.fields);
  expect(fields.get("NEW_ITEM-VENDORMAT[1]")).toBe(ANCHORS.perHundred.sku);
  expect(fields.get("NEW_ITEM-UNIT[1]")).toBe("PCE");
  expect(fields.get("NEW_ITEM-MATGROUP[1]")).toBe("FAST");
  expect(fields.get("NEW_ITEM-VENDOR[1]")).toBe("V-2002");
  const custField = fields.get("NEW_ITEM-CUST_FIELD1[1]") ?? "";
  expect(custField.length).toBeGreaterThan(0);
  expect(FASTENER_BRANDS.some((b) => b.slice(0, 10).trim() === custField)).toBe(true);
  expect(fields.get("~OkCode")).toBe("ADDI");
  await context.close();
});

test("BACKGROUND_SEARCH: one page, all hits as NEW_ITEM-…[n] in one form to the hook, nothing submitted by script", async ({ request }, testInfo) => {
  const sim = simulatorUrl(testInfo);
  const hook = `${sim}/hook?sim_charset=utf-8`;
  const res = await request.get(`/ocihome?${new URLSearchParams({ ...MUELLER, hook_url: hook, FUNCTION: "BACKGROUND_SEARCH", SEARCHSTRING: "Sechskantschraube", "~OkCode": "ADDI" })}`, { maxRedirects: 0 });
  expect(res.status()).toBe(200);
  expect(res.headers()["content-security-policy"]).toContain("script-src 'none'");
  const html = await res.text();
  expect(parse(html).querySelectorAll("script")).toHaveLength(0);
  const form = readForm(html);
  expect(form.action).toBe(hook);
  expect(form.method).toBe("post");
  expect(form.inputs.every((i) => i.type === "hidden")).toBe(true);
  expect(form.items.length).toBeGreaterThan(1);
  expect(form.items.length).toBeLessThanOrEqual(100);
  for (const item of form.items) {
    expect(item.DESCRIPTION).toBeTruthy();
    expect(item.QUANTITY).toMatch(/^\d+$/);
    expect(item.PRICE).toMatch(/^\d{1,11}(\.\d{1,3})?$/);
    expect(item.CURRENCY).toBe("EUR");
    expect(item.EXT_PRODUCT_ID).toMatch(/^\d+$/);
  }
  const anchor = form.items.find((i) => i.VENDORMAT === ANCHORS.perHundred.sku);
  expect(anchor).toMatchObject({ QUANTITY: "100", PRICEUNIT: "100", VENDOR: "4711" });
  expect(form.inputs.at(-1)).toMatchObject({ name: "~OkCode", value: "ADDI" });
  // Nothing reached the hook: the procurement system reads the page itself.
  expect(await received(request, sim)).toHaveLength(0);
});

test("VALIDATE auto-posts exactly one item at the asked quantity to the hook; without script a Continue button does it", async ({ browser, request, baseURL }, testInfo) => {
  const sim = simulatorUrl(testInfo);
  const hook = `${sim}/hook?sim_charset=utf-8`;
  // The product's EXT_PRODUCT_ID, as an earlier transfer sent it.
  const search = await request.get(`/ocihome?${new URLSearchParams({ ...MUELLER, hook_url: hook, FUNCTION: "BACKGROUND_SEARCH", SEARCHSTRING: ANCHORS.umlaut.sku })}`);
  const productId = readForm(await search.text()).items.find((i) => i.VENDORMAT === ANCHORS.umlaut.sku)!.EXT_PRODUCT_ID!;
  const url = `/ocihome?${new URLSearchParams({ ...MUELLER, hook_url: hook, FUNCTION: "VALIDATE", PRODUCTID: productId, QUANTITY: "3", "~OkCode": "ADDI" })}`;

  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForURL(`${sim}/hook**`);
  await expect(page.getByTestId("item-count")).toHaveText("1");
  const [sent] = await received(request, sim);
  const fields = fieldMap(sent!.fields);
  expect(fields.get("NEW_ITEM-EXT_PRODUCT_ID[1]")).toBe(productId);
  expect(fields.get("NEW_ITEM-QUANTITY[1]")).toBe("3");
  expect(fields.get("NEW_ITEM-DESCRIPTION[1]")).toBe(ANCHORS.umlaut.name.slice(0, 40).trim());
  expect([...fields.keys()].some((k) => k.endsWith("[2]"))).toBe(false);
  expect(fields.get("~OkCode")).toBe("ADDI");
  // No web session was opened for it.
  const viewer = await (await context.request.get("/api/viewer")).json();
  expect(viewer.account).toBeNull();
  await context.close();

  await resetSimulator(request, sim);
  const noScript = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const manual = await noScript.newPage();
  await manual.goto(url);
  // axe needs script: check the page this browser shows in one that runs it, without the auto-submit.
  const shown = parse(await manual.content());
  for (const script of shown.querySelectorAll("script")) script.remove();
  for (const noscript of shown.querySelectorAll("noscript")) noscript.replaceWith(noscript.innerHTML);
  const scripted = await browser.newContext();
  const checker = await scripted.newPage();
  await checker.setContent(shown.toString());
  await expect(checker.getByRole("button", { name: "Continue" })).toBeVisible();
  await expectNoSeriousA11yViolations(checker);
  await scripted.close();
  expect(await received(request, sim)).toHaveLength(0);
  await manual.getByRole("button", { name: "Continue" }).click();
  await manual.waitForURL(`${sim}/hook**`);
  expect(fieldMap((await received(request, sim))[0]!.fields).get("NEW_ITEM-QUANTITY[1]")).toBe("3");
  await noScript.close();
});

test("VALIDATE of an unknown product: a clear 404 page, nothing posted", async ({ page, request }, testInfo) => {
  const sim = simulatorUrl(testInfo);
  const res = await page.goto(`/ocihome?${new URLSearchParams({ ...MUELLER, hook_url: `${sim}/hook`, FUNCTION: "VALIDATE", PRODUCTID: "999999999", QUANTITY: "1" })}`);
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This item is no longer available" })).toBeVisible();
  await expect(page.locator("form")).toHaveCount(0);
  expect(await received(request, sim)).toHaveLength(0);
});

test("QUANTITYCHECK answers JSON in OCI number formats", async ({ request }, testInfo) => {
  const sim = simulatorUrl(testInfo);
  const search = await request.get(`/ocihome?${new URLSearchParams({ ...MUELLER, hook_url: `${sim}/hook`, FUNCTION: "BACKGROUND_SEARCH", SEARCHSTRING: ANCHORS.umlaut.sku })}`);
  const productId = readForm(await search.text()).items.find((i) => i.VENDORMAT === ANCHORS.umlaut.sku)!.EXT_PRODUCT_ID!;
  const res = await request.get(`/ocihome?${new URLSearchParams({ ...MUELLER, hook_url: `${sim}/hook`, FUNCTION: "QUANTITYCHECK", EXT_PRODUCT_ID: productId, QUANTITY: "2" })}`);
  expect(res.status()).toBe(200);
  expect(res.headers()["cache-control"]).toBe("no-store");
  const body = await res.json();
  expect(Object.keys(body).sort()).toEqual(["AVAILABLE_QUANTITY", "LEADTIME"]);
  expect(body.AVAILABLE_QUANTITY).toMatch(/^\d{1,11}(\.\d{1,3})?$/);
  expect(body.LEADTIME).toMatch(/^\d{1,5}$/);
  expect(keptCookies(res)).toEqual([]);
});
