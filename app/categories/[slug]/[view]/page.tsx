import type { Metadata } from "next";
import { BUILD_PLACEHOLDER, DEFAULT_VIEW } from "@/lib/catalog/views";
import { CategoryView, categoryMetadata } from "../category-view";

type Props = { params: Promise<{ slug: string; view: string }> };

// `/categories/x?sort=…&page=…` arrives here through the proxy, one cached page per canonical view;
// a business customer's listings (`for=<price pass>`, from next.config.ts or the proxy) too.
export function generateStaticParams() {
  return [{ slug: BUILD_PLACEHOLDER, view: DEFAULT_VIEW }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, view } = await params;
  return categoryMetadata(slug, view);
}

export default async function CategoryViewPage({ params }: Props) {
  const { slug, view } = await params;
  return <CategoryView slug={slug} viewKey={view} />;
}
