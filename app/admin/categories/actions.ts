"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createCategory, deleteCategory, moveCategoryProducts, reorderCategory, updateCategory } from "@/lib/admin/categories";
import { formValues, refusedState, type AdminFormState } from "@/lib/admin/form";
import { requireAdmin } from "@/lib/admin/guard";
import { getViewer } from "@/lib/auth/viewer";

const CATEGORY_FIELDS = ["name", "slug", "parentId", "description"] as const;

export async function createCategoryAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  const values = formValues(form, CATEGORY_FIELDS);
  const result = await createCategory(await getViewer(), values);
  if (!result.ok) return refusedState(result, values);
  revalidatePath("/admin/categories");
  return { saved: `Category “${(values.name ?? "").trim()}” added (slug ${result.slug}).` };
}

export async function updateCategoryAction(id: number, _prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  const values = formValues(form, [...CATEGORY_FIELDS, "version"]);
  const result = await updateCategory(await getViewer(), id, values);
  if (!result.ok) return refusedState(result, values);
  revalidatePath("/admin/categories", "layout");
  return { saved: "Category saved." };
}

export async function reorderCategoryAction(id: number, _prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  const values = formValues(form, ["version", "direction"]);
  const result = await reorderCategory(await getViewer(), id, values);
  if (!result.ok) return refusedState(result, values);
  revalidatePath("/admin/categories", "layout");
  return { saved: values.direction === "up" ? "Moved up." : "Moved down." };
}

export async function moveCategoryProductsAction(id: number, _prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  const values = formValues(form, ["targetId"]);
  const result = await moveCategoryProducts(await getViewer(), id, values);
  if (!result.ok) return refusedState(result, values);
  revalidatePath("/admin/categories", "layout");
  return { saved: `${result.moved} ${result.moved === 1 ? "product" : "products"} moved.` };
}

export async function deleteCategoryAction(id: number, _prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  const values = formValues(form, ["version", "slug"]);
  const result = await deleteCategory(await getViewer(), id, values);
  if (!result.ok) return refusedState(result, values);
  revalidatePath("/admin/categories");
  redirect(`/admin/categories?deleted=${encodeURIComponent(values.slug ?? "")}`);
}
