"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { usePathname } from "next/navigation";
import type { ViewerPrices, ViewerSummary } from "@/lib/shopper/viewer-types";

export const VIEWER_KEY = ["viewer"] as const;

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { credentials: "same-origin", cache: "no-store" });
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return (await res.json()) as T;
}

/**
 * Who is looking, for the cached pages: asked again on every navigation, because signing in or
 * out, a punchout starting or ending, all arrive with a new page.
 */
export function useViewer() {
  const pathname = usePathname();
  return useQuery({
    queryKey: [...VIEWER_KEY, pathname],
    queryFn: () => getJson<ViewerSummary>("/api/viewer"),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/** The visitor's own prices for the products of this page; nothing is asked for anonymous visitors. */
export function useViewerPrices(ids: number[], tiers: boolean) {
  const { data: viewer } = useViewer();
  const pricing = viewer?.account?.pricing ?? null;
  return useQuery({
    queryKey: ["prices", pricing, tiers, ids.join(",")],
    queryFn: () => getJson<ViewerPrices>(`/api/prices?ids=${ids.join(",")}${tiers ? "&tiers=1" : ""}`),
    enabled: pricing !== null && ids.length > 0,
    staleTime: 30_000,
  });
}
