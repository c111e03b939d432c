import { products } from "@/db/schema";

/** The columns every product list selects; one definition keeps listing, search and cart alike. */
export const summaryColumns = {
  id: products.id,
  sku: products.sku,
  slug: products.slug,
  name: products.name,
  manufacturer: products.manufacturer,
  manufacturerPartNumber: products.manufacturerPartNumber,
  unit: products.unit,
  priceUnit: products.priceUnit,
  listPrice: products.listPrice,
  currency: products.currency,
  vatRate: products.vatRate,
  stock: products.stock,
  minQuantity: products.minQuantity,
  packQuantity: products.packQuantity,
  leadTimeDays: products.leadTimeDays,
  imageVersion: products.imageVersion,
};
