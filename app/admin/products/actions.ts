"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { formValues, refusedState, type AdminFormState } from "@/lib/admin/form";
import { requireAdmin } from "@/lib/admin/guard";
import { removeProductImage, saveProductImage } from "@/lib/admin/product-images";
import { newProductFields, productFields } from "@/lib/admin/product-schema";
import { createProduct, setProductActive, updateProduct } from "@/lib/admin/products";
import { getViewer } from "@/lib/auth/viewer";
import { fieldErrors } from "@/lib/http/json";

const TEXT_FIELDS = ["sku", "name", "description", "manufacturer", "manufacturerPartNumber", "unit", "priceUnit", "listPrice", "currency", "vatRate", "leadTimeDays", "unspsc", "categoryId", "stock", "minQuantity", "packQuantity"] as const;
const CHECKBOXES = ["active", "featured"] as const;

const ref = z.object({ id: z.coerce.number().int().positive(), version: z.coerce.number().int().positive() });

/** Create (no id) or save an edit made from `version`; success goes to the product's page. */
export async function saveProductAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  const values = formValues(form, [...TEXT_FIELDS, ...CHECKBOXES]);
  const input = { ...values, active: values.active === "on", featured: values.featured === "on" };
  const isNew = !form.get("id");
  let id: number;
  if (isNew) {
    const parsed = newProductFields.safeParse(input);
    if (!parsed.success) return { error: "Please correct the marked fields.", fields: fieldErrors(parsed.error), values };
    const result = await createProduct(await getViewer(), parsed.data);
    if (!result.ok) return refusedState(result, values);
    id = result.id;
  } else {
    const target = ref.safeParse({ id: form.get("id"), version: form.get("version") });
    if (!target.success) return { error: "This form is out of date. Reload the page.", values };
    const parsed = productFields.safeParse(input);
    if (!parsed.success) return { error: "Please correct the marked fields.", fields: fieldErrors(parsed.error), values };
    const result = await updateProduct(await getViewer(), target.data.id, target.data.version, parsed.data);
    if (!result.ok) return refusedState(result, values);
    id = result.id;
  }
  redirect(`/admin/products/${id}?saved=${isNew ? "created" : "1"}`);
}

export async function setProductActiveAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  const target = ref.safeParse({ id: form.get("id"), version: form.get("version") });
  if (!target.success) return { error: "This form is out of date. Reload the page." };
  const result = await setProductActive(await getViewer(), target.data.id, target.data.version, form.get("active") === "true");
  if (!result.ok) return { error: result.message };
  redirect(`/admin/products/${target.data.id}?saved=1`);
}

export async function uploadProductImageAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  const id = z.coerce.number().int().positive().safeParse(form.get("id"));
  const file = form.get("image");
  if (!id.success) return { error: "This form is out of date. Reload the page." };
  if (!(file instanceof File) || file.size === 0) return { error: "Choose a picture to upload.", fields: { image: "Choose a PNG, JPEG or WebP file" } };
  const result = await saveProductImage(await getViewer(), id.data, new Uint8Array(await file.arrayBuffer()));
  if (!result.ok) return { error: result.message, fields: result.fields };
  redirect(`/admin/products/${id.data}?saved=image`);
}

export async function removeProductImageAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  const id = z.coerce.number().int().positive().safeParse(form.get("id"));
  if (!id.success) return { error: "This form is out of date. Reload the page." };
  const result = await removeProductImage(await getViewer(), id.data);
  if (!result.ok) return { error: result.message };
  redirect(`/admin/products/${id.data}?saved=image`);
}
