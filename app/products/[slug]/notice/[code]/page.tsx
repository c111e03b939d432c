import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BUILD_PLACEHOLDER, productNoticeOf } from "@/lib/catalog/views";
import { ProductView, productMetadata } from "../../product-view";

type Props = { params: Promise<{ slug: string; code: string }> };

// `/products/x?error=quantity` (a refused script-less "Add to cart") arrives here through the proxy.
export function generateStaticParams() {
  return [{ slug: BUILD_PLACEHOLDER, code: "quantity" }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { ...(await productMetadata((await params).slug)), robots: { index: false } };
}

export default async function ProductNoticePage({ params }: Props) {
  const { slug, code } = await params;
  const notice = productNoticeOf(code);
  if (!notice) notFound();
  return <ProductView slug={slug} notice={notice} />;
}
