"use client";

import { usePathname } from "next/navigation";
import { useEffect, useSyncExternalStore } from "react";
import type { PagePrices, ViewerPrices, ViewerSummary } from "@/lib/shopper/viewer-types";

/**
 * The per-visitor data of cached pages (who is signed in, cart count, punchout, own prices), kept
 * in one small store outside React. Catalog pages load no query library for it: the first-load
 * script of a product page is mostly the framework's, and every kilobyte here is paid on each visit.
 */
type State = {
  viewer: ViewerSummary | undefined;
  /** A cart count newer than the summary (after "Add to cart" or on the cart page). */
  cartCount: number | undefined;
  prices: Map<string, ViewerPrices>;
  loading: Set<string>;
};

let state: State = { viewer: undefined, cartCount: undefined, prices: new Map(), loading: new Set() };
const listeners = new Set<() => void>();
let viewerRequest = 0;

function update(next: Partial<State>) {
  state = { ...state, ...next };
  for (const l of listeners) l();
}
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};
const snapshot = () => state;

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { credentials: "same-origin", cache: "no-store" });
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return (await res.json()) as T;
}

/** Asks the server again who is looking (on navigation, after an order). */
export function refreshViewer(): Promise<void> {
  const mine = ++viewerRequest;
  return getJson<ViewerSummary>("/api/viewer").then(
    (viewer) => {
      // Only the latest answer counts: an older one may describe the visitor before signing out.
      if (mine === viewerRequest) update({ viewer, cartCount: undefined });
    },
    () => {},
  );
}

/**
 * The page whose question is on its way: the layout's parts that show the visitor share it. Once
 * answered, a part that mounts again asks again: a server action that lands on the same page (sign
 * out, leave an expired punchout) remounts the header with no navigation to tell it.
 */
let askedFor: string | null = null;

export function askOnNavigation(pathname: string) {
  if (askedFor === pathname) return;
  askedFor = pathname;
  void refreshViewer().then(() => {
    if (askedFor === pathname) askedFor = null;
  });
}

export function setCartCount(count: number): void {
  update({ cartCount: count });
}

/**
 * Who is looking, for the root layout's parts (header, punchout notice): asked again on every
 * navigation and mount, since signing in or out arrives with a new page.
 */
export function useViewer(): { data: ViewerSummary | undefined; isPending: boolean } {
  const pathname = usePathname();
  useEffect(() => askOnNavigation(pathname), [pathname]);
  return useKnownViewer();
}

/**
 * Who is looking as far as the layout has asked, for a page's own parts. They never ask: a page
 * rendered on its first request streams them in after the header's answer, and asking then would
 * be a second question for the same page view.
 */
export function useKnownViewer(): { data: ViewerSummary | undefined; isPending: boolean } {
  const { viewer } = useSyncExternalStore(subscribe, snapshot, snapshot);
  return { data: viewer, isPending: viewer === undefined };
}

export function useCartCount(): number | undefined {
  const { viewer, cartCount } = useSyncExternalStore(subscribe, snapshot, snapshot);
  return cartCount ?? viewer?.cartCount;
}

/**
 * The visitor's own prices for the products of this page; nothing is asked for anonymous visitors.
 * `initial`: the prices a page cached for one customer was rendered with (this browser's price pass
 * chose it). They stand while the visitor is unknown and once the visitor turns out to have exactly
 * those prices; anyone else asks for their own.
 */
export function useViewerPrices(ids: number[], tiers: boolean, initial: PagePrices | null): { data: ViewerPrices | undefined; isFetching: boolean } {
  const { viewer, prices, loading } = useSyncExternalStore(subscribe, snapshot, snapshot);
  const pricing = viewer?.account?.pricing ?? null;
  const rendered = initial && (viewer === undefined || pricing === initial.for) ? initial : undefined;
  const key = rendered || pricing === null || ids.length === 0 ? null : `${pricing}|${tiers ? "t" : ""}|${ids.join(",")}`;
  useEffect(() => {
    if (key === null || state.prices.has(key) || state.loading.has(key)) return;
    update({ loading: new Set(state.loading).add(key) });
    const done = (result?: ViewerPrices) => {
      const loading = new Set(state.loading);
      loading.delete(key);
      const next = new Map(state.prices);
      if (result) next.set(key, result);
      // A page's worth of entries is plenty; the oldest go first.
      while (next.size > 50) next.delete(next.keys().next().value!);
      update({ loading, prices: next });
    };
    getJson<ViewerPrices>(`/api/prices?ids=${ids.join(",")}${tiers ? "&tiers=1" : ""}`).then(done, () => done());
  }, [key, ids, tiers]);
  return { data: rendered ?? (key ? prices.get(key) : undefined), isFetching: key !== null && loading.has(key) };
}
