import "server-only";
import { cacheLife, cacheTag, revalidateTag } from "next/cache";

/**
 * Catalog reads are the same for every visitor, so they are cached (with the pages built from
 * them) and shared. A write inside this process invalidates by tag at once; a write elsewhere (the
 * seed script, another instance behind the load balancer) shows after at most
 * CATALOG_CACHE_SECONDS, because every entry is regenerated that often.
 */
export const CATALOG_TAG = "catalog";
export const productTag = (id: number) => `product:${id}`;
export const categoryTag = (id: number) => `category:${id}`;
/** A customer's own prices (price list, VAT treatment, active flag) on pages cached for them. */
export const customerTag = (id: number) => `customer:${id}`;

export function catalogCacheSeconds(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.CATALOG_CACHE_SECONDS ?? 60);
  return Number.isInteger(n) && n >= 1 && n <= 3600 ? n : 60;
}

/** Call first inside a `"use cache"` function that reads the catalog. */
export function catalogEntry(...tags: string[]): void {
  const revalidate = catalogCacheSeconds();
  // A stale time under 30 s would make Next treat the entry as per-request data and render the page
  // on every request; it only governs the browser's router cache, the server regenerates after `revalidate`.
  cacheLife({ stale: 30, revalidate, expire: 86_400 });
  cacheTag(CATALOG_TAG, ...tags);
}

/**
 * After a write that changes what catalog pages show. Without tags the whole catalog goes: a
 * price or an active flag shows on listings, search results and the home page alike.
 */
export function catalogChanged(...tags: string[]): void {
  for (const tag of tags.length > 0 ? tags : [CATALOG_TAG]) {
    try {
      revalidateTag(tag, { expire: 0 });
    } catch (error) {
      // Outside a Next request (scripts, integration tests) there is no page cache to invalidate;
      // anything else is a real fault.
      if (!(error instanceof Error && error.message.includes("static generation store missing"))) throw error;
    }
  }
}
