"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formValues, refusedState, type AdminFormState } from "@/lib/admin/form";
import { requireAdmin } from "@/lib/admin/guard";
import { createPriceList, removePriceListTier, setPriceListTier, updatePriceList } from "@/lib/admin/prices";
import { getViewer } from "@/lib/auth/viewer";
import { tierSavedMessage } from "@/lib/admin/tier-messages";

const LIST_FIELDS = ["code", "name", "currency"] as const;

export async function createPriceListAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  const values = formValues(form, LIST_FIELDS);
  const result = await createPriceList(await getViewer(), values);
  if (!result.ok) return refusedState(result, values);
  revalidatePath("/admin/price-lists");
  redirect(`/admin/price-lists/${result.id}`);
}

export async function updatePriceListAction(id: number, _prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  const values = formValues(form, [...LIST_FIELDS, "version"]);
  const result = await updatePriceList(await getViewer(), id, values);
  if (!result.ok) return refusedState(result, values);
  revalidatePath(`/admin/price-lists/${id}`);
  return { saved: "Price list saved." };
}

export async function setPriceListTierAction(id: number, _prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  const values = formValues(form, ["sku", "minQuantity", "price"]);
  const result = await setPriceListTier(await getViewer(), id, values);
  if (!result.ok) return refusedState(result, values);
  revalidatePath(`/admin/price-lists/${id}`);
  return { saved: tierSavedMessage(result) };
}

export async function removePriceListTierAction(id: number, _prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  const values = formValues(form, ["productId", "minQuantity", "price"]);
  const result = await removePriceListTier(await getViewer(), id, values);
  if (!result.ok) return refusedState(result, values);
  revalidatePath(`/admin/price-lists/${id}`);
  return { saved: "Price removed." };
}
