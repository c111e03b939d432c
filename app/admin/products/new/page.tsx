import type { Metadata } from "next";
import { AdminHeading } from "@/components/admin/admin-heading";
import { ProductForm } from "@/components/admin/product-form";
import { requireAdmin } from "@/lib/admin/guard";
import { categoryChoices } from "@/lib/admin/products";
import { getViewer } from "@/lib/auth/viewer";
import { saveProductAction } from "../actions";
import { NEW_PRODUCT_VALUES } from "../page-data";

export const metadata: Metadata = { title: "New product" };

export default async function NewProductPage() {
  await requireAdmin();
  const choices = await categoryChoices(await getViewer());
  return (
    <>
      <AdminHeading title="New product" back={{ href: "/admin/products", label: "Products" }} />
      <ProductForm action={saveProductAction} initial={NEW_PRODUCT_VALUES} categories={choices ?? []} />
    </>
  );
}
