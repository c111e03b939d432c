"use client";

import { useActionState } from "react";
import type { AdminFormState } from "@/lib/admin/form";

/**
 * "Move up" / "Move down" among a category's siblings: two real buttons, each its own small form, so
 * they work from the keyboard and without JavaScript. The category's name is part of each button's
 * accessible name, so a screen reader's list of buttons tells them apart.
 */
export function ReorderButtons({ action, name, version, first, last }: { action: (prev: AdminFormState, form: FormData) => Promise<AdminFormState>; name: string; version: number; first: boolean; last: boolean }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      {(["up", "down"] as const).map((direction) => {
        const disabled = pending || (direction === "up" ? first : last);
        return (
          <form key={direction} action={formAction}>
            <input type="hidden" name="version" value={version} />
            <input type="hidden" name="direction" value={direction} />
            <button type="submit" className="btn-secondary px-2 py-0.5 text-xs" disabled={disabled} aria-disabled={disabled}>
              {direction === "up" ? "Move up" : "Move down"}
              <span className="sr-only"> {name}</span>
            </button>
          </form>
        );
      })}
      {state.error ? <span role="alert" className="text-xs text-red-800">{state.error}</span> : null}
    </span>
  );
}
