/**
 * A product picture's address. The version is part of it, so a cached page always names the picture
 * it was rendered with and the picture itself can be cached for good.
 */
export function productImageUrl(product: { sku: string; imageVersion: number }): string {
  return `/images/products/${encodeURIComponent(product.sku)}?v=${product.imageVersion}`;
}
