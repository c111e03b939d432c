"use server";

import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { currentCartId } from "@/lib/cart/current";
import { fieldErrors, type FieldErrors } from "@/lib/http/json";
import { getOciState } from "@/lib/oci/current";
import { checkoutFormToObject, checkoutSchema } from "@/lib/orders/checkout-schema";
import { OrderError, placeOrderFromCart } from "@/lib/orders/store";

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
  let orderId: string;
  try {
    const order = await placeOrderFromCart(viewer, cartId, {
      channel: "web",
      status: "placed",
      idempotencyKey: input.idempotencyKey,
      paymentMethod: viewer.customer.kind === "b2b" ? "invoice" : "bank_transfer",
      poReference: input.poReference,
      note: input.note,
      shippingAddress: input.shipping,
      billingAddress: input.billing,
    });
    orderId = order.id;
  } catch (error) {
    if (error instanceof OrderError) return { error: error.message };
    throw error;
  }
  redirect(`/account/orders/${orderId}?placed=1`);
}
