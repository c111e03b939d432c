"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { AdminFormState } from "@/lib/admin/form";
import { requireAdmin } from "@/lib/admin/guard";
import { changeOrderStatus } from "@/lib/admin/orders";
import { getViewer } from "@/lib/auth/viewer";
import { ORDER_STATUS_LABELS } from "@/lib/orders/labels";
import type { OrderStatus, StatusAction } from "@/lib/orders/status-rules";

const statusChange = z.object({
  id: z.uuid(),
  action: z.enum(["confirm", "ship", "cancel"] satisfies StatusAction[]),
  expected: z.enum(["placed", "confirmed", "shipped", "cancelled", "transferred"] satisfies OrderStatus[]),
});

export async function changeOrderStatusAction(_prev: AdminFormState, form: FormData): Promise<AdminFormState> {
  await requireAdmin();
  const parsed = statusChange.safeParse({ id: form.get("id"), action: form.get("action"), expected: form.get("expected") });
  if (!parsed.success) return { error: "This status change is not possible. Reload the page and try again." };
  const result = await changeOrderStatus(await getViewer(), parsed.data);
  if (!result.ok) return { error: result.message };
  revalidatePath(`/admin/orders/${result.id}`);
  return { saved: `Status changed to ${ORDER_STATUS_LABELS[result.status]}.` };
}
