import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ActionButton } from "@/components/admin/action-button";
import { AdminHeading } from "@/components/admin/admin-heading";
import { AuditTable } from "@/components/admin/audit-table";
import { ImageUpload } from "@/components/admin/image-upload";
import { ProductForm } from "@/components/admin/product-form";
import { listAudit } from "@/lib/admin/audit";
import { requireAdmin } from "@/lib/admin/guard";
import { categoryChoices, getProductForAdmin } from "@/lib/admin/products";
import { getViewer } from "@/lib/auth/viewer";
import { productImageUrl } from "@/lib/catalog/image-url";
import { removeProductImageAction, saveProductAction, setProductActiveAction, uploadProductImageAction } from "../actions";
import { productFormValues, SAVED_MESSAGES } from "../page-data";

export const metadata: Metadata = { title: "Product" };

const params = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

export default async function AdminProductPage({ params: raw, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> }) {
  await requireAdmin();
  const parsed = params.safeParse(await raw);
  if (!parsed.success) notFound();
  const viewer = await getViewer();
  const [product, choices, history, { saved }] = await Promise.all([
    getProductForAdmin(viewer, parsed.data.id),
    categoryChoices(viewer),
    listAudit(viewer, { entity: "product", entityId: parsed.data.id, limit: 20 }),
    searchParams,
  ]);
  if (!product) notFound();
  return (
    <>
      <AdminHeading title={product.name} back={{ href: "/admin/products", label: "Products" }}>
        {product.active ? <Link href={`/products/${product.slug}`} className="btn-secondary">View in the shop</Link> : null}
        <ActionButton
          action={setProductActiveAction}
          hidden={{ id: product.id, version: product.version, active: String(!product.active) }}
          label={product.active ? "Deactivate" : "Activate"}
        />
      </AdminHeading>
      {!product.active ? <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">Inactive: the shop does not show this product.</p> : null}
      <ProductForm key={product.version} action={saveProductAction} initial={productFormValues(product)} categories={choices ?? []} id={product.id} version={product.version} saved={saved ? SAVED_MESSAGES[saved] : undefined} />
      <section aria-labelledby="picture-heading" className="card flex flex-wrap gap-6 p-6">
        <div>
          <h2 id="picture-heading" className="mb-2 text-lg font-semibold">Picture</h2>
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={productImageUrl(product)} alt={`Picture of ${product.name}`} width={160} height={160} className="rounded border border-slate-200 bg-slate-100" />
          <p className="mt-1 text-sm text-slate-700">{product.image ? `Uploaded (${product.image.contentType})` : "Generated default picture"}</p>
        </div>
        <div className="space-y-4">
          <ImageUpload action={uploadProductImageAction} productId={product.id} />
          {product.image ? <ActionButton action={removeProductImageAction} hidden={{ id: product.id }} label="Use the generated picture" /> : null}
        </div>
      </section>
      <section aria-labelledby="history-heading">
        <h2 id="history-heading" className="mb-2 text-lg font-semibold">History</h2>
        <AuditTable entries={history?.entries ?? []} caption="History of this product" />
      </section>
    </>
  );
}
