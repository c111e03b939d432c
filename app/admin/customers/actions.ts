"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { customerFields, customerFormToObject, customerFormValues, newCustomerFields, userFields } from "@/lib/admin/customer-schema";
import { createCustomer, updateCustomer } from "@/lib/admin/customers";
import { formValues, refusedState, type AdminFormState } from "@/lib/admin/form";
import { requireAdmin } from "@/lib/admin/guard";
import { createUser, resetUserPassword, setUserActive, updateUser } from "@/lib/admin/users";
import { getViewer } from "@/lib/auth/viewer";
import { fieldErrors } from "@/lib/http/json";

/** A form's answer that carries a generated password: shown once on the page, kept nowhere. */
export type PasswordFormState = AdminFormState & { created?: { id: number; email: string; password: string } };

const id = z.coerce.number().int().positive().max(2_147_483_647);
const version = z.coerce.number().int().positive().max(2_147_483_647);

/** The customer's page and its user pages show the change (and the new versions) at once. */
const refreshCustomer = (customerId: number) => revalidatePath(`/admin/customers/${customerId}`, "layout");

/** Hidden ids and versions come from our own page: if they are not numbers, the page is stale or forged. */
const STALE: AdminFormState = { error: "This form is out of date. Reload the page and try again." };

export async function createCustomerAction(_prev: PasswordFormState, form: FormData): Promise<PasswordFormState> {
  await requireAdmin();
  const values = customerFormValues(form);
  const parsed = newCustomerFields.safeParse(customerFormToObject(form));
  if (!parsed.success) return { error: "Please correct the marked fields.", fields: fieldErrors(parsed.error), values };
  const result = await createCustomer(await getViewer(), parsed.data);
  if (!result.ok) return refusedState(result, values);
  revalidatePath("/admin/customers");
  return { saved: `Customer ${parsed.data.name} created with its first buyer.`, created: { id: result.id, email: result.email, password: result.password } };
}

export async function updateCustomerAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  const values = customerFormValues(form);
  const ids = z.object({ id, version }).safeParse({ id: form.get("id"), version: form.get("version") });
  if (!ids.success) return { ...STALE, values };
  const parsed = customerFields.safeParse(customerFormToObject(form));
  if (!parsed.success) return { error: "Please correct the marked fields.", fields: fieldErrors(parsed.error), values };
  const result = await updateCustomer(await getViewer(), ids.data.id, ids.data.version, parsed.data);
  if (!result.ok) return refusedState(result, values);
  refreshCustomer(ids.data.id);
  return { saved: "Saved." };
}

const USER_FIELDS = ["email", "name", "role", "version"] as const;

export async function createUserAction(_prev: PasswordFormState, form: FormData): Promise<PasswordFormState> {
  await requireAdmin();
  const values = formValues(form, USER_FIELDS);
  const customerId = id.safeParse(form.get("customerId"));
  if (!customerId.success) return { ...STALE, values };
  const parsed = userFields.safeParse(values);
  if (!parsed.success) return { error: "Please correct the marked fields.", fields: fieldErrors(parsed.error), values };
  const result = await createUser(await getViewer(), customerId.data, parsed.data);
  if (!result.ok) return refusedState(result, values);
  refreshCustomer(customerId.data);
  return { saved: `User ${result.email} added.`, created: { id: result.id, email: result.email, password: result.password } };
}

export async function updateUserAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  const values = formValues(form, USER_FIELDS);
  const ids = z.object({ id, version, customerId: id }).safeParse({ id: form.get("userId"), version: form.get("version"), customerId: form.get("customerId") });
  if (!ids.success) return { ...STALE, values };
  const parsed = userFields.safeParse(values);
  if (!parsed.success) return { error: "Please correct the marked fields.", fields: fieldErrors(parsed.error), values };
  const result = await updateUser(await getViewer(), ids.data.id, ids.data.version, parsed.data);
  if (!result.ok) return refusedState(result, values);
  refreshCustomer(ids.data.customerId);
  return { saved: "Saved." };
}

const rowIds = z.object({ id, version, customerId: id });

/** The "Disable" / "Enable" button of a user row. */
export async function setUserActiveAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  const ids = rowIds.safeParse({ id: form.get("userId"), version: form.get("version"), customerId: form.get("customerId") });
  const active = form.get("active");
  if (!ids.success || (active !== "true" && active !== "false")) return STALE;
  const result = await setUserActive(await getViewer(), ids.data.id, ids.data.version, active === "true");
  if (!result.ok) return { error: result.message };
  refreshCustomer(ids.data.customerId);
  return { saved: active === "true" ? "Enabled." : "Disabled; their sessions have ended." };
}

/** "Set a new password": the new one comes back once, in this answer only. */
export async function resetPasswordAction(_prev: PasswordFormState, form: FormData): Promise<PasswordFormState> {
  await requireAdmin();
  const ids = rowIds.safeParse({ id: form.get("userId"), version: form.get("version"), customerId: form.get("customerId") });
  if (!ids.success) return STALE;
  const result = await resetUserPassword(await getViewer(), ids.data.id, ids.data.version);
  if (!result.ok) return { error: result.message };
  refreshCustomer(ids.data.customerId);
  return { saved: "New password set; their sessions have ended.", created: { id: result.id, email: String(form.get("email") ?? ""), password: result.password } };
}
