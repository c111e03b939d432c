import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { ANCHORS, expectNoSeriousA11yViolations, signIn } from "./helpers";

const HEADER = "sku;name;description;manufacturer;manufacturer_part_number;unit;price_unit;list_price;currency;vat_rate;lead_time_days;unspsc;category_slug;stock;min_quantity;pack_quantity;active;featured";

/** A word no demo product has, so the shop's search finds exactly what a test imported. */
function uniqueWord() {
  return `zq${Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("")}`;
}

function productsCsv(word: string, rows: { sku: string; name: string; price: string; category?: string }[]) {
  return [HEADER, ...rows.map((r) => `${r.sku};${r.name};Imported for ${word};ACME;;C62;1;${r.price};EUR;19;2;;${r.category ?? "screws-and-bolts"};50;1;1;true;false`)].join("\r\n");
}

async function upload(page: Page, name: string, csv: string) {
  await page.getByLabel("Products CSV file").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await page.getByRole("button", { name: "Import products" }).click();
}

test("the admin imports a products CSV on the page and the shop's search finds the new products", async ({ page }) => {
  await signIn(page, "admin@example.com");
  await page.goto("/admin/import");
  await expect(page.getByRole("heading", { level: 1, name: "Import/Export" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const word = uniqueWord();
  const rows = [0, 1, 2].map((i) => ({ sku: `E2E-${word}-${i}`.toUpperCase(), name: `Winkel ${word} ${i}`, price: `1${i},50` }));
  await upload(page, "three.csv", productsCsv(word, rows));
  await expect(page.getByRole("status").filter({ hasText: "Imported three.csv: 3 new products, 0 updated" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.goto(`/search?q=${word}`);
  await expect(page.getByRole("heading", { name: /Search results/ })).toBeVisible();
  for (const r of rows) await expect(page.getByRole("link", { name: r.name })).toBeVisible();
});

test("a file with an error names its line and imports nothing", async ({ page }) => {
  await signIn(page, "admin@example.com");
  await page.goto("/admin/import");
  const word = uniqueWord();
  const csv = productsCsv(word, [
    { sku: `E2E-${word}-OK`.toUpperCase(), name: `Flansch ${word} gut`, price: "5.00" },
    { sku: `E2E-${word}-BAD`.toUpperCase(), name: `Flansch ${word} schlecht`, price: "5.00", category: "no-such-category" },
  ]);
  await upload(page, "broken.csv", csv);
  await expect(page.getByRole("alert").filter({ hasText: "The file was not imported: 1 error" })).toBeVisible();
  const problem = page.getByRole("table", { name: /Problems found/ }).getByRole("row").filter({ hasText: "no-such-category" });
  await expect(problem.getByRole("cell").first()).toHaveText("3");
  await expectNoSeriousA11yViolations(page);

  await page.goto(`/search?q=${word}`);
  await expect(page.getByRole("heading", { name: /Search results/ })).toBeVisible();
  await expect(page.getByRole("link", { name: `Flansch ${word} gut` })).toHaveCount(0);
});

test("the products export downloads a CSV with the import's columns", async ({ page }) => {
  await signIn(page, "admin@example.com");
  await page.goto("/admin/import");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Products (CSV)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^products-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = await readFile((await download.path())!, "utf8");
  expect(text.startsWith(`\ufeff${HEADER}\r\n`)).toBe(true);
  expect(text).toContain(`${ANCHORS.perHundred.sku};${ANCHORS.perHundred.name};`);
});

test("without JavaScript the import form still posts the file and shows the result", async ({ page, browser, baseURL }) => {
  // Signed in with script (the header's account menu needs it), then the same session without.
  await signIn(page, "admin@example.com");
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false, storageState: await page.context().storageState() });
  const plain = await context.newPage();
  await plain.goto("/admin/import");
  const word = uniqueWord();
  await upload(plain, "nojs.csv", productsCsv(word, [{ sku: `E2E-${word}-NOJS`.toUpperCase(), name: `Muffe ${word}`, price: "2.10" }]));
  await expect(plain.getByRole("status").filter({ hasText: "Imported nojs.csv: 1 new product, 0 updated" })).toBeVisible();
  await context.close();
});

test("the upload route answers strangers 404 and refuses cross-site posts", async ({ page, playwright, baseURL }) => {
  const csv = productsCsv("zqstranger", [{ sku: "E2E-ZQSTRANGER", name: "Stranger zqstranger", price: "1.00" }]);
  const anonymous = await playwright.request.newContext({ baseURL });
  const refused = await anonymous.post("/admin/import/upload/products", { headers: { "Content-Type": "text/csv", Origin: baseURL! }, data: csv });
  expect(refused.status()).toBe(404);
  expect(refused.headers()["cache-control"]).toBe("private, no-store");
  await anonymous.dispose();

  await signIn(page, "admin@example.com");
  const crossSite = await page.request.post("/admin/import/upload/products", { headers: { "Content-Type": "text/csv", Origin: "https://attacker.example" }, data: csv });
  expect(crossSite.status()).toBe(403);
  const sameSite = await page.request.post("/admin/import/upload/products", { headers: { "Content-Type": "text/csv", Origin: baseURL! }, data: csv });
  expect(sameSite.status()).toBe(200);
  expect(await sameSite.json()).toMatchObject({ ok: true, inserted: 1, updated: 0 });
});
