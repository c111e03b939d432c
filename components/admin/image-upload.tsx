"use client";

import { useActionState, useState } from "react";
import type { AdminFormState } from "@/lib/admin/form";
import { FormStatus } from "./form-status";
import { SaveButton } from "./save-button";

const MAX_BYTES = 2 * 1024 * 1024;

/** Upload a product picture; a too-large file is refused before it is sent. */
export function ImageUpload({ action, productId }: { action: (state: AdminFormState, form: FormData) => Promise<AdminFormState>; productId: number }) {
  const [state, formAction] = useActionState(action, {});
  const [tooLarge, setTooLarge] = useState(false);
  const error = tooLarge ? "At most 2 MB" : state.fields?.image;
  return (
    <form action={formAction} className="space-y-2" onSubmit={(e) => tooLarge && e.preventDefault()}>
      <input type="hidden" name="id" value={productId} />
      <label htmlFor="image" className="label">New picture (PNG, JPEG or WebP, at most 2 MB)</label>
      <input
        id="image"
        name="image"
        type="file"
        accept="image/png,image/jpeg,image/webp"
        className="block text-sm"
        aria-invalid={Boolean(error)}
        aria-describedby="image-error"
        onChange={(e) => setTooLarge((e.currentTarget.files?.[0]?.size ?? 0) > MAX_BYTES)}
      />
      <p id="image-error" className="field-error">{error}</p>
      <FormStatus error={tooLarge ? undefined : state.error} />
      <SaveButton label="Upload picture" pendingLabel="Uploading…" className="btn-secondary" />
    </form>
  );
}
