import { describe, expect, it } from "vitest";
import { productImageSvg } from "@/lib/catalog/product-image";

const TOPS = [
  "fasteners",
  "hand-tools",
  "power-tools",
  "safety-gear",
  "office-supplies",
  "cleaning-hygiene",
  "electrical-installation",
  "adhesives-sealants",
  "workshop-chemicals",
  "plumbing",
  "storage-transport",
];

describe("productImageSvg", () => {
  it("is a deterministic, accessible SVG", () => {
    const input = { sku: "FAS-10001", name: "Sechskantschraube DIN 933 M8x40 8.8 verzinkt", categorySlug: "fasteners" };
    const svg = productImageSvg(input);
    expect(productImageSvg({ ...input })).toBe(svg);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toContain('role="img"');
    expect(svg).toContain("<title>Sechskantschraube DIN 933 M8x40 8.8 verzinkt</title>");
    expect(svg).toContain(">FAS-10001</text>");
    expect(svg).toContain('viewBox="0 0 400 400"');
  });

  it("escapes markup in the name and SKU", () => {
    const svg = productImageSvg({ sku: `A&B<1>"'`, name: `</title><script>alert("x")</script> & Co`, categorySlug: "plumbing" });
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;/title&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co");
    expect(svg).toContain("A&amp;B&lt;1&gt;&quot;&apos;");
    expect(svg.match(/<title>/g)).toHaveLength(1);
  });

  it("draws a different picture per top-level category and copes with unknown ones", () => {
    const pictures = TOPS.map((slug) => productImageSvg({ sku: "X-1", name: "Artikel", categorySlug: slug }));
    expect(new Set(pictures).size).toBe(TOPS.length);
    expect(productImageSvg({ sku: "X-1", name: "Artikel", categorySlug: "unknown" })).toContain("<title>Artikel</title>");
  });

  it("keeps umlauts as text", () => {
    expect(productImageSvg({ sku: "TOL-20001", name: "Drehmomentschlüssel Größe", categorySlug: "hand-tools" })).toContain("Drehmomentschlüssel Größe");
  });
});
