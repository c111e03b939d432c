import type { Metadata } from "next";
import { CartView } from "@/components/cart/cart-view";
import { OciBanner } from "@/components/layout/oci-banner";
import { getViewer } from "@/lib/auth/viewer";
import { RETURN_MESSAGES } from "@/lib/oci/next/return";
import { currentCartView } from "@/lib/shopper/cart-view";

export const metadata: Metadata = { title: "Cart" };

// Personal and rendered per request, in full before it is sent: it works without JavaScript.
export const instant = false;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CartPage({ searchParams }: Props) {
  const [cart, sp, viewer] = await Promise.all([currentCartView(), searchParams, getViewer()]);
  // Without script a refused transfer lands here: the basket changed since it was shown.
  const changed = Boolean(cart.oci) && sp.changed === "1";
  // A cXML edit/inspect whose requisition held lines the shop no longer has.
  const missing = cart.oci?.protocol === "cxml" && typeof sp.missing === "string" && /^\d{1,3}$/.test(sp.missing) ? Number(sp.missing) : 0;
  return (
    <div>
      {/* With script the layout shows the banner on every page; without, the cart is where it counts. */}
      {cart.oci && viewer ? (
        <noscript>
          <div className="-mx-4 -mt-6 mb-6">
            <OciBanner customerName={viewer.customer.name} />
          </div>
        </noscript>
      ) : null}
      <h1 className="mb-6 text-2xl font-bold">{cart.oci ? "Basket" : "Cart"}</h1>
      {changed ? (
        <p role="alert" className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950" data-testid="oci-changed">
          {RETURN_MESSAGES.changed}
        </p>
      ) : null}
      {missing > 0 ? (
        <p role="status" className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950" data-testid="cxml-missing">
          {missing === 1 ? "1 line" : `${missing} lines`} of your requisition could not be added: the article is no longer available or its quantity does not fit its order rules.
        </p>
      ) : null}
      <CartView initialCart={cart} />
    </div>
  );
}
