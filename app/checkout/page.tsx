import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import { Link } from "@/components/ui/link";
import { redirect } from "next/navigation";
import { CheckoutForm } from "@/components/checkout/checkout-form";
import { getViewer } from "@/lib/auth/viewer";
import { currentCartView } from "@/lib/shopper/cart-view";
import { getOciState } from "@/lib/oci/next/current";

export const metadata: Metadata = { title: "Checkout" };

// Personal and rendered per request, in full before it is sent: it works without JavaScript.
export const instant = false;

export default async function CheckoutPage() {
  const viewer = await getViewer();
  if (!viewer) redirect("/login?next=/checkout");
  // In a punchout the procurement system places the order: the web checkout is not for it.
  if ((await getOciState()).state === "active") redirect("/cart");
  const cart = await currentCartView();
  if (cart.lines.length === 0) {
    return (
      <div className="card p-6">
        <h1 className="text-2xl font-bold">Checkout</h1>
        <p className="mt-3">Your cart is empty.</p>
        <Link href="/" className="mt-3 inline-block text-brand-700 underline">Continue shopping</Link>
      </div>
    );
  }
  const b2b = viewer.customer.kind === "b2b";
  return (
    <div>
      <h1 className="mb-6 text-2xl font-bold">Checkout</h1>
      <CheckoutForm
        idempotencyKey={randomUUID()}
        defaultName={viewer.name}
        defaultCompany={b2b ? viewer.customer.name : ""}
        payment={b2b ? "On account — pay by invoice within 30 days" : "Bank transfer — we ship when your payment has arrived"}
        summary={{ lines: cart.lines.map((l) => ({ name: l.name, quantity: l.quantity, total: l.lineTotal })), totals: cart.totals }}
      />
    </div>
  );
}
