"use client";

import { useActionState } from "react";
import { changeOrderStatusAction } from "@/app/admin/orders/actions";
import { FormStatus } from "@/components/admin/form-status";
import { SaveButton } from "@/components/admin/save-button";
import type { AdminFormState } from "@/lib/admin/form";
import { ORDER_STATUS_LABELS } from "@/lib/orders/labels";
import { STATUS_ACTIONS, type OrderStatus, type StatusAction } from "@/lib/orders/status-rules";

/**
 * The status buttons of a web order: only the changes its status allows. The form names the status
 * the operator saw, so a change someone else made meanwhile is reported, not overwritten.
 */
export function OrderStatusForm({ id, status, actions }: { id: string; status: OrderStatus; actions: StatusAction[] }) {
  const [state, action] = useActionState<AdminFormState, FormData>(changeOrderStatusAction, {});
  return (
    <form action={action} className="card space-y-3 p-4" aria-labelledby="status-heading">
      <h2 id="status-heading" className="text-lg font-semibold">Status</h2>
      <FormStatus error={state.error} saved={state.saved} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="expected" value={status} />
      {actions.length === 0 ? (
        <p className="text-sm text-slate-700">No further status changes: the order is {ORDER_STATUS_LABELS[status].toLowerCase()}.</p>
      ) : (
        <div className="flex flex-wrap gap-2">
          {actions.map((a) => (
            <SaveButton key={a} name="action" value={a} label={STATUS_ACTIONS[a].label} className={a === "cancel" ? "btn-secondary" : "btn-primary"} />
          ))}
        </div>
      )}
    </form>
  );
}
