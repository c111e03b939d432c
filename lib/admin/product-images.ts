import "server-only";
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { productImages, products } from "@/db/schema";
import type { Viewer } from "@/lib/auth/session-viewer";
import { catalogChanged } from "@/lib/catalog/cache-policy";
import { getDb } from "@/lib/db/client";
import { recordAudit } from "./audit";
import { adminOf } from "./operator";
import { MAX_IMAGE_BYTES, sniffImageType } from "./image-type";
import { NOT_FOUND, refused, type WriteResult } from "./result";

/** The one writer of product_images: the picture and the product's image version change together. */
export async function saveProductImage(viewer: Viewer | null, productId: number, bytes: Uint8Array): Promise<WriteResult<{ id: number }>> {
  const admin = adminOf(viewer);
  if (!admin) return NOT_FOUND;
  if (bytes.byteLength === 0) return refused("Choose a picture to upload.", { image: "Choose a PNG, JPEG or WebP file" });
  if (bytes.byteLength > MAX_IMAGE_BYTES) return refused("The picture is too large.", { image: "At most 2 MB" });
  const contentType = sniffImageType(bytes);
  if (!contentType) return refused("This file is not a picture the shop can show.", { image: "Only PNG, JPEG or WebP files" });
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const db = await getDb();
  const result = await db.transaction(async (tx): Promise<WriteResult<{ id: number }>> => {
    const [product] = await tx.select({ sku: products.sku, imageVersion: products.imageVersion }).from(products).where(eq(products.id, productId)).for("update").limit(1);
    if (!product) return NOT_FOUND;
    const [old] = await tx.select({ sha256: productImages.sha256 }).from(productImages).where(eq(productImages.productId, productId)).limit(1);
    if (old?.sha256 === sha256) return { ok: true, id: productId };
    await tx
      .insert(productImages)
      .values({ productId, contentType, bytes, sha256 })
      .onConflictDoUpdate({ target: productImages.productId, set: { contentType, bytes, sha256, updatedAt: new Date() } });
    await tx.update(products).set({ imageVersion: product.imageVersion + 1 }).where(eq(products.id, productId));
    await recordAudit(tx, admin, { entity: "product", entityId: productId, entityLabel: product.sku, action: "image", changes: [{ field: "image", from: old ? `sha256 ${old.sha256.slice(0, 12)}` : "generated", to: `${contentType} ${bytes.byteLength} bytes, sha256 ${sha256.slice(0, 12)}` }] });
    return { ok: true, id: productId };
  });
  if (result.ok) catalogChanged();
  return result;
}

/** Back to the generated picture. */
export async function removeProductImage(viewer: Viewer | null, productId: number): Promise<WriteResult<{ id: number }>> {
  const admin = adminOf(viewer);
  if (!admin) return NOT_FOUND;
  const db = await getDb();
  const result = await db.transaction(async (tx): Promise<WriteResult<{ id: number }>> => {
    const [product] = await tx.select({ sku: products.sku, imageVersion: products.imageVersion }).from(products).where(eq(products.id, productId)).for("update").limit(1);
    if (!product) return NOT_FOUND;
    const removed = await tx.delete(productImages).where(eq(productImages.productId, productId)).returning({ sha256: productImages.sha256 });
    if (removed.length === 0) return { ok: true, id: productId };
    await tx.update(products).set({ imageVersion: product.imageVersion + 1 }).where(eq(products.id, productId));
    await recordAudit(tx, admin, { entity: "product", entityId: productId, entityLabel: product.sku, action: "image", changes: [{ field: "image", from: `sha256 ${removed[0]!.sha256.slice(0, 12)}`, to: "generated" }] });
    return { ok: true, id: productId };
  });
  if (result.ok) catalogChanged();
  return result;
}
