import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations, signIn } from "./helpers";

// Müller Maschinenbau's seeded cXML settings (db/seed/demo.ts DEMO_CXML).
const SEEDED = { from: "AN01000010001", to: "AN02000000100", sender: "AN01000010001", secret: "demo-cxml-secret" };
const NEW_SECRET = "e2e-rotated-secret-42";

function setupRequest(secret: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE cXML SYSTEM "http://xml.cxml.org/schemas/cXML/1.2.063/cXML.dtd">
<cXML payloadID="${Date.now()}.${Math.random().toString(36).slice(2)}@e2e.example" timestamp="2025-03-14T01:13:19+01:00">
  <Header>
    <From><Credential domain="NetworkID"><Identity>${SEEDED.from}</Identity></Credential></From>
    <To><Credential domain="NetworkID"><Identity>${SEEDED.to}</Identity></Credential></To>
    <Sender><Credential domain="NetworkID"><Identity>${SEEDED.sender}</Identity><SharedSecret>${secret}</SharedSecret></Credential><UserAgent>e2e</UserAgent></Sender>
  </Header>
  <Request><PunchOutSetupRequest operation="create"><BuyerCookie>e2e-cookie</BuyerCookie><BrowserFormPost><URL>http://127.0.0.1:9/return</URL></BrowserFormPost></PunchOutSetupRequest></Request>
</cXML>`;
}

/** The Status code a setup request with this secret is answered with. */
async function setupStatus(request: APIRequestContext, secret: string): Promise<string | undefined> {
  const res = await request.post("/punchout/cxml/setup", { headers: { "Content-Type": "text/xml; charset=utf-8" }, data: setupRequest(secret) });
  expect(res.status()).toBe(200);
  return /<Status code="(\d+)"/.exec(await res.text())?.[1];
}

async function openMuellerCxml(page: Page) {
  await page.goto("/admin/customers?q=10001");
  await page.getByRole("link", { name: /Müller Maschinenbau/ }).first().click();
  await page.waitForURL(/\/admin\/customers\/\d+$/);
  await page.getByRole("link", { name: "cXML settings" }).click();
  await page.waitForURL(/\/admin\/customers\/\d+\/cxml$/);
  await expect(page.getByRole("heading", { name: /cXML settings of Müller Maschinenbau/ })).toBeVisible();
}

test("an operator edits Müller's cXML settings: validated, kept as typed, the new secret works, audited without it", async ({ page, request }) => {
  await signIn(page, "admin@example.com");
  await openMuellerCxml(page);
  // The seeded settings, the secret only as "set".
  await expect(page.getByLabel("From identity")).toHaveValue(SEEDED.from);
  await expect(page.getByLabel("To identity")).toHaveValue(SEEDED.to);
  await expect(page.getByLabel("Enabled")).toBeChecked();
  await expect(page.getByLabel("Shared secret")).toHaveValue("");
  await expect(page.getByText(/A secret is set\. Leave empty to keep the current secret\./)).toBeVisible();
  await expect(page.getByLabel("Default punchout user").locator("option:checked")).toHaveText(/buyer@example\.com/);
  await expect(page.getByLabel(/cxml-urlencoded/)).toBeChecked();
  await expect(page.getByTestId("cxml-setup-url")).toHaveText(/^http:\/\/localhost:\d+\/punchout\/cxml\/setup$/);
  await expect(page.getByText(SEEDED.secret)).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  // Mistakes are named next to their fields, nothing is saved, what was typed stays.
  await page.getByLabel("To identity").fill("");
  await page.getByLabel("Sender identity").fill("  AN-TYPED  ");
  await page.getByLabel("Shared secret").fill("short");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.locator("p[role=alert]")).toContainText("Please correct the marked fields.");
  await expect(page.getByText("To identity is required")).toBeVisible();
  await expect(page.getByText("Shared secret: at least 12 characters")).toBeVisible();
  await expect(page.getByLabel("Sender identity")).toHaveValue("  AN-TYPED  ");
  expect(await setupStatus(request, SEEDED.secret)).toBe("200");

  try {
    await page.getByLabel("To identity").fill(SEEDED.to);
    await page.getByLabel("Sender identity").fill(SEEDED.sender);
    await page.getByLabel("Shared secret").fill(NEW_SECRET);
    await page.getByLabel(/cxml-base64/).check();
    await page.getByRole("button", { name: "Save" }).click();
    await page.waitForURL(/\/cxml\?saved=1$/);
    await expect(page.getByRole("status").filter({ hasText: "cXML settings saved." })).toBeVisible();
    await expect(page.getByLabel(/cxml-base64/)).toBeChecked();
    await expect(page.getByLabel("Shared secret")).toHaveValue("");
    // The procurement system's next setup request needs the new secret.
    expect(await setupStatus(request, NEW_SECRET)).toBe("200");
    expect(await setupStatus(request, SEEDED.secret)).toBe("401");

    // The customer's history names the secret only as changed.
    await page.goto("/admin/audit?q=10001&entity=customer");
    const audit = page.getByTestId("audit-table");
    await expect(audit).toContainText("cxml settings");
    await expect(audit).toContainText("returnField: cxml-urlencoded → cxml-base64");
    await expect(audit).toContainText("sharedSecret: ∅ → changed");
    await expect(audit).not.toContainText(NEW_SECRET);
  } finally {
    // Back to the seeded settings for the other specs.
    await openMuellerCxml(page);
    await page.getByLabel("Shared secret").fill(SEEDED.secret);
    await page.getByLabel(/cxml-urlencoded/).check();
    await page.getByRole("button", { name: "Save" }).click();
    await page.waitForURL(/\/cxml\?saved=(1|unchanged)$/);
    await expect(page.getByRole("status")).toContainText(/saved|Nothing changed/);
  }
  expect(await setupStatus(request, SEEDED.secret)).toBe("200");
});

test("buyers find no cXML settings pages", async ({ page }) => {
  await signIn(page, "buyer@example.com");
  const res = await page.request.get("/admin/customers/1/cxml");
  expect(res.status()).toBe(404);
  await page.goto("/admin/customers/1/cxml");
  await expect(page.getByLabel("From identity")).toHaveCount(0);
});
