import { describe, expect, it } from "vitest";
import { catalogRewrite, listingHref, listingViewKey, listingViewOf, parseListingView, parseSearchView, searchHref, searchViewKey, searchViewOf } from "@/lib/catalog/views";

const sp = (s: string) => new URLSearchParams(s);

describe("catalog views (one cached page per canonical URL)", () => {
  it("maps equal listing queries to one key, whatever the order, junk or defaults", () => {
    const keys = ["sort=price_desc&page=3", "page=3&sort=price_desc", "page=3&sort=price_desc&utm_source=x", "sort=price_desc&page=3&stock=0"].map((q) => listingViewKey(listingViewOf(sp(q))));
    expect(new Set(keys).size).toBe(1);
    expect(listingViewKey(listingViewOf(sp("")))).toBe("all");
    expect(listingViewKey(listingViewOf(sp("sort=name&page=1&sort=bogus")))).toBe("all");
    expect(listingViewKey(listingViewOf(sp("page=-5&sort=%00")))).toBe("all");
  });

  it("round-trips a listing view through its path segment", () => {
    const view = listingViewOf(sp("sort=price_asc&manufacturer=Würth & Co/Ø&stock=1&page=2"));
    const key = listingViewKey(view);
    expect(key).not.toContain("/");
    expect(parseListingView(key)).toEqual(view);
    expect(listingHref("fasteners", view)).toBe(`/categories/fasteners?${decodeURIComponent(key)}`);
    expect(parseListingView("%E0%A4%A")).toEqual(listingViewOf(sp(""))); // broken escapes fall back
  });

  it("keeps the typed search query, collapses spaces, and bounds its length", () => {
    const view = searchViewOf(sp("q=  Schraube   verzinkt &page=2"));
    expect(view).toEqual({ q: "Schraube verzinkt", page: 2 });
    expect(parseSearchView(searchViewKey(view))).toEqual(view);
    expect(searchHref(view)).toBe("/search?q=Schraube+verzinkt&page=2");
    expect(searchViewKey(searchViewOf(sp("q=")))).toBe("all");
    expect(searchViewOf(sp(`q=${"x".repeat(5000)}`)).q).toBe("");
  });

  it("rewrites only catalog pages, and product pages only for a known notice", () => {
    expect(catalogRewrite("/", sp("a=1"))).toBeNull(); // next.config.ts maps `/`
    expect(catalogRewrite("/categories/fasteners", sp("page=2&stock=1"))).toBe(`/categories/fasteners/${encodeURIComponent("stock=1&page=2")}`);
    expect(catalogRewrite("/categories/fasteners", sp("page=2"))).toBeNull(); // next.config.ts maps plain pages
    expect(catalogRewrite("/categories/fasteners", sp("utm_source=x&page=1"))).toBeNull(); // the default view has its own route
    expect(catalogRewrite("/search", sp("q=M8/20"))).toBe(`/search/${encodeURIComponent(new URLSearchParams({ q: "M8/20" }).toString())}`);
    expect(catalogRewrite("/search", sp("q=M8"))).toBeNull(); // and plain searches
    expect(catalogRewrite("/products/m8-screw", sp(""))).toBeNull();
    expect(catalogRewrite("/products/m8-screw", sp("error=quantity"))).toBe("/products/m8-screw/notice/quantity");
    expect(catalogRewrite("/products/m8-screw", sp("error=<script>"))).toBeNull();
    for (const path of ["/cart", "/checkout", "/account", "/api/prices", "/categories/a/b", "/login"]) expect(catalogRewrite(path, sp("q=1"))).toBeNull();
  });
});
