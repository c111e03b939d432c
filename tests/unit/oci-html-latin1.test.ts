import { describe, expect, it } from "vitest";
import { escapeHtml, latin1Safe, ociHtmlResponse } from "@/lib/oci/html";

describe("OCI pages in ISO-8859-1", () => {
  it("never turn a character above U+00FF into markup", async () => {
    // Each of these keeps only its low byte when written as Latin-1: < " ' > in disguise.
    const attack = "\u013c\u0122\u0127\u013e\u2022";
    const html = `<input type="hidden" name="~X" value="${escapeHtml(attack)}">`;
    const bytes = new Uint8Array(await ociHtmlResponse(200, html, [], {}, { charset: "iso-8859-1" }).arrayBuffer());
    const text = Buffer.from(bytes).toString("latin1");
    expect(text).toBe('<input type="hidden" name="~X" value="&#316;&#290;&#295;&#318;&#8226;">');
    expect(latin1Safe("Müller – 😀")).toBe("Müller &#8211; &#128512;");
  });
});
