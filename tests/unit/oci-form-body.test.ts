import { describe, expect, it } from "vitest";
import { parseUrlEncoded } from "@/lib/http/form-body";
import { encodeFormBody } from "@/lib/oci/form-body";

const text = (bytes: Uint8Array) => new TextDecoder("latin1").decode(bytes);

describe("the OCI return form body, as a browser posts it", () => {
  it("percent-encodes names and values in order, spaces as '+', keeping only * - . _ and alphanumerics", () => {
    const body = encodeFormBody([["NEW_ITEM-DESCRIPTION[1]", "Hex bolt M8x40 (8.8)"], ["~OkCode", "ADDI"], ["a*b", "x_y-z.1!'~"]], "utf-8");
    expect(text(body)).toBe("NEW_ITEM-DESCRIPTION%5B1%5D=Hex+bolt+M8x40+%288.8%29&%7EOkCode=ADDI&a*b=x_y-z.1%21%27%7E");
  });

  it("writes UTF-8 bytes for utf-8 and decodes back to the same fields", () => {
    const fields: [string, string][] = [["NEW_ITEM-DESCRIPTION[1]", "Drehmomentschlüssel 40–200 Nm €"], ["NEW_ITEM-QUANTITY[1]", "3"], ["empty", ""], ["a&b=c", "1+1=2 & 100%"]];
    const body = encodeFormBody(fields, "utf-8");
    expect(text(body)).toContain("Drehmomentschl%C3%BCssel+40%E2%80%93200+Nm+%E2%82%AC");
    expect(parseUrlEncoded(body, "application/x-www-form-urlencoded")).toEqual(fields);
  });

  it("writes single bytes for iso-8859-1 (as windows-1252, like browsers) and decodes back", () => {
    const fields: [string, string][] = [["NEW_ITEM-DESCRIPTION[1]", "Müller Maßband ½\""], ["NEW_ITEM-UNIT[1]", "C62"]];
    const body = encodeFormBody(fields, "iso-8859-1");
    expect(text(body)).toBe("NEW_ITEM-DESCRIPTION%5B1%5D=M%FCller+Ma%DFband+%BD%22&NEW_ITEM-UNIT%5B1%5D=C62");
    expect(parseUrlEncoded(body, "application/x-www-form-urlencoded; charset=iso-8859-1")).toEqual(fields);
  });

  it("sends what iso-8859-1 cannot carry as a numeric character reference, as browsers do", () => {
    expect(text(encodeFormBody([["d", "€ č"]], "iso-8859-1"))).toBe("d=%80+%26%23269%3B");
    // (Node 20's TextDecoder reads "windows-1252" as plain Latin-1, so € is checked as the byte 0x80 above.)
    expect(parseUrlEncoded(encodeFormBody([["d", "Ä č"]], "iso-8859-1"), "x; charset=iso-8859-1")).toEqual([["d", "Ä &#269;"]]);
  });

  it("normalises line breaks to CRLF, as browsers do for every submitted value", () => {
    const body = encodeFormBody([["NEW_ITEM-LONGTEXT_1:132[]", "one\ntwo\r\nthree\rfour"]], "utf-8");
    expect(text(body)).toBe("NEW_ITEM-LONGTEXT_1%3A132%5B%5D=one%0D%0Atwo%0D%0Athree%0D%0Afour");
  });

  it("treats any other charset label as UTF-8 and Latin-1 aliases as iso-8859-1", () => {
    expect(text(encodeFormBody([["d", "ü"]], "UTF8"))).toBe("d=%C3%BC");
    expect(text(encodeFormBody([["d", "ü"]], "latin1"))).toBe("d=%FC");
  });
});
