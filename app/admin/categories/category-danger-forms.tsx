"use client";

import { useActionState } from "react";
import { FormStatus } from "@/components/admin/form-status";
import { SaveButton } from "@/components/admin/save-button";
import type { AdminFormState } from "@/lib/admin/form";
import type { CategoryOption } from "@/lib/admin/categories";

type Action = (prev: AdminFormState, form: FormData) => Promise<AdminFormState>;

/** "Move all products to …": every product of this category to the chosen one, in one go. */
export function MoveProductsForm({ action, options, count }: { action: Action; options: CategoryOption[]; count: number }) {
  const [state, formAction] = useActionState(action, {});
  const error = state.fields?.targetId;
  return (
    <form action={formAction} noValidate className="space-y-3">
      <FormStatus error={state.fields ? undefined : state.error} saved={state.saved} />
      <div>
        <label htmlFor="targetId" className="label">Move all {count} {count === 1 ? "product" : "products"} to …</label>
        <select id="targetId" name="targetId" className="input" defaultValue={state.values?.targetId ?? ""} aria-invalid={Boolean(error)} aria-describedby="targetId-error" required>
          <option value="">Choose a category</option>
          {options.map((o) => (
            <option key={o.id} value={o.id}>{o.label}</option>
          ))}
        </select>
        <p id="targetId-error" className="field-error">{error}</p>
      </div>
      <SaveButton label="Move all products" pendingLabel="Moving…" className="btn-secondary" />
    </form>
  );
}

/** Deleting is refused (with the reason) while the category has products or subcategories. */
export function DeleteCategoryForm({ action, version, slug }: { action: Action; version: number; slug: string }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-3">
      <FormStatus error={state.error} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="slug" value={slug} />
      <SaveButton label="Delete category" pendingLabel="Deleting…" className="btn-secondary border-red-300 text-red-800 hover:bg-red-50" />
    </form>
  );
}
