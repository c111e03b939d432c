import { productImageUrl } from "@/lib/catalog/image-url";
import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { AddToCart } from "@/components/cart/add-to-cart";
import { listPriceText } from "@/components/catalog/product-card";
import { StockBadge } from "@/components/catalog/stock-badge";
import { ListPriceNote, PricesScope, ViewerPrice, ViewerTiers } from "@/components/catalog/viewer-prices";
import { productPageData } from "@/lib/catalog/page-data";
import { pagePrices } from "@/lib/catalog/page-prices";
import { productAttributes, productNoticeText } from "@/lib/catalog/product-facts";
import type { ProductNotice } from "@/lib/catalog/views";

export async function productMetadata(slug: string): Promise<Metadata> {
  const product = await productPageData(slug);
  return { title: product?.name ?? "Product not found", description: product?.description.slice(0, 160), alternates: product ? { canonical: `/products/${product.slug}` } : undefined };
}

/**
 * The product page, cached per product (and per script-less "Add to cart" notice, or per business
 * customer with their price pass).
 */
export async function ProductView({ slug, notice, pass }: { slug: string; notice: ProductNotice | null; pass?: string }) {
  const product = await productPageData(slug);
  if (!product) notFound();
  const prices = await pagePrices(pass, [product.id], true);
  return (
    <PricesScope ids={[product.id]} tiers initial={prices}>
      <nav aria-label="Breadcrumb" className="mb-4 text-sm text-slate-600">
        <Link href="/" className="hover:underline">Home</Link>
        {" / "}
        <Link href={`/categories/${product.category.slug}`} className="hover:underline">{product.category.name}</Link>
      </nav>
      <div className="grid gap-8 md:grid-cols-2">
        <img src={productImageUrl(product)} alt={product.name} width={400} height={400} className="card aspect-square w-full max-w-md bg-slate-100" />
        <div>
          <h1 className="text-2xl font-bold">{product.name}</h1>
          <p className="mt-1 text-sm text-slate-600">
            {product.manufacturer} · Art. {product.sku}
          </p>
          <div className="mt-4 text-lg">
            <ViewerPrice productId={product.id} listPrice={listPriceText(product)} />
          </div>
          <ListPriceNote>
            <p className="mt-1 text-sm text-slate-600">List price. <Link href="/login" className="text-brand-700 underline">Sign in</Link> for your prices.</p>
          </ListPriceNote>
          <ViewerTiers productId={product.id} />
          <div className="mt-4">
            <StockBadge stock={product.stock} leadTimeDays={product.leadTimeDays} />
          </div>
          <AddToCart productId={product.id} slug={product.slug} initialError={productNoticeText(product, notice)} minQuantity={product.minQuantity} packQuantity={product.packQuantity} unit={product.unit} />
          <h2 className="mt-8 text-lg font-semibold">Description</h2>
          <p className="mt-2 whitespace-pre-line text-slate-800">{product.description}</p>
          <h2 className="mt-8 text-lg font-semibold">Specifications</h2>
          <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
            {productAttributes(product).map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="font-medium text-slate-700">{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
        </div>
      </div>
    </PricesScope>
  );
}
