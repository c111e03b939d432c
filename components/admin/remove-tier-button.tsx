"use client";

import { useActionState } from "react";
import type { AdminFormState } from "@/lib/admin/form";

/** Removes one tier; the form carries the price shown, so a tier changed meanwhile is kept. */
export function RemoveTierButton({ action, productId, minQuantity, price, description }: { action: (prev: AdminFormState, form: FormData) => Promise<AdminFormState>; productId: number; minQuantity: number; price: string; description: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="inline">
      <input type="hidden" name="productId" value={productId} />
      <input type="hidden" name="minQuantity" value={minQuantity} />
      <input type="hidden" name="price" value={price} />
      <button type="submit" className="text-sm text-red-800 underline disabled:opacity-60" disabled={pending} aria-disabled={pending}>
        Remove<span className="sr-only"> {description}</span>
      </button>
      {state.error ? <span role="alert" className="ml-2 text-sm text-red-800">{state.error}</span> : null}
    </form>
  );
}
