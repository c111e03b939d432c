import "server-only";
import { z } from "zod";
import type { ProductFormValues } from "@/components/admin/product-form";
import type { getProductForAdmin } from "@/lib/admin/products";

export const productListQuery = z.object({
  q: z.string().max(100).optional().catch(undefined),
  category: z.coerce.number().int().positive().optional().catch(undefined),
  active: z.enum(["all", "active", "inactive"]).optional().catch(undefined),
  page: z.coerce.number().int().positive().max(1000).optional().catch(undefined),
});

export type ProductListQuery = z.infer<typeof productListQuery>;

export function productListHref(q: ProductListQuery, page: number) {
  const params = new URLSearchParams();
  if (q.q) params.set("q", q.q);
  if (q.category) params.set("category", String(q.category));
  if (q.active && q.active !== "all") params.set("active", q.active);
  if (page > 1) params.set("page", String(page));
  const s = params.toString();
  return s ? `/admin/products?${s}` : "/admin/products";
}

type AdminProduct = NonNullable<Awaited<ReturnType<typeof getProductForAdmin>>>;

/** A stored product as the edit form's initial values (what the operator would type). */
export function productFormValues(p: AdminProduct): ProductFormValues {
  return {
    sku: p.sku,
    name: p.name,
    description: p.description,
    manufacturer: p.manufacturer,
    manufacturerPartNumber: p.manufacturerPartNumber,
    unit: p.unit,
    priceUnit: String(p.priceUnit),
    listPrice: p.listPrice.replace(/(\.\d\d)00$/, "$1"),
    currency: p.currency,
    vatRate: p.vatRate,
    leadTimeDays: String(p.leadTimeDays),
    unspsc: p.unspsc,
    categoryId: String(p.categoryId),
    stock: String(p.stock),
    minQuantity: String(p.minQuantity),
    packQuantity: String(p.packQuantity),
    active: p.active ? "on" : "",
    featured: p.featured ? "on" : "",
  };
}

export const NEW_PRODUCT_VALUES: ProductFormValues = {
  sku: "", name: "", description: "", manufacturer: "", manufacturerPartNumber: "", unit: "C62", priceUnit: "1", listPrice: "", currency: "EUR",
  vatRate: "19.00", leadTimeDays: "2", unspsc: "", categoryId: "", stock: "0", minQuantity: "1", packQuantity: "1", active: "on", featured: "",
};

export const SAVED_MESSAGES: Record<string, string> = { "1": "Saved.", created: "Product created.", image: "Picture saved." };
