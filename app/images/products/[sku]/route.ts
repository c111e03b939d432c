import { z } from "zod";
import { guarded } from "@/lib/http/guard";
import { productForImage } from "@/lib/catalog/image";
import { productImageSvg } from "@/lib/catalog/product-image";

const skuSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9._-]+$/);

// A URL naming the current picture version never changes its bytes: browsers and CDNs keep it.
const FOREVER = "public, max-age=31536000, immutable";
const A_DAY = "public, max-age=86400, stale-while-revalidate=604800";
// An old or missing version number (a page cached before an upload): the current picture, briefly.
const BRIEFLY = "public, max-age=60";

export const GET = guarded(async (request: Request, { params }: { params: Promise<{ sku: string }> }) => {
  const sku = skuSchema.safeParse((await params).sku);
  const product = sku.success ? await productForImage(sku.data) : null;
  if (!product) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain" } });
  const current = new URL(request.url).searchParams.get("v") === String(product.imageVersion);
  if (product.uploaded?.sha256) {
    return new Response(new Uint8Array(product.uploaded.bytes), {
      headers: {
        "Content-Type": product.uploaded.contentType,
        "Cache-Control": current ? FOREVER : BRIEFLY,
        ETag: `"${product.uploaded.sha256}"`,
        "Content-Security-Policy": "default-src 'none'",
      },
    });
  }
  return new Response(productImageSvg(product), {
    headers: {
      "Content-Type": "image/svg+xml; charset=utf-8",
      "Cache-Control": current ? A_DAY : BRIEFLY,
      // An SVG is a document: never let it run script, even if opened directly.
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
    },
  });
});
