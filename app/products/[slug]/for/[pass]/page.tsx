import type { Metadata } from "next";
import { BUILD_PLACEHOLDER } from "@/lib/catalog/views";
import { ProductView, productMetadata } from "../../product-view";

type Props = { params: Promise<{ slug: string; pass: string }> };

// A business customer's `/products/x` arrives here through next.config.ts, with their price pass:
// one cached page per product and customer, with their prices and quantity tiers.
export function generateStaticParams() {
  return [{ slug: BUILD_PLACEHOLDER, pass: BUILD_PLACEHOLDER }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return productMetadata((await params).slug);
}

export default async function PricedProductPage({ params }: Props) {
  const { slug, pass } = await params;
  return <ProductView slug={slug} notice={null} pass={pass} />;
}
