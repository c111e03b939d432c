"use server";

import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { currentCartId } from "@/lib/shopper/current-cart";
import { fieldErrors, type FieldErrors } from "@/lib/http/json";
import { getOciState } from "@/lib/oci/next/current";
import { checkoutFormToObject, checkoutSchema } from "@/lib/orders/checkout-schema";
import { placeWebOrder } from "@/lib/orders/checkout";

export type CheckoutState = { error?: string; fields?: FieldErrors; values?: Record<string, string> };

// React resets a form after its action; echoing what was typed keeps it in the fields.
function typedValues(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string" && k !== "idempotencyKey" && !k.startsWith("$")) out[k] = v.slice(0, 600);
  return out;
}

export async function placeOrderAction(prev: CheckoutState, form: FormData): Promise<CheckoutState> {
  const result = await placeOrder(form);
  return { ...result, values: typedValues(form) };
}

async function placeOrder(form: FormData): Promise<CheckoutState> {
  const viewer = await getViewer();
  if (!viewer) redirect("/login?next=/checkout");
  if ((await getOciState()).state === "active") return { error: "In a punchout session the order is placed by your procurement system. Use “Return to Procurement System” in the cart." };
  const parsed = checkoutSchema.safeParse(checkoutFormToObject(form));
  if (!parsed.success) return { error: "Please correct the marked fields.", fields: fieldErrors(parsed.error) };
  const cartId = await currentCartId();
  if (!cartId) return { error: "Your cart is empty." };
  const input = parsed.data;
  const order = await placeWebOrder(viewer, cartId, {
      idempotencyKey: input.idempotencyKey,
      paymentMethod: viewer.customer.kind === "b2b" ? "invoice" : "bank_transfer",
      poReference: input.poReference,
      note: input.note,
      shippingAddress: input.shipping,
      billingAddress: input.billing,
  });
  if (!order.ok) return { error: order.message };
  redirect(`/account/orders/${order.id}?placed=1`);
}
