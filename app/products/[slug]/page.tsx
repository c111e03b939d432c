import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { AddToCart } from "@/components/cart/add-to-cart";
import { Price } from "@/components/catalog/price";
import { StockBadge } from "@/components/catalog/stock-badge";
import { getViewer } from "@/lib/auth/viewer";
import { slugSchema } from "@/lib/catalog/params";
import { getProductBySlug } from "@/lib/catalog/queries";
import { getDb } from "@/lib/db/client";
import { formatUnitPrice, unitLabel } from "@/lib/money/format";
import { priceContextFor } from "@/lib/pricing/context";
import { loadPriceInfo } from "@/lib/pricing/load";
import { tierTable } from "@/lib/pricing/tiers";
import { displayPrice } from "@/lib/pricing/vat";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const load = cache(async (slug: string) => (slugSchema.safeParse(slug).success ? getProductBySlug(slug) : null));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const product = await load((await params).slug);
  return { title: product?.name ?? "Product not found", description: product?.description.slice(0, 160) };
}

export default async function ProductPage({ params, searchParams }: Props) {
  const product = await load((await params).slug);
  if (!product) notFound();
  // Set by the script-less add-to-cart form; only known codes, never text from the URL.
  const errorCode = (await searchParams).error;
  const initialError =
    errorCode === "quantity"
      ? `Check the quantity: at least ${product.minQuantity}${product.packQuantity > 1 ? `, in packs of ${product.packQuantity}` : ""}.`
      : errorCode === "unavailable"
        ? "This product is no longer available."
        : undefined;
  const viewer = await getViewer();
  const ctx = priceContextFor(viewer);
  const info = (await loadPriceInfo(await getDb(), ctx, [product])).get(product.id)!;
  const tiers = tierTable(info, product.minQuantity).map((t) => ({ ...t, unitPrice: displayPrice(t.unitPrice, product.vatRate, ctx.includeVat) }));
  const attributes: [string, string][] = [
    ["Article number", product.sku],
    ["Manufacturer", product.manufacturer],
    ["Manufacturer part number", product.manufacturerPartNumber],
    ["Unit", `${unitLabel(product.unit)} (${product.unit})`],
    ["Price unit", product.priceUnit === 1 ? `per ${unitLabel(product.unit)}` : `per ${product.priceUnit} ${unitLabel(product.unit, product.priceUnit)}`],
    ["Minimum order quantity", String(product.minQuantity)],
    ["Pack quantity", String(product.packQuantity)],
    ["Lead time", `${product.leadTimeDays} day${product.leadTimeDays === 1 ? "" : "s"}`],
    ["VAT rate", `${product.vatRate.replace(/\.00$/, "")} %`],
    ["UNSPSC", product.unspsc],
  ];
  return (
    <div>
      <nav aria-label="Breadcrumb" className="mb-4 text-sm text-slate-600">
        <Link href="/" className="hover:underline">Home</Link>
        {" / "}
        <Link href={`/categories/${product.category.slug}`} className="hover:underline">{product.category.name}</Link>
      </nav>
      <div className="grid gap-8 md:grid-cols-2">
        <img src={`/images/products/${encodeURIComponent(product.sku)}`} alt={product.name} width={400} height={400} className="card aspect-square w-full max-w-md bg-slate-100" />
        <div>
          <h1 className="text-2xl font-bold">{product.name}</h1>
          <p className="mt-1 text-sm text-slate-600">
            {product.manufacturer} · Art. {product.sku}
          </p>
          <div className="mt-4 text-lg">
            <Price value={tiers[0]!.unitPrice} currency={product.currency} unit={product.unit} priceUnit={product.priceUnit} includesVat={ctx.includeVat} />
          </div>
          {viewer ? null : <p className="mt-1 text-sm text-slate-600">List price. <Link href="/login" className="text-brand-700 underline">Sign in</Link> for your prices.</p>}
          {tiers.length > 1 ? (
            <table className="mt-4 text-sm" data-testid="price-tiers">
              <caption className="mb-1 text-left font-semibold">Quantity prices</caption>
              <thead>
                <tr>
                  <th scope="col" className="pr-6 text-left font-medium">From</th>
                  <th scope="col" className="text-left font-medium">Price</th>
                </tr>
              </thead>
              <tbody>
                {tiers.map((t) => (
                  <tr key={t.minQuantity}>
                    <td className="pr-6">{t.minQuantity} {unitLabel(product.unit, t.minQuantity)}</td>
                    <td>{formatUnitPrice(t.unitPrice, product.currency, product.unit, product.priceUnit)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <div className="mt-4">
            <StockBadge stock={product.stock} leadTimeDays={product.leadTimeDays} />
          </div>
          <AddToCart productId={product.id} slug={product.slug} initialError={initialError} minQuantity={product.minQuantity} packQuantity={product.packQuantity} unit={product.unit} />
          <h2 className="mt-8 text-lg font-semibold">Description</h2>
          <p className="mt-2 whitespace-pre-line text-slate-800">{product.description}</p>
          <h2 className="mt-8 text-lg font-semibold">Specifications</h2>
          <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
            {attributes.filter(([, v]) => v).map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="font-medium text-slate-700">{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
        </div>
      </div>
    </div>
  );
}
