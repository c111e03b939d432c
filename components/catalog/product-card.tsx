import Link from "next/link";
import type { PricedProduct } from "@/lib/catalog/types";
import { Price } from "./price";
import { StockBadge } from "./stock-badge";

export function ProductCard({ product }: { product: PricedProduct }) {
  return (
    <li className="card flex flex-col overflow-hidden">
      <img src={`/images/products/${encodeURIComponent(product.sku)}`} alt="" width={400} height={400} loading="lazy" className="aspect-square w-full bg-slate-100 object-cover" />
      <div className="flex flex-1 flex-col gap-1 p-3">
        <Link href={`/products/${product.slug}`} className="font-medium text-brand-700 hover:underline">
          {product.name}
        </Link>
        <p className="text-xs text-slate-600">
          {product.manufacturer} · Art. {product.sku}
        </p>
        <div className="mt-auto pt-2 text-sm">
          <Price value={product.price} currency={product.currency} unit={product.unit} priceUnit={product.priceUnit} includesVat={product.includesVat} />
        </div>
        <StockBadge stock={product.stock} leadTimeDays={product.leadTimeDays} />
      </div>
    </li>
  );
}

export function ProductGrid({ products }: { products: PricedProduct[] }) {
  return (
    <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4" data-testid="product-grid">
      {products.map((p) => (
        <ProductCard key={p.id} product={p} />
      ))}
    </ul>
  );
}
