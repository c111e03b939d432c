import { z } from "zod";
import { guarded } from "@/lib/http/guard";
import { productForImage } from "@/lib/catalog/image";
import { productImageSvg } from "@/lib/catalog/product-image";

const skuSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9._-]+$/);

export const GET = guarded(async (_request: Request, { params }: { params: Promise<{ sku: string }> }) => {
  const sku = skuSchema.safeParse((await params).sku);
  const product = sku.success ? await productForImage(sku.data) : null;
  if (!product) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain" } });
  return new Response(productImageSvg(product), {
    headers: {
      "Content-Type": "image/svg+xml; charset=utf-8",
      "Cache-Control": "public, max-age=86400, stale-while-revalidate=604800",
      // An SVG is a document: never let it run script, even if opened directly.
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
    },
  });
});
