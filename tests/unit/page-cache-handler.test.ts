import { beforeAll, describe, expect, it } from "vitest";

type Handler = { get(k: string): Promise<{ value: unknown } | null>; set(k: string, v: unknown, ctx?: { tags?: string[] }): Promise<void>; revalidateTag(t: string | string[]): Promise<void> };
let handler: Handler;
let stats: () => { entries: number; bytes: number; maxBytes: number };

beforeAll(async () => {
  process.env.PAGE_CACHE_MAX_MB = "1";
  // @ts-expect-error plain ESM module loaded by Next at run time
  const mod = await import("@/lib/cache/page-cache-handler.mjs");
  handler = new mod.default();
  stats = mod.pageCacheStats;
});

const page = (html: string, tags: string[]) => ({ kind: "APP_PAGE", html, rscData: Buffer.from(html), headers: { "x-next-cache-tags": tags.join(",") }, status: 200 });

describe("page cache handler", () => {
  it("stays within its byte budget, dropping the least recently used pages first", async () => {
    const big = "x".repeat(60_000); // ≈ 180 kB per entry with its RSC copy
    await handler.set("first", page(big, ["catalog"]));
    for (let i = 0; i < 20; i++) {
      await handler.set(`p${i}`, page(big, ["catalog"]));
      await handler.get("first"); // kept warm, so never the oldest
    }
    expect(stats().bytes).toBeLessThanOrEqual(stats().maxBytes);
    expect(await handler.get("first")).not.toBeNull();
    expect(await handler.get("p0")).toBeNull();
    expect(await handler.get("p19")).not.toBeNull();
  });

  it("forgets every page that carries a revalidated tag, and only those", async () => {
    await handler.set("a", page("a", ["catalog", "product:1"]));
    await handler.set("b", page("b", ["catalog", "product:2"]));
    await handler.revalidateTag(["product:1"]);
    expect(await handler.get("a")).toBeNull();
    expect(await handler.get("b")).not.toBeNull();
    await handler.revalidateTag("catalog");
    expect(await handler.get("b")).toBeNull();
  });
});
