import "server-only";
import { categoryTag, catalogEntry, productTag } from "./cache-policy";
import { PAGE_SIZE, slugSchema } from "./params";
import { getCategoryBySlug, getProductBySlug, listFeaturedProducts, listManufacturers, listProducts, listRootCategories } from "./queries";
import { searchProducts } from "./search";
import { BUILD_PLACEHOLDER, parseListingView, parseSearchView } from "./views";

/**
 * What each catalog page shows, read once and shared by every visitor until the catalog changes.
 * Nothing here knows who is looking: personal prices, the cart and the account are fetched by
 * the browser (see lib/shopper/viewer-summary.ts and lib/catalog/viewer-prices.ts).
 */

const isRealSlug = (slug: string) => slug !== BUILD_PLACEHOLDER && slugSchema.safeParse(slug).success;

export async function homePageData() {
  "use cache";
  catalogEntry();
  const [categories, featured] = await Promise.all([listRootCategories(), listFeaturedProducts(8)]);
  return { categories, featured };
}

export async function categoryPageData(slug: string, viewKey: string) {
  "use cache";
  catalogEntry();
  if (!isRealSlug(slug)) return null;
  const found = await getCategoryBySlug(slug);
  if (!found) return null;
  const view = parseListingView(viewKey);
  const categoryIds = [found.category.id, ...found.children.map((c) => c.id)];
  catalogEntry(...categoryIds.map(categoryTag));
  const [listing, manufacturers] = await Promise.all([
    listProducts({ categoryIds, sort: view.sort, page: view.page, pageSize: PAGE_SIZE, manufacturer: view.manufacturer, inStock: view.inStock }),
    listManufacturers(categoryIds),
  ]);
  return { ...found, view, ...listing, manufacturers };
}

export async function productPageData(slug: string) {
  "use cache";
  catalogEntry();
  if (!isRealSlug(slug)) return null;
  const product = await getProductBySlug(slug);
  if (product) catalogEntry(productTag(product.id), categoryTag(product.category.id));
  return product;
}

export async function searchPageData(viewKey: string) {
  "use cache";
  catalogEntry();
  const view = parseSearchView(viewKey);
  if (!view.q) return { view, items: [], total: 0, totalIsCapped: false };
  return { view, ...(await searchProducts(view.q, view.page, PAGE_SIZE)) };
}
