"use client";

import { useActionState } from "react";
import { FormStatus } from "@/components/admin/form-status";
import { SaveButton } from "@/components/admin/save-button";
import { Field } from "@/components/ui/field";
import type { AdminFormState } from "@/lib/admin/form";
import type { CategoryOption } from "@/lib/admin/categories";

type Initial = { name: string; slug: string; parentId: number | null; description: string; version: number };

/** Add a category (no `initial`) or edit one: name, slug, parent and description. */
export function CategoryForm({ action, options, initial }: { action: (prev: AdminFormState, form: FormData) => Promise<AdminFormState>; options: CategoryOption[]; initial?: Initial }) {
  const [state, formAction] = useActionState(action, {});
  const f = state.fields ?? {};
  const v = state.values;
  const prefix = initial ? "edit" : "new";
  const value = (name: keyof Omit<Initial, "version">) => v?.[name] ?? (initial ? String(initial[name] ?? "") : "");
  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormStatus error={state.error} saved={state.saved} />
      {initial ? <input type="hidden" name="version" value={initial.version} /> : null}
      <Field name="name" label="Name" defaultValue={value("name")} error={f.name} required maxLength={120} />
      <div>
        <label htmlFor={`${prefix}-slug`} className="label">Slug (web address; leave empty to make one from the name)</label>
        <input id={`${prefix}-slug`} name="slug" className="input" defaultValue={value("slug")} aria-invalid={Boolean(f.slug)} aria-describedby={`${prefix}-slug-error`} maxLength={80} />
        <p id={`${prefix}-slug-error`} className="field-error">{f.slug}</p>
      </div>
      <div>
        <label htmlFor={`${prefix}-parentId`} className="label">Parent category</label>
        <select id={`${prefix}-parentId`} name="parentId" className="input" defaultValue={value("parentId")} aria-invalid={Boolean(f.parentId)} aria-describedby={`${prefix}-parentId-error`}>
          <option value="">— none (top level) —</option>
          {options.map((o) => (
            <option key={o.id} value={o.id}>{o.label}</option>
          ))}
        </select>
        <p id={`${prefix}-parentId-error`} className="field-error">{f.parentId}</p>
      </div>
      <div>
        <label htmlFor={`${prefix}-description`} className="label">Description</label>
        <textarea id={`${prefix}-description`} name="description" className="input min-h-24" defaultValue={value("description")} aria-invalid={Boolean(f.description)} aria-describedby={`${prefix}-description-error`} maxLength={2000} />
        <p id={`${prefix}-description-error`} className="field-error">{f.description}</p>
      </div>
      <SaveButton label={initial ? "Save category" : "Add category"} />
    </form>
  );
}
