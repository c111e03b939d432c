import { createHash } from "node:crypto";
import { parse } from "node-html-parser";
import { describe, expect, it } from "vitest";
import { DEFAULT_PROFILE, type OciProfile } from "@/lib/oci/profile";
import {
  backgroundSearchPage,
  BACKGROUND_SEARCH_LIMIT,
  ociLine,
  quantityCheckAnswer,
  VALIDATE_SCRIPT,
  validatePage,
  wholeQuantity,
  type OciCatalogProduct,
} from "@/lib/oci/outbound-functions";
import { encodeOciBasket } from "@/lib/oci/outbound-fields";

const PRODUCT: OciCatalogProduct = {
  id: 42,
  sku: "NW-100",
  name: "Sechskantschraube M8x40",
  description: "Stahl <b>verzinkt</b>",
  manufacturer: "Würth",
  manufacturerPartNumber: "0057 08 40",
  unit: "C62",
  priceUnit: 100,
  currency: "EUR",
  leadTimeDays: 3,
  unspsc: "31161500",
  categoryId: 7,
  stock: 250,
  minQuantity: 100,
};

const FORM = { hookUrl: "https://srm.example.com/hook?sap-client=100", target: "_top", charset: "utf-8" as const };

describe("ociLine", () => {
  it("carries the product, the price for the quantity and the category path", () => {
    const line = ociLine(PRODUCT, "9.8000", 200, new Map([[7, 3], [3, null]]));
    expect(line).toMatchObject({ productId: 42, sku: "NW-100", unit: "C62", priceUnit: 100, unitPrice: "9.8000", quantity: 200, leadTimeDays: 3, manufacturer: "Würth", categoryPath: [7, 3] });
  });

  it("is encoded with the customer's profile (unit mapping, fixed MATGROUP)", () => {
    const profile: OciProfile = { ...DEFAULT_PROFILE, unitCodes: { C62: "PCE" }, matgroup: { source: "fixed", value: "FAST" } };
    const fields = new Map(encodeOciBasket([ociLine(PRODUCT, "9.8000", 200)], profile, { echoFields: [], charset: "utf-8" }));
    expect(fields.get("NEW_ITEM-UNIT[1]")).toBe("PCE");
    expect(fields.get("NEW_ITEM-MATGROUP[1]")).toBe("FAST");
    expect(fields.get("NEW_ITEM-PRICE[1]")).toBe("9.8");
  });
});

describe("wholeQuantity", () => {
  it("reads OCI decimals that are whole numbers", () => {
    expect(wholeQuantity("5")).toBe(5);
    expect(wholeQuantity("1.000")).toBe(1);
    expect(wholeQuantity("12.50")).toBeNull();
    expect(wholeQuantity("0")).toBeNull();
    expect(wholeQuantity("1e3")).toBeNull();
    expect(wholeQuantity("99999999999")).toBeNull();
  });
});

describe("validatePage", () => {
  const fields: [string, string][] = [["NEW_ITEM-DESCRIPTION[1]", 'Bolt "M8" <x>'], ["NEW_ITEM-QUANTITY[1]", "5"], ["~OkCode", "ADDI"]];

  it("holds only hidden fields in one form to the hook, submitted by the one hashed script, a Continue button without script", () => {
    const page = validatePage({ ...FORM, fields });
    const root = parse(page.html);
    const forms = root.querySelectorAll("form");
    expect(forms).toHaveLength(1);
    const form = forms[0]!;
    expect(form.getAttribute("action")).toBe(FORM.hookUrl);
    expect(form.getAttribute("method")).toBe("post");
    expect(form.getAttribute("target")).toBe("_top");
    expect(form.getAttribute("accept-charset")).toBe("utf-8");
    const inputs = form.querySelectorAll("input");
    expect(inputs.map((i) => i.getAttribute("type"))).toEqual(["hidden", "hidden", "hidden"]);
    expect(inputs.map((i) => [i.getAttribute("name"), i.getAttribute("value")])).toEqual(fields);
    // The submit button has no name: it adds no field.
    const noscript = root.querySelector("noscript");
    expect(noscript?.innerHTML).toContain("Continue");
    const scripts = root.querySelectorAll("script");
    expect(scripts).toHaveLength(1);
    expect(scripts[0]!.textContent).toBe(VALIDATE_SCRIPT);
    expect(page.scriptHash).toBe(`sha256-${createHash("sha256").update(VALIDATE_SCRIPT).digest("base64")}`);
  });

  it("SAPEVENT: no script (SAP GUI only follows a real button), a visible Continue button", () => {
    const page = validatePage({ ...FORM, hookUrl: "SAPEVENT:POST", fields });
    const root = parse(page.html);
    expect(root.querySelectorAll("script")).toHaveLength(0);
    expect(page.scriptHash).toBeNull();
    expect(root.querySelector("form button[type=submit]")?.textContent).toContain("Continue");
    expect(root.querySelector("form")?.getAttribute("action")).toBe("SAPEVENT:POST");
  });

  it("declares the charset it is served in", () => {
    const page = validatePage({ ...FORM, charset: "iso-8859-1", fields });
    expect(page.html).toContain('<meta charset="iso-8859-1">');
    expect(parse(page.html).querySelector("form")?.getAttribute("accept-charset")).toBe("iso-8859-1");
  });
});

describe("backgroundSearchPage", () => {
  it("one form with all items, no script, the number of hits named", () => {
    const lines = [ociLine(PRODUCT, "9.8000", 100), ociLine({ ...PRODUCT, id: 43, sku: "NW-101" }, "12.5000", 100)];
    const fields = encodeOciBasket(lines, DEFAULT_PROFILE, { echoFields: [["~OkCode", "ADDI"]], charset: "utf-8" });
    const html = backgroundSearchPage({ ...FORM, fields }, { searchString: "schraube <b>", hits: 2, capped: false });
    const root = parse(html);
    expect(root.querySelectorAll("script")).toHaveLength(0);
    expect(root.querySelectorAll("form")).toHaveLength(1);
    const inputs = root.querySelectorAll("form input[type=hidden]");
    expect(inputs.map((i) => [i.getAttribute("name"), i.getAttribute("value")])).toEqual(fields);
    expect(root.querySelector("h1")?.textContent).toContain("2");
    expect(html).not.toContain("<b>");
    expect(BACKGROUND_SEARCH_LIMIT).toBe(100);
  });

  it("says so when there are no hits, and when the hits were capped", () => {
    expect(parse(backgroundSearchPage({ ...FORM, fields: [] }, { searchString: "x", hits: 0, capped: false })).querySelector("h1")?.textContent).toMatch(/no/i);
    expect(backgroundSearchPage({ ...FORM, fields: [] }, { searchString: "x", hits: 100, capped: true })).toMatch(/first 100/);
  });
});

describe("quantityCheckAnswer", () => {
  it("answers the requested quantity when in stock, with the lead time, digits only", () => {
    expect(quantityCheckAnswer({ stock: 250, leadTimeDays: 3 }, "5")).toEqual({ AVAILABLE_QUANTITY: "5", LEADTIME: "3" });
    expect(quantityCheckAnswer({ stock: 250, leadTimeDays: 3 }, "1.000")).toEqual({ AVAILABLE_QUANTITY: "1", LEADTIME: "3" });
  });

  it("answers the stock when less is there, never below 0, never with separators", () => {
    expect(quantityCheckAnswer({ stock: 1234567, leadTimeDays: 10 }, "2000000")).toEqual({ AVAILABLE_QUANTITY: "1234567", LEADTIME: "10" });
    expect(quantityCheckAnswer({ stock: -4, leadTimeDays: 0 }, "5")).toEqual({ AVAILABLE_QUANTITY: "0", LEADTIME: "0" });
  });

  it("keeps a fractional request in format (a)", () => {
    expect(quantityCheckAnswer({ stock: 250, leadTimeDays: 3 }, "2.5")).toEqual({ AVAILABLE_QUANTITY: "2.5", LEADTIME: "3" });
  });
});
