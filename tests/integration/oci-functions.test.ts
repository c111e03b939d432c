import { eq } from "drizzle-orm";
import { parse } from "node-html-parser";
import { describe, expect, it } from "vitest";
import { ociSessions, products } from "@/db/schema";
import { saveOciProfile } from "@/lib/admin/oci-profiles";
import { answerOciFunction, type FunctionAnswer, type FunctionCall } from "@/lib/oci/function-answers";
import { DEFAULT_PROFILE, type OciProfile } from "@/lib/oci/profile";
import { ociProfileOf } from "@/lib/oci/profile-store";
import { makeWorld } from "../support/fixtures";

const HOOK = "https://srm.example.com/sap/bc/hook?sap-client=100";
const ECHO: [string, string][] = [["~OkCode", "ADDI"], ["~CALLER", "CTLG"]];
const base = { hookUrl: HOOK, target: "_top", echoFields: ECHO, charset: "utf-8" as const };

function html(answer: FunctionAnswer) {
  if (answer.kind !== "html") throw new Error("expected a page");
  return answer.html;
}

/** The items of the page's form as a procurement system reads them: name → value, in order. */
function formFields(page: string): [string, string][] {
  const forms = parse(page).querySelectorAll("form");
  expect(forms).toHaveLength(1);
  return forms[0]!.querySelectorAll("input").map((i) => {
    expect(i.getAttribute("type")).toBe("hidden");
    return [i.getAttribute("name")!, i.getAttribute("value") ?? ""];
  });
}

async function validate(w: Awaited<ReturnType<typeof makeWorld>>, productId: number | string, quantity: string, profile?: OciProfile) {
  const call: FunctionCall = { ...base, fn: { name: "VALIDATE", productId: String(productId), quantity } };
  return answerOciFunction(w.b2b.id, call, profile ?? (await ociProfileOf(w.b2b.id)).profile);
}

describe("VALIDATE", () => {
  it("answers the customer's tier price for the quantity asked, as a transfer of that one item", async () => {
    const w = await makeWorld();
    const bolt = w.products[0]!; // list 12.50 per 100, min 100
    const wrench = w.products[1]!; // list 129.00
    await w.customerPrice(bolt.id, 100, "11.0000");
    await w.customerPrice(bolt.id, 500, "9.5000");
    await w.listPrice(wrench.id, 10, "119.0000");

    const at = async (id: number, q: string) => new Map(formFields(html(await validate(w, id, q))));
    expect((await at(bolt.id, "100")).get("NEW_ITEM-PRICE[1]")).toBe("11");
    expect((await at(bolt.id, "499")).get("NEW_ITEM-PRICE[1]")).toBe("11");
    const big = await at(bolt.id, "500");
    expect(big.get("NEW_ITEM-PRICE[1]")).toBe("9.5");
    expect(big.get("NEW_ITEM-PRICEUNIT[1]")).toBe("100");
    expect(big.get("NEW_ITEM-QUANTITY[1]")).toBe("500");
    expect(big.get("NEW_ITEM-EXT_PRODUCT_ID[1]")).toBe(String(bolt.id));
    expect(big.get("NEW_ITEM-VENDOR[1]")).toBe("4711");
    expect((await at(wrench.id, "1")).get("NEW_ITEM-PRICE[1]")).toBe("129");
    expect((await at(wrench.id, "10.000")).get("NEW_ITEM-PRICE[1]")).toBe("119");
  });

  it("one item, the echo fields last, posted to the hook by the hashed script", async () => {
    const w = await makeWorld();
    const answer = await validate(w, w.products[1]!.id, "2");
    if (answer.kind !== "html") throw new Error("page expected");
    expect(answer.status).toBe(200);
    expect(answer.scriptHash).toMatch(/^sha256-/);
    const fields = formFields(answer.html);
    expect(fields.filter(([n]) => /\[2\]$/.test(n))).toHaveLength(0);
    expect(fields.slice(-2)).toEqual(ECHO);
    const form = parse(answer.html).querySelector("form")!;
    expect(form.getAttribute("action")).toBe(HOOK);
  });

  it("encodes with the customer's profile: unit mapping and fixed MATGROUP", async () => {
    const w = await makeWorld();
    const profile: OciProfile = { ...DEFAULT_PROFILE, vendorNumber: "V-9", unitCodes: { C62: "PCE" }, matgroup: { source: "fixed", value: "FAST" } };
    expect((await saveOciProfile(w.adminViewer, w.b2b.id, 0, profile)).ok).toBe(true);
    const fields = new Map(formFields(html(await validate(w, w.products[1]!.id, "1"))));
    expect(fields.get("NEW_ITEM-UNIT[1]")).toBe("PCE");
    expect(fields.get("NEW_ITEM-MATGROUP[1]")).toBe("FAST");
    expect(fields.get("NEW_ITEM-VENDOR[1]")).toBe("V-9");
  });

  it("an unknown or inactive product gets a clear 404 page and no form", async () => {
    const w = await makeWorld();
    await w.db.update(products).set({ active: false }).where(eq(products.id, w.products[2]!.id));
    for (const id of [w.products[2]!.id, 999_999_999, "ABC-1"]) {
      const answer = await validate(w, id, "1");
      expect(answer.status).toBe(404);
      const page = html(answer);
      expect(parse(page).querySelectorAll("form")).toHaveLength(0);
      expect(parse(page).querySelector("h1")?.textContent).toBe("This item is no longer available");
    }
  });

  it("a quantity that is not a whole number is refused, nothing posted", async () => {
    const w = await makeWorld();
    const answer = await validate(w, w.products[1]!.id, "2.5");
    expect(answer.status).toBe(400);
    expect(parse(html(answer)).querySelectorAll("form")).toHaveLength(0);
  });

  it("writes nothing (no punchout session, no cart)", async () => {
    const w = await makeWorld();
    await validate(w, w.products[1]!.id, "3");
    expect(await w.db.select().from(ociSessions).where(eq(ociSessions.userId, w.buyer.id))).toHaveLength(0);
  });
});

describe("QUANTITYCHECK", () => {
  const check = (w: Awaited<ReturnType<typeof makeWorld>>, productId: string, quantity?: string) =>
    answerOciFunction(w.b2b.id, { ...base, fn: { name: "QUANTITYCHECK", productId, ...(quantity ? { quantity } : {}) } }, DEFAULT_PROFILE);

  it("answers AVAILABLE_QUANTITY and LEADTIME as plain digits", async () => {
    const w = await makeWorld({ products: [{ name: "Stock item", stock: 1_234_567, leadTimeDays: 12 }] });
    const id = String(w.products[0]!.id);
    expect(await check(w, id, "5")).toEqual({ kind: "json", status: 200, data: { AVAILABLE_QUANTITY: "5", LEADTIME: "12" } });
    expect(await check(w, id)).toEqual({ kind: "json", status: 200, data: { AVAILABLE_QUANTITY: "1", LEADTIME: "12" } });
    expect(await check(w, id, "1.000")).toMatchObject({ data: { AVAILABLE_QUANTITY: "1" } });
    expect(await check(w, id, "2000000")).toMatchObject({ data: { AVAILABLE_QUANTITY: "1234567" } });
    for (const answer of [await check(w, id, "5"), await check(w, id, "2000000")]) {
      if (answer.kind !== "json") throw new Error("json expected");
      for (const value of Object.values(answer.data)) expect(value).toMatch(/^\d{1,11}(\.\d{1,3})?$/);
    }
  });

  it("an unknown or inactive product is a JSON error with 404", async () => {
    const w = await makeWorld();
    await w.db.update(products).set({ active: false }).where(eq(products.id, w.products[0]!.id));
    for (const id of [String(w.products[0]!.id), "999999999", "x"]) {
      const answer = await check(w, id, "1");
      expect(answer).toMatchObject({ kind: "json", status: 404 });
      if (answer.kind === "json") expect(answer.data.ERROR).toMatch(/unknown product/i);
    }
  });
});

describe("BACKGROUND_SEARCH", () => {
  it("one page with every hit as NEW_ITEM-…[n] at its minimum order quantity and the customer's price, no script", async () => {
    const word = `Quxbolzen${Math.random().toString(36).slice(2, 7)}`;
    const w = await makeWorld({
      products: [
        { name: `${word} M6`, unit: "C62", listPrice: "2.0000", minQuantity: 10, packQuantity: 10 },
        { name: `${word} M8`, unit: "C62", listPrice: "3.0000" },
        { name: "Something else", unit: "C62", listPrice: "1.0000" },
      ],
    });
    await w.customerPrice(w.products[0]!.id, 10, "1.5000");
    const answer = await answerOciFunction(w.b2b.id, { ...base, fn: { name: "BACKGROUND_SEARCH", searchString: word } }, DEFAULT_PROFILE);
    expect(answer.status).toBe(200);
    const page = html(answer);
    expect(parse(page).querySelectorAll("script")).toHaveLength(0);
    const fields = new Map(formFields(page));
    const items = [1, 2].map((n) => ({ id: fields.get(`NEW_ITEM-EXT_PRODUCT_ID[${n}]`), price: fields.get(`NEW_ITEM-PRICE[${n}]`), quantity: fields.get(`NEW_ITEM-QUANTITY[${n}]`) }));
    expect(fields.has("NEW_ITEM-DESCRIPTION[3]")).toBe(false);
    expect(items).toEqual(
      expect.arrayContaining([
        { id: String(w.products[0]!.id), price: "1.5", quantity: "10" },
        { id: String(w.products[1]!.id), price: "3", quantity: "1" },
      ]),
    );
    expect(fields.get("~OkCode")).toBe("ADDI");
  });

  it("no hits: a page saying so, with only the echo fields", async () => {
    const w = await makeWorld();
    const answer = await answerOciFunction(w.b2b.id, { ...base, fn: { name: "BACKGROUND_SEARCH", searchString: "zzqqxxnothing" } }, DEFAULT_PROFILE);
    expect(parse(html(answer)).querySelector("h1")?.textContent).toMatch(/No items found/);
    expect(formFields(html(answer))).toEqual(ECHO);
  });
});
