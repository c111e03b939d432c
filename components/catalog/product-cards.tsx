"use client";

import { Link } from "@/components/ui/link";
import type { PagePrices } from "@/lib/shopper/viewer-types";
import { StockBadge } from "./stock-badge";
import { PricesScope, ViewerPrice } from "./viewer-prices";

/** What a card shows, already formatted on the server. */
export type ProductCardData = {
  id: number;
  slug: string;
  name: string;
  manufacturer: string;
  sku: string;
  image: string;
  listPrice: string;
  stock: number;
  leadTimeDays: number;
};

/** `first`: the first card's picture is on screen at once and is often the page's largest paint. */
function ProductCard({ card, first }: { card: ProductCardData; first: boolean }) {
  return (
    <li className="product-card">
      <img
        src={card.image}
        alt=""
        width={400}
        height={400}
        loading={first ? "eager" : "lazy"}
        fetchPriority={first ? "high" : undefined}
        className="product-card-picture"
      />
      <div className="product-card-body">
        <Link href={`/products/${card.slug}`} className="product-card-title">
          {card.name}
        </Link>
        <p className="fine-print">
          {card.manufacturer} · Art. {card.sku}
        </p>
        <div className="mt-auto pt-2 text-sm">
          <ViewerPrice productId={card.id} listPrice={card.listPrice} />
        </div>
        <StockBadge stock={card.stock} leadTimeDays={card.leadTimeDays} />
      </div>
    </li>
  );
}

export function ProductCards({ cards, prices }: { cards: ProductCardData[]; prices: PagePrices | null }) {
  return (
    <PricesScope ids={cards.map((c) => c.id)} initial={prices}>
      <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4" data-testid="product-grid">
        {cards.map((c, i) => (
          <ProductCard key={c.id} card={c} first={i === 0} />
        ))}
      </ul>
    </PricesScope>
  );
}
