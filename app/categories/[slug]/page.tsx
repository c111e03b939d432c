import type { Metadata } from "next";
import { BUILD_PLACEHOLDER, DEFAULT_VIEW } from "@/lib/catalog/views";
import { CategoryView, categoryMetadata } from "./category-view";

type Props = { params: Promise<{ slug: string }> };

// The default listing is served at its own URL, without the proxy's rewrite (a rewrite costs
// about as much again as serving the cached page).
export function generateStaticParams() {
  return [{ slug: BUILD_PLACEHOLDER }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return categoryMetadata((await params).slug, DEFAULT_VIEW);
}

export default async function CategoryPage({ params }: Props) {
  return <CategoryView slug={(await params).slug} viewKey={DEFAULT_VIEW} />;
}
