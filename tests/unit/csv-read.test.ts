import { describe, expect, it } from "vitest";
import { csvRecords, detectDelimiter, headerIndex } from "@/lib/admin/csv/read";

async function records(text: string | (Uint8Array | string)[], maxBytes = 1 << 20) {
  const out: { line: number; values: string[] }[] = [];
  for await (const r of csvRecords(typeof text === "string" ? [text] : text, maxBytes)) out.push(r);
  return out;
}

describe("reading CSV files", () => {
  it("numbers each record by the line it starts on, across quoted line breaks and blank lines", async () => {
    const rows = await records('a;b\n1;"two\nlines"\n\n3;"x ""q"""\r\n'.replace("\r\n", "\n"));
    expect(rows).toEqual([
      { line: 1, values: ["a", "b"] },
      { line: 2, values: ["1", "two\nlines"] },
      { line: 5, values: ["3", 'x "q"'] },
    ]);
  });

  it("takes the delimiter from the header line", () => {
    expect(detectDelimiter("sku;name;price")).toBe(";");
    expect(detectDelimiter("sku,name,price")).toBe(",");
    expect(detectDelimiter("sku")).toBe(";");
  });

  it("drops a BOM, also one split across chunks", async () => {
    const bytes = new TextEncoder().encode("\ufeffsku,name\nA-1,Ä");
    expect(await records([bytes.slice(0, 2), bytes.slice(2)])).toEqual([
      { line: 1, values: ["sku", "name"] },
      { line: 2, values: ["A-1", "Ä"] },
    ]);
  });

  it("refuses an unclosed quote with its line, and a file over the size limit", async () => {
    await expect(records('a;b\n1;2\n3;"open\n')).rejects.toMatchObject({ line: 3, message: expect.stringMatching(/never closed/) });
    await expect(records(["a;b\n", "x".repeat(100)], 50)).rejects.toMatchObject({ code: "too_large" });
  });

  it("checks the header's names whatever their order and case", () => {
    expect(headerIndex([" SKU ", "price"], ["price", "sku"])).toEqual({ index: new Map([["sku", 0], ["price", 1]]) });
    expect(headerIndex(["sku", "sku", "colour"], ["sku", "price"])).toEqual({ message: expect.stringMatching(/unknown column “colour”; missing column price; column sku named twice/) });
  });
});
