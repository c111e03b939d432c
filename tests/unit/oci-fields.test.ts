import { describe, it, expect } from "vitest";
import { OCI_FIELD_LIMITS, OciEncodeError, encodeOciBasket, type OciBasketLine } from "@/lib/oci/outbound-fields";
import { DEFAULT_PROFILE } from "@/lib/oci/profile";
import { cutText, normalizeCharset, toLatin1 } from "@/lib/oci/text-rules";

const ECHO: [string, string][] = [
  ["~OkCode", "ADDI"],
  ["~TARGET", "_top"],
  ["~CALLER", "CTLG"],
];

function line(overrides: Partial<OciBasketLine> = {}): OciBasketLine {
  return {
    productId: 4711,
    sku: "SKU-4711",
    name: "Hex bolt M8x40",
    description: "Hex bolt DIN 933, zinc plated",
    manufacturerPartNumber: "MPN-933-M8-40",
    unit: "C62",
    priceUnit: 1,
    unitPrice: "0.25",
    currency: "EUR",
    quantity: 10,
    leadTimeDays: 3,
    unspsc: "31161500",
    ...overrides,
  };
}

function encode(lines: OciBasketLine[], opts: { vendor?: string | null; charset?: string; echo?: [string, string][] } = {}) {
  return encodeOciBasket(lines, { ...DEFAULT_PROFILE, vendorNumber: opts.vendor === undefined ? "V100" : opts.vendor }, { echoFields: opts.echo ?? ECHO, charset: opts.charset ?? "utf-8" });
}

function asMap(pairs: [string, string][]): Map<string, string> {
  return new Map(pairs);
}

function value(pairs: [string, string][], name: string): string {
  const found = pairs.find(([n]) => n === name);
  if (!found) throw new Error(`field ${name} missing`);
  return found[1];
}

const ITEM_FIELDS = [
  "DESCRIPTION",
  "QUANTITY",
  "UNIT",
  "PRICE",
  "PRICEUNIT",
  "CURRENCY",
  "LEADTIME",
  "VENDOR",
  "VENDORMAT",
  "MANUFACTMAT",
  "EXT_PRODUCT_ID",
  "MATGROUP",
  "EXT_SCHEMA_TYPE",
  "EXT_CATEGORY_ID",
];

describe("encodeOciBasket — structure", () => {
  it("emits the fields of each item in a fixed order, indexes from 1, long text last, then the echo fields", () => {
    const pairs = encode([line(), line({ productId: 2, service: true })]);
    const expected = [
      ...ITEM_FIELDS.map((f) => `NEW_ITEM-${f}[1]`),
      "NEW_ITEM-LONGTEXT_1:132[]",
      ...ITEM_FIELDS.map((f) => `NEW_ITEM-${f}[2]`),
      "NEW_ITEM-SERVICE[2]",
      "NEW_ITEM-LONGTEXT_2:132[]",
      "~OkCode",
      "~TARGET",
      "~CALLER",
    ];
    expect(pairs.map(([n]) => n)).toEqual(expected);
  });

  it("numbers items consecutively from 1", () => {
    const pairs = encode([line(), line(), line()]);
    const indexes = [...new Set(pairs.map(([n]) => /\[(\d+)\]$/.exec(n)?.[1]).filter(Boolean))];
    expect(indexes).toEqual(["1", "2", "3"]);
    expect(pairs.some(([n]) => n.includes("[0]"))).toBe(false);
  });

  it("maps the line's data to the OCI fields", () => {
    const m = asMap(encode([line()]));
    expect(m.get("NEW_ITEM-DESCRIPTION[1]")).toBe("Hex bolt M8x40");
    expect(m.get("NEW_ITEM-QUANTITY[1]")).toBe("10");
    expect(m.get("NEW_ITEM-UNIT[1]")).toBe("C62");
    expect(m.get("NEW_ITEM-PRICE[1]")).toBe("0.25");
    expect(m.get("NEW_ITEM-PRICEUNIT[1]")).toBe("1");
    expect(m.get("NEW_ITEM-CURRENCY[1]")).toBe("EUR");
    expect(m.get("NEW_ITEM-LEADTIME[1]")).toBe("3");
    expect(m.get("NEW_ITEM-VENDOR[1]")).toBe("V100");
    expect(m.get("NEW_ITEM-VENDORMAT[1]")).toBe("SKU-4711");
    expect(m.get("NEW_ITEM-MANUFACTMAT[1]")).toBe("MPN-933-M8-40");
    expect(m.get("NEW_ITEM-EXT_PRODUCT_ID[1]")).toBe("4711");
    expect(m.get("NEW_ITEM-MATGROUP[1]")).toBe("31161500");
    expect(m.get("NEW_ITEM-EXT_SCHEMA_TYPE[1]")).toBe("UNSPSC");
    expect(m.get("NEW_ITEM-EXT_CATEGORY_ID[1]")).toBe("31161500");
    expect(m.get("NEW_ITEM-LONGTEXT_1:132[]")).toBe("Hex bolt DIN 933, zinc plated");
  });

  it("never sends MATNR, always fills DESCRIPTION", () => {
    const pairs = encode([line({ name: "  <b></b> " }), line({ name: "", description: "", sku: "" })]);
    expect(pairs.some(([n]) => n.includes("MATNR"))).toBe(false);
    expect(value(pairs, "NEW_ITEM-DESCRIPTION[1]")).toBe("Hex bolt DIN 933, zinc plated");
    expect(value(pairs, "NEW_ITEM-DESCRIPTION[2]")).toBe("Article 4711");
  });

  it("sends SERVICE=X only for services", () => {
    const pairs = encode([line(), line({ service: true }), line({ service: false })]);
    expect(pairs.filter(([n]) => n.startsWith("NEW_ITEM-SERVICE"))).toEqual([["NEW_ITEM-SERVICE[2]", "X"]]);
  });

  it("sends VENDOR empty when the customer has no vendor number", () => {
    expect(value(encode([line()], { vendor: null }), "NEW_ITEM-VENDOR[1]")).toBe("");
  });

  it("sends EXT_SCHEMA_TYPE only when EXT_CATEGORY_ID is filled", () => {
    const m = asMap(encode([line({ unspsc: "" })]));
    expect(m.get("NEW_ITEM-EXT_CATEGORY_ID[1]")).toBe("");
    expect(m.get("NEW_ITEM-EXT_SCHEMA_TYPE[1]")).toBe("");
    expect(m.get("NEW_ITEM-MATGROUP[1]")).toBe("");
  });

  it("sends LEADTIME empty when unknown, as digits otherwise (fractions rounded up)", () => {
    expect(value(encode([line({ leadTimeDays: null })]), "NEW_ITEM-LEADTIME[1]")).toBe("");
    expect(value(encode([line({ leadTimeDays: 0 })]), "NEW_ITEM-LEADTIME[1]")).toBe("0");
    expect(value(encode([line({ leadTimeDays: 2.5 })]), "NEW_ITEM-LEADTIME[1]")).toBe("3");
    expect(value(encode([line({ leadTimeDays: 14 })]), "NEW_ITEM-LEADTIME[1]")).toMatch(/^\d+$/);
    expect(() => encode([line({ leadTimeDays: 100_000 })])).toThrow(OciEncodeError);
    expect(() => encode([line({ leadTimeDays: -1 })])).toThrow(OciEncodeError);
  });

  it("returns only the echo fields for an empty basket", () => {
    expect(encode([])).toEqual(ECHO);
  });
});

describe("encodeOciBasket — echo fields", () => {
  it("appends the ~ fields exactly as they arrived: names, casing, values, order", () => {
    const echo: [string, string][] = [
      ["~caller", "CTLG"],
      ["~Target", "_parent"],
      ["~okcode", "ADDI"],
      ["~custom", "a b&c=ü"],
    ];
    const pairs = encode([line()], { echo, charset: "iso-8859-1" });
    expect(pairs.slice(-4)).toEqual(echo);
  });
});

describe("encodeOciBasket — lengths", () => {
  it("cuts every CHAR field to its OCI maximum", () => {
    const long = "X".repeat(300);
    const pairs = encode([
      line({ name: long, sku: long, manufacturerPartNumber: long, unit: "PIECES", currency: "EURO-X", unspsc: "1".repeat(80), description: long.repeat(10) }),
    ], { vendor: long });
    for (const [name, v] of pairs) {
      const m = /^NEW_ITEM-([A-Z_]+)\[1\]$/.exec(name);
      if (!m) continue;
      const limit = OCI_FIELD_LIMITS[m[1] as keyof typeof OCI_FIELD_LIMITS];
      expect(v.length, name).toBeLessThanOrEqual(limit);
    }
    const m = asMap(pairs);
    expect(m.get("NEW_ITEM-DESCRIPTION[1]")).toHaveLength(40);
    expect(m.get("NEW_ITEM-VENDORMAT[1]")).toHaveLength(40);
    expect(m.get("NEW_ITEM-MANUFACTMAT[1]")).toHaveLength(40);
    expect(m.get("NEW_ITEM-VENDOR[1]")).toHaveLength(10);
    expect(m.get("NEW_ITEM-UNIT[1]")).toBe("PIE");
    expect(m.get("NEW_ITEM-CURRENCY[1]")).toBe("EURO-");
    expect(m.get("NEW_ITEM-MATGROUP[1]")).toHaveLength(10);
    expect(m.get("NEW_ITEM-EXT_CATEGORY_ID[1]")).toHaveLength(60);
    // LONGTEXT is unlimited
    expect(m.get("NEW_ITEM-LONGTEXT_1:132[]")).toHaveLength(3000);
  });

  it("cuts DESCRIPTION to 40 characters (not bytes) with umlauts", () => {
    const name = "Prüfgerät für Schließanlagen, Größe XL – ÄÖÜ äöü ß Zusatz";
    const d = value(encode([line({ name })]), "NEW_ITEM-DESCRIPTION[1]");
    expect(d).toBe("Prüfgerät für Schließanlagen, Größe XL –");
    expect(d).toHaveLength(40);
    const latin = value(encode([line({ name })], { charset: "iso-8859-1" }), "NEW_ITEM-DESCRIPTION[1]");
    expect(latin).toBe("Prüfgerät für Schließanlagen, Größe XL -");
  });

  it("never leaves half a surrogate pair", () => {
    const name = "A".repeat(39) + "😀😀";
    const d = value(encode([line({ name })]), "NEW_ITEM-DESCRIPTION[1]");
    expect(d).toBe("A".repeat(39));
    expect(/[\ud800-\udbff]$/.test(d)).toBe(false);
    const d2 = value(encode([line({ name: "B".repeat(38) + "😀x" })]), "NEW_ITEM-DESCRIPTION[1]");
    expect(d2).toBe("B".repeat(38) + "😀");
    expect(cutText("ab😀", 3)).toBe("ab");
  });

  it("keeps a letter and its combining mark together and removes a trailing space left by the cut", () => {
    expect(cutText("abcde\u0301", 5)).toBe("abcd");
    expect(cutText("abcd efgh", 5)).toBe("abcd");
  });

  it("applies the length after the latin1 replacement (€ → EUR may grow the text)", () => {
    const name = "X".repeat(38) + "€";
    const d = value(encode([line({ name })], { charset: "iso-8859-1" }), "NEW_ITEM-DESCRIPTION[1]");
    expect(d).toBe("X".repeat(38) + "EU");
  });
});

describe("encodeOciBasket — numbers (format (a))", () => {
  it("keeps PRICE per PRICEUNIT: 12.5 per 100 stays PRICE 12.5 PRICEUNIT 100", () => {
    const m = asMap(encode([line({ unitPrice: "12.5", priceUnit: 100, quantity: 200 })]));
    expect(m.get("NEW_ITEM-PRICE[1]")).toBe("12.5");
    expect(m.get("NEW_ITEM-PRICEUNIT[1]")).toBe("100");
    expect(m.get("NEW_ITEM-QUANTITY[1]")).toBe("200");
  });

  it("drops trailing zeros and never uses a comma or thousands separator", () => {
    const m = asMap(encode([line({ unitPrice: "1234567.5000", quantity: 1234567 })]));
    expect(m.get("NEW_ITEM-PRICE[1]")).toBe("1234567.5");
    expect(m.get("NEW_ITEM-QUANTITY[1]")).toBe("1234567");
    expect(value(encode([line({ unitPrice: "12.00" })]), "NEW_ITEM-PRICE[1]")).toBe("12");
    expect(value(encode([line({ unitPrice: "0.1250" })]), "NEW_ITEM-PRICE[1]")).toBe("0.125");
    expect(value(encode([line({ unitPrice: "0" })]), "NEW_ITEM-PRICE[1]")).toBe("0");
  });

  it("is independent of the default locale", () => {
    const original = Number.prototype.toLocaleString;
    // A German locale would write 1.234.567,5 — the encoder must not use locale formatting at all.
    Number.prototype.toLocaleString = function () {
      return "1.234,5";
    };
    try {
      const m = asMap(encode([line({ unitPrice: "1234.5", quantity: 1234 })]));
      expect(m.get("NEW_ITEM-PRICE[1]")).toBe("1234.5");
      expect(m.get("NEW_ITEM-QUANTITY[1]")).toBe("1234");
    } finally {
      Number.prototype.toLocaleString = original;
    }
  });

  it("every PRICE and QUANTITY matches format (a), PRICEUNIT and LEADTIME are digits only", () => {
    const prices = ["0.0001", "0.0125", "0.1", "1", "99.999", "12345678901", "5.1234", "99999999.9999"];
    for (const unitPrice of prices) {
      const m = asMap(encode([line({ unitPrice, quantity: 99_999_999_999 })]));
      expect(m.get("NEW_ITEM-PRICE[1]"), unitPrice).toMatch(/^\d{1,11}(\.\d{1,3})?$/);
      expect(m.get("NEW_ITEM-QUANTITY[1]")).toMatch(/^\d{1,11}(\.\d{1,3})?$/);
      expect(m.get("NEW_ITEM-PRICEUNIT[1]")).toMatch(/^\d{1,5}$/);
      expect(m.get("NEW_ITEM-LEADTIME[1]")).toMatch(/^\d{0,5}$/);
    }
  });

  it("raises PRICEUNIT (per 1000) when the price has 4 decimals, keeping PRICE/PRICEUNIT exact", () => {
    let m = asMap(encode([line({ unitPrice: "0.0125", priceUnit: 1 })]));
    expect(m.get("NEW_ITEM-PRICE[1]")).toBe("12.5");
    expect(m.get("NEW_ITEM-PRICEUNIT[1]")).toBe("1000");
    m = asMap(encode([line({ unitPrice: "0.1234", priceUnit: 1 })]));
    expect(m.get("NEW_ITEM-PRICE[1]")).toBe("123.4");
    expect(m.get("NEW_ITEM-PRICEUNIT[1]")).toBe("1000");
    // 3 decimals fit format (a): unchanged
    m = asMap(encode([line({ unitPrice: "0.125", priceUnit: 1 })]));
    expect(m.get("NEW_ITEM-PRICE[1]")).toBe("0.125");
    expect(m.get("NEW_ITEM-PRICEUNIT[1]")).toBe("1");
  });

  it("falls back to ×100 / ×10 when ×1000 would exceed 5 digits of PRICEUNIT", () => {
    let m = asMap(encode([line({ unitPrice: "1.0001", priceUnit: 100 })]));
    expect(m.get("NEW_ITEM-PRICE[1]")).toBe("100.01");
    expect(m.get("NEW_ITEM-PRICEUNIT[1]")).toBe("10000");
    m = asMap(encode([line({ unitPrice: "1.0001", priceUnit: 1000 })]));
    expect(m.get("NEW_ITEM-PRICE[1]")).toBe("10.001");
    expect(m.get("NEW_ITEM-PRICEUNIT[1]")).toBe("10000");
    expect(() => encode([line({ unitPrice: "1.0001", priceUnit: 10000 })])).toThrow(OciEncodeError);
  });

  it("throws a typed error instead of sending a wrong number", () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        expect(error).toBeInstanceOf(OciEncodeError);
        return (error as OciEncodeError).code;
      }
      throw new Error("did not throw");
    };
    expect(code(() => encode([line({ unitPrice: "123456789012" })]))).toBe("PRICE_TOO_LARGE");
    expect(code(() => encode([line({ unitPrice: "12,5" })]))).toBe("PRICE_INVALID");
    expect(code(() => encode([line({ unitPrice: "1.234,50" })]))).toBe("PRICE_INVALID");
    expect(code(() => encode([line({ unitPrice: "-1" })]))).toBe("PRICE_INVALID");
    expect(code(() => encode([line({ unitPrice: "0.00001" })]))).toBe("PRICE_INVALID");
    expect(code(() => encode([line({ quantity: 100_000_000_000 })]))).toBe("QUANTITY_TOO_LARGE");
    expect(code(() => encode([line({ quantity: 1.5 })]))).toBe("QUANTITY_INVALID");
    expect(code(() => encode([line({ quantity: 0 })]))).toBe("QUANTITY_INVALID");
    expect(code(() => encode([line({ priceUnit: 0 })]))).toBe("PRICE_UNIT_INVALID");
    expect(code(() => encode([line({ priceUnit: 100_000 })]))).toBe("PRICE_UNIT_INVALID");
    expect(code(() => encode([line({ priceUnit: 2.5 })]))).toBe("PRICE_UNIT_INVALID");
    expect(code(() => encode([line({ currency: " " })]))).toBe("CURRENCY_MISSING");
    expect(code(() => encode([line({ unit: "" })]))).toBe("UNIT_MISSING");
    // 4 decimals and 11 integer digits: ×10 would make 12 integer digits
    expect(code(() => encode([line({ unitPrice: "99999999999.0001" })]))).toBe("PRICE_NOT_REPRESENTABLE");
  });

  it("reports the item number in the error", () => {
    try {
      encode([line(), line({ unitPrice: "abc" })]);
      throw new Error("did not throw");
    } catch (error) {
      expect(error).toBeInstanceOf(OciEncodeError);
      expect((error as OciEncodeError).line).toBe(2);
      expect((error as OciEncodeError).field).toBe("PRICE");
    }
  });

  it("accepts 11 integer digits", () => {
    const m = asMap(encode([line({ unitPrice: "99999999999.999", quantity: 99_999_999_999 })]));
    expect(m.get("NEW_ITEM-PRICE[1]")).toBe("99999999999.999");
    expect(m.get("NEW_ITEM-PRICE[1]")!.length).toBeLessThanOrEqual(15);
  });
});

describe("encodeOciBasket — plain text", () => {
  it("strips HTML tags and decodes the common entities in CHAR fields", () => {
    const m = asMap(
      encode([
        line({
          name: "<b>Bolt</b> &amp; nut &lt;M8&gt; &quot;A2&quot; &#39;70&#39;&nbsp;x&#8211;y &#x263A;",
          description: "<p>First&nbsp;line</p><p>Second <i>line</i><br>third</p><script>alert(1)</script>",
        }),
      ]),
    );
    expect(m.get("NEW_ITEM-DESCRIPTION[1]")).toBe("Bolt & nut <M8> \"A2\" '70' x–y ☺");
    expect(m.get("NEW_ITEM-LONGTEXT_1:132[]")).toBe("First line\n\nSecond line\nthird");
  });

  it("removes inline tags without splitting words, block tags separate words", () => {
    expect(value(encode([line({ name: 'Sch<b>lüssel</b> <span class="x">rot</span><br/>blau<div>grün</div>' })]), "NEW_ITEM-DESCRIPTION[1]")).toBe(
      "Schlüssel rot blau grün",
    );
    expect(value(encode([line({ name: "<!-- c -->A<style>p{}</style>B" })]), "NEW_ITEM-DESCRIPTION[1]")).toBe("A B");
  });

  it("collapses whitespace and line breaks to single spaces except in LONGTEXT", () => {
    const m = asMap(encode([line({ name: "  Bolt\r\n\tM8 \n\n  x  ", sku: "A\nB", description: "Line 1\r\nLine   2\n\n\n\nLine 3\rLine 4" })]));
    expect(m.get("NEW_ITEM-DESCRIPTION[1]")).toBe("Bolt M8 x");
    expect(m.get("NEW_ITEM-VENDORMAT[1]")).toBe("A B");
    expect(m.get("NEW_ITEM-LONGTEXT_1:132[]")).toBe("Line 1\nLine 2\n\nLine 3\nLine 4");
  });

  it("keeps a stray < that is not a tag", () => {
    expect(value(encode([line({ name: "Torque < 5 Nm" })]), "NEW_ITEM-DESCRIPTION[1]")).toBe("Torque < 5 Nm");
  });

  it("removes control characters", () => {
    expect(value(encode([line({ name: "A\u0000B\u0007C" })]), "NEW_ITEM-DESCRIPTION[1]")).toBe("A B C");
  });
});

describe("encodeOciBasket — charset", () => {
  const text = "Schlüssel – „Größe“ ‚a‘ ’b’ — 5 € … m² m³ ÄÖÜß Ω 😀";

  it("replaces characters ISO-8859-1 cannot represent, keeps umlauts, ß, ² and ³", () => {
    const m = asMap(encode([line({ name: "Schlüssel – „Größe“ € …", description: text })], { charset: "iso-8859-1" }));
    expect(m.get("NEW_ITEM-DESCRIPTION[1]")).toBe('Schlüssel - "Größe" EUR ...');
    expect(m.get("NEW_ITEM-LONGTEXT_1:132[]")).toBe("Schlüssel - \"Größe\" 'a' 'b' - 5 EUR ... m² m³ ÄÖÜß ? ?");
    for (const [, v] of encode([line({ description: text, name: text })], { charset: "iso-8859-1" })) {
      expect(/[^\u0000-\u00ff]/.test(v)).toBe(false);
    }
  });

  it("accepts the aliases of the legacy 8-bit charset", () => {
    for (const cs of ["iso-8859-1", "ISO-8859-1", "latin1", "iso8859-1", "iso_8859-1", "windows-1252", " Windows-1252 "]) {
      expect(normalizeCharset(cs), cs).toBe("iso-8859-1");
      expect(value(encode([line({ name: "a – b" })], { charset: cs }), "NEW_ITEM-DESCRIPTION[1]")).toBe("a - b");
    }
  });

  it("keeps everything in UTF-8", () => {
    expect(value(encode([line({ name: "a – b € Ω" })], { charset: "utf-8" }), "NEW_ITEM-DESCRIPTION[1]")).toBe("a – b € Ω");
  });

  it("normalizeCharset: unknown or missing → utf-8", () => {
    expect(normalizeCharset(undefined)).toBe("utf-8");
    expect(normalizeCharset("")).toBe("utf-8");
    expect(normalizeCharset("UTF-8")).toBe("utf-8");
    expect(normalizeCharset("utf8")).toBe("utf-8");
    expect(normalizeCharset("shift_jis")).toBe("utf-8");
    expect(normalizeCharset("nonsense")).toBe("utf-8");
  });

  it("toLatin1 folds letters with diacritics outside Latin-1 and turns the rest into ?", () => {
    expect(toLatin1("Dvořák čšž")).toBe("Dvorák csz");
    expect(toLatin1("日本")).toBe("??");
    expect(toLatin1("ÄÖÜäöüß²³µ°")).toBe("ÄÖÜäöüß²³µ°");
  });

  it("does not change the echo fields for the charset", () => {
    const echo: [string, string][] = [["~TARGET", "_top"]];
    expect(encode([line()], { charset: "iso-8859-1", echo }).slice(-1)).toEqual(echo);
  });
});
