import type { products } from "@/db/schema";

// Shapes of the demo catalogue, shared by its category tree, its anchors and its generator.

export type Unit = "C62" | "PCE" | "MTR" | "KGM" | "LTR" | "SET" | "BX" | "PR";
export const UNITS: readonly Unit[] = ["C62", "PCE", "MTR", "KGM", "LTR", "SET", "BX", "PR"];

export type CategorySeed = {
  slug: string;
  name: string;
  description: string;
  position: number;
  parentSlug: string | null;
};

type ProductInsert = typeof products.$inferInsert;
export type ProductSeed = Required<Omit<ProductInsert, "id" | "categoryId" | "searchVector" | "nameVector" | "createdAt" | "unit" | "version" | "imageVersion">> & {
  unit: Unit;
  categorySlug: string;
};

export type Catalog = { categories: CategorySeed[]; products: ProductSeed[] };

/** ä→ae ö→oe ü→ue ß→ss, other diacritics stripped, everything else non-alphanumeric → "-". */
export function slugify(input: string): string {
  return input
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .replace(/[^\x00-\x7f]+/g, (rest) => rest.normalize("NFD").replace(/\p{M}+/gu, ""))
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

export function productSlug(name: string, sku: string): string {
  return `${slugify(name)}-${sku.toLowerCase()}`;
}
