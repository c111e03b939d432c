"use server";

import { redirect } from "next/navigation";
import type { OciForm } from "@/lib/oci/basket";
import { nextCookieJar } from "@/lib/oci/next/jar";
import { cancelFromBrowser, RETURN_MESSAGES, snapshotIdSchema, transferFromBrowser } from "@/lib/oci/next/return";
import { endPunchout } from "@/lib/oci/punchout-session";
import type { CartView } from "@/lib/shopper/cart-view-types";
import { currentCartView } from "@/lib/shopper/cart-view";

export type HookSubmission = Pick<OciForm, "action" | "target" | "charset" | "fields">;
export type ReturnActionResult = { ok: true; form: HookSubmission } | { ok: false; message: string; cart?: CartView };

/** "Return to Procurement System": record the snapshot first; the client posts it to the hook after. */
export async function transferBasketAction(snapshotId: unknown): Promise<ReturnActionResult> {
  const id = snapshotIdSchema.safeParse(snapshotId);
  if (!id.success) return { ok: false, message: RETURN_MESSAGES.changed, cart: await currentCartView() };
  const result = await transferFromBrowser(id.data, "confirm");
  if (result.ok) return { ok: true, form: { action: result.record.hookUrl, target: result.record.target, charset: result.record.charset, fields: result.record.fields } };
  if (result.reason === "changed") return { ok: false, message: RETURN_MESSAGES.changed, cart: await currentCartView() };
  return { ok: false, message: RETURN_MESSAGES[result.reason] };
}

/** "Cancel": the session ends without an order; the client posts the echo fields to the hook after. */
export async function cancelBasketAction(): Promise<ReturnActionResult> {
  const result = await cancelFromBrowser();
  if (result.ok) return { ok: true, form: { action: result.hookUrl, target: result.target, charset: result.charset, fields: result.fields } };
  return { ok: false, message: RETURN_MESSAGES[result.reason] };
}

export async function leavePunchoutAction() {
  await endPunchout(await nextCookieJar(), "cancelled");
  redirect("/");
}
