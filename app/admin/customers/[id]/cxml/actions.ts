"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { removeCustomerCxml, saveCustomerCxml, type CxmlSettingsFields } from "@/lib/admin/cxml-settings";
import { formValues, type AdminFormState } from "@/lib/admin/form";
import { requireAdmin } from "@/lib/admin/guard";
import { getViewer } from "@/lib/auth/viewer";

const ref = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647), version: z.coerce.number().int().min(0).max(2_147_483_647) });

/** The form's fields as typed; the secret is never sent back to the page. */
const SHOWN = ["enabled", "fromDomain", "fromIdentity", "senderDomain", "senderIdentity", "toDomain", "toIdentity", "defaultUserId", "returnField"] as const;

export async function saveCxmlSettingsAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  const values = formValues(form, SHOWN);
  const target = ref.safeParse({ id: form.get("id"), version: form.get("version") });
  if (!target.success) return { error: "This form is out of date. Reload the page.", values };
  const secret = form.get("sharedSecret");
  const sharedSecret = typeof secret === "string" ? secret : "";
  const result = await saveCustomerCxml(await getViewer(), {
    customerId: target.data.id,
    version: target.data.version,
    // As typed: saveCustomerCxml validates every field (a forged form gets field errors, not a write).
    fields: { ...values, enabled: values.enabled === "on", sharedSecret } as CxmlSettingsFields,
  });
  if (!result.ok) {
    const fields = { ...result.fields };
    // The typed secret is not echoed into the page: say so where it was typed.
    if (sharedSecret && !fields.sharedSecret) fields.sharedSecret = "Not saved yet: type the new secret again.";
    return { error: result.message, fields, values };
  }
  redirect(`/admin/customers/${target.data.id}/cxml?saved=${result.changed ? "1" : "unchanged"}`);
}

export async function removeCxmlSettingsAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  const target = ref.safeParse({ id: form.get("id"), version: form.get("version") });
  if (!target.success) return { error: "This form is out of date. Reload the page." };
  const result = await removeCustomerCxml(await getViewer(), { customerId: target.data.id, version: target.data.version });
  if (!result.ok) return { error: result.message };
  redirect(`/admin/customers/${target.data.id}/cxml?saved=removed`);
}
