import type { Amount } from "@/lib/money/decimal";

export type ProductSummary = {
  id: number;
  sku: string;
  /** 0: the generated picture; see productImageUrl. */
  imageVersion: number;
  slug: string;
  name: string;
  manufacturer: string;
  manufacturerPartNumber: string;
  unit: string;
  priceUnit: number;
  listPrice: string;
  currency: string;
  vatRate: string;
  stock: number;
  minQuantity: number;
  packQuantity: number;
  leadTimeDays: number;
};

export type ProductDetail = ProductSummary & {
  description: string;
  unspsc: string;
  categoryId: number;
};

export type Category = { id: number; parentId: number | null; slug: string; name: string; description: string };

export const SORTS = ["name", "price_asc", "price_desc"] as const;
export type Sort = (typeof SORTS)[number];
