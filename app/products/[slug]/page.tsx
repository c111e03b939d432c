import type { Metadata } from "next";
import { BUILD_PLACEHOLDER } from "@/lib/catalog/views";
import { ProductView, productMetadata } from "./product-view";

type Props = { params: Promise<{ slug: string }> };

// Rendered on first request and cached; the placeholder keeps the database out of the build.
export function generateStaticParams() {
  return [{ slug: BUILD_PLACEHOLDER }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return productMetadata((await params).slug);
}

export default async function ProductPage({ params }: Props) {
  return <ProductView slug={(await params).slug} notice={null} />;
}
