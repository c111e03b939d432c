"use client";

import { createContext, useContext, type ReactNode } from "react";
import { useKnownViewer, useViewerPrices } from "@/components/viewer/use-viewer";
import type { PagePrices, ViewerPrices } from "@/lib/shopper/viewer-types";

const PricesContext = createContext<{ data: ViewerPrices | undefined; loading: boolean }>({ data: undefined, loading: false });

/**
 * One request for all prices of a page, shared by its price cells — none at all when the page was
 * cached with this customer's prices (`initial`).
 */
export function PricesScope({ ids, tiers = false, initial = null, children }: { ids: number[]; tiers?: boolean; initial?: PagePrices | null; children: ReactNode }) {
  const { data, isFetching } = useViewerPrices(ids, tiers, initial);
  return <PricesContext.Provider value={{ data, loading: isFetching && !data }}>{children}</PricesContext.Provider>;
}

export function useProductPrice(productId: number) {
  const { data, loading } = useContext(PricesContext);
  return { own: data?.personal ? data.prices[productId] : undefined, loading };
}

/**
 * The price cell of a cached page: the list price as rendered for everyone, replaced by the
 * signed-in visitor's own price once it arrives (without JavaScript the list price stays, marked
 * as such; the cart always shows the visitor's own prices).
 */
export function ViewerPrice({ productId, listPrice }: { productId: number; listPrice: string }) {
  const { own, loading } = useProductPrice(productId);
  return (
    <span aria-busy={loading || undefined} data-price-source={own ? "own" : "list"} data-product-id={productId}>
      <span className="price" data-testid="price">
        {own ? own.price : listPrice}
      </span>{" "}
      <span className="fine-print">{own ? own.vat : "excl. VAT"}</span>
    </span>
  );
}

/** The quantity-price table of a product page; only signed-in customers have tiers. */
export function ViewerTiers({ productId }: { productId: number }) {
  const { own } = useProductPrice(productId);
  if (!own?.tiers || own.tiers.length < 2) return null;
  return (
    <table className="mt-4 text-sm" data-testid="price-tiers">
      <caption className="mb-1 text-left font-semibold">Quantity prices</caption>
      <thead>
        <tr>
          <th scope="col" className="pr-6 text-left font-medium">From</th>
          <th scope="col" className="text-left font-medium">Price</th>
        </tr>
      </thead>
      <tbody>
        {own.tiers.map((t) => (
          <tr key={t.from}>
            <td className="pr-6">{t.from}</td>
            <td>{t.price}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "List price — sign in for your prices", only while nobody is signed in. */
export function ListPriceNote({ children }: { children: ReactNode }) {
  const { data } = useKnownViewer();
  const { data: prices } = useContext(PricesContext);
  return data?.account || prices?.personal ? null : <>{children}</>;
}
