import { describe, expect, it } from "vitest";
import { LISTING_COUNT_CAP, listProducts } from "@/lib/catalog/queries";
import { SEARCH_CANDIDATES, searchProducts } from "@/lib/catalog/search";
import { makeWorld } from "../support/fixtures";

// Counts stop at a cap instead of counting a big category or a common word to the end. A file of its
// own: the 1,010 products would crowd the other catalogue tests' searches.
describe("capped counts", () => {
  it("caps listing and search counts and says so", async () => {
    expect(LISTING_COUNT_CAP).toBe(1000);
    expect(SEARCH_CANDIDATES).toBe(1000);
    const w = await makeWorld({
      products: Array.from({ length: 1010 }, (_, i) => ({
        name: `Kappenmutter M${(i % 9) + 3} Nr ${String(i).padStart(4, "0")}`,
        description: "Hutmutter verzinkt.",
        listPrice: `${(i % 50) + 1}.0000`,
      })),
    });
    const base = { categoryIds: [w.category.id], sort: "name" as const, pageSize: 24 };

    const first = await listProducts({ ...base, page: 1 });
    expect(first).toMatchObject({ total: 1000, totalIsCapped: true });
    expect(first.items).toHaveLength(24);
    // A page past the cap is counted to its own end, so a "next" link stays right.
    const deep = await listProducts({ ...base, page: 42 }); // rows 985–1008
    expect(deep).toMatchObject({ total: 1008, totalIsCapped: true });
    expect(deep.items).toHaveLength(24);
    const last = await listProducts({ ...base, page: 43 }); // rows 1009–1010
    expect(last).toMatchObject({ total: 1010, totalIsCapped: false });
    expect(last.items).toHaveLength(2);
    const everything = await listProducts({ ...base, page: 1, pageSize: 2000 });
    expect(everything.items.slice(-2).map((p) => p.id)).toEqual(last.items.map((p) => p.id));
    expect(await listProducts({ ...base, page: 50 })).toEqual({ items: [], total: 1010, totalIsCapped: false });
    const small = await listProducts({ ...base, page: 1, manufacturer: "nobody" });
    expect(small).toEqual({ items: [], total: 0, totalIsCapped: false });

    const found = await searchProducts("Kappenmutter", 1, 24);
    expect(found).toMatchObject({ total: 1000, totalIsCapped: true });
    expect(found.items).toHaveLength(24);
    const word = await searchProducts("Hutmutter verzinkt", 1, 24);
    expect(word).toMatchObject({ total: 1000, totalIsCapped: true });
    // Only the ranked candidates can be paged to: 1000 in all, 42 pages of 24.
    expect((await searchProducts("Kappenmutter", 42, 24)).items).toHaveLength(1000 - 41 * 24);
    expect(await searchProducts("Kappenmutter", 43, 24)).toEqual({ items: [], total: 1000, totalIsCapped: true });
    // Fewer matches are counted exactly.
    expect(await searchProducts("Kappenmutter M5", 1, 24)).toMatchObject({ total: 112, totalIsCapped: false });
  });
});
