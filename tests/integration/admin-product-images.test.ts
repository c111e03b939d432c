import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { productImages, products } from "@/db/schema";
import { listAudit } from "@/lib/admin/audit";
import { MAX_IMAGE_BYTES, sniffImageType } from "@/lib/admin/image-type";
import { removeProductImage, saveProductImage } from "@/lib/admin/product-images";
import { productForImage } from "@/lib/catalog/image";
import { makeWorld } from "../support/fixtures";

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]);
const WEBP = Uint8Array.from([0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50]);

describe("product pictures", () => {
  it("knows pictures by their bytes, not their names", () => {
    expect(sniffImageType(PNG)).toBe("image/png");
    expect(sniffImageType(JPEG)).toBe("image/jpeg");
    expect(sniffImageType(WEBP)).toBe("image/webp");
    expect(sniffImageType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'))).toBeNull();
    expect(sniffImageType(Buffer.from("<!doctype html><script>alert(1)</script>"))).toBeNull();
  });

  it("stores an upload, counts the picture version up, audits it, and goes back to the generated one", async () => {
    const w = await makeWorld();
    const p = w.products[0]!;
    expect(await saveProductImage(w.buyerViewer, p.id, PNG)).toMatchObject({ ok: false, code: "not_found" });
    expect(await w.db.select().from(productImages).where(eq(productImages.productId, p.id))).toHaveLength(0);

    expect(await saveProductImage(w.adminViewer, p.id, PNG)).toEqual({ ok: true, id: p.id });
    const stored = await productForImage(p.sku);
    expect(stored).toMatchObject({ imageVersion: 1, uploaded: { contentType: "image/png" } });
    expect(Buffer.from(stored!.uploaded!.bytes).equals(PNG)).toBe(true);
    // The same bytes again change nothing.
    await saveProductImage(w.adminViewer, p.id, PNG);
    expect((await productForImage(p.sku))!.imageVersion).toBe(1);

    expect((await removeProductImage(w.adminViewer, p.id)).ok).toBe(true);
    expect(await productForImage(p.sku)).toMatchObject({ imageVersion: 2, uploaded: null });
    const history = await listAudit(w.adminViewer, { entity: "product", entityId: p.id });
    expect(history!.entries.map((e) => [e.action, e.changes[0]!.to?.split(" ")[0]])).toEqual([
      ["image", "generated"],
      ["image", "image/png"],
    ]);
    // A picture upload is not a product edit: an open edit form (its version) stays valid.
    const [row] = await w.db.select({ version: products.version }).from(products).where(eq(products.id, p.id));
    expect(row!.version).toBe(p.version);
  });

  it("refuses what is not a picture, too large or empty, and keeps the old picture", async () => {
    const w = await makeWorld();
    const p = w.products[1]!;
    await saveProductImage(w.adminViewer, p.id, PNG);
    for (const bytes of [Buffer.from("<svg/>"), new Uint8Array(0), Buffer.concat([PNG, Buffer.alloc(MAX_IMAGE_BYTES)])]) {
      expect(await saveProductImage(w.adminViewer, p.id, bytes)).toMatchObject({ ok: false, code: "refused", fields: { image: expect.any(String) } });
    }
    expect((await productForImage(p.sku))!.imageVersion).toBe(1);
  });
});
