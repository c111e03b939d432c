"use server";

import { revalidatePath } from "next/cache";
import { formValues, refusedState, type AdminFormState } from "@/lib/admin/form";
import { requireAdmin } from "@/lib/admin/guard";
import { removeCustomerTier, setCustomerTier } from "@/lib/admin/prices";
import { tierSavedMessage } from "@/lib/admin/tier-messages";
import { getViewer } from "@/lib/auth/viewer";

export async function setCustomerTierAction(customerId: number, _prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  const values = formValues(form, ["sku", "minQuantity", "price"]);
  const result = await setCustomerTier(await getViewer(), customerId, values);
  if (!result.ok) return refusedState(result, values);
  revalidatePath(`/admin/customers/${customerId}/prices`);
  return { saved: tierSavedMessage(result) };
}

export async function removeCustomerTierAction(customerId: number, _prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  const values = formValues(form, ["productId", "minQuantity", "price"]);
  const result = await removeCustomerTier(await getViewer(), customerId, values);
  if (!result.ok) return refusedState(result, values);
  revalidatePath(`/admin/customers/${customerId}/prices`);
  return { saved: "Price removed." };
}
