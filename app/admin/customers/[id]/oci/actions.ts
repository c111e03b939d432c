"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import type { AdminFormState } from "@/lib/admin/form";
import { requireAdmin } from "@/lib/admin/guard";
import { saveOciProfile } from "@/lib/admin/oci-profiles";
import { profileFromForm } from "@/lib/admin/oci-profile-form";
import { categoryChoices } from "@/lib/admin/products";
import { getViewer } from "@/lib/auth/viewer";

const ref = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647), version: z.coerce.number().int().min(0) });

export async function saveOciProfileAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  const values: Record<string, string> = {};
  for (const [name, value] of form.entries()) if (typeof value === "string" && !name.startsWith("$")) values[name] = value;
  const target = ref.safeParse({ id: form.get("id"), version: form.get("version") });
  if (!target.success) return { error: "This form is out of date. Reload the page.", values };
  const viewer = await getViewer();
  const categories = (await categoryChoices(viewer)) ?? [];
  const parsed = profileFromForm(values, categories.map((c) => c.id));
  if (!parsed.ok) return { error: "Please correct the marked fields.", fields: parsed.fields, values };
  const result = await saveOciProfile(viewer, target.data.id, target.data.version, parsed.profile);
  if (!result.ok) return { error: result.message, fields: result.fields, values };
  redirect(`/admin/customers/${target.data.id}/oci?saved=1`);
}
