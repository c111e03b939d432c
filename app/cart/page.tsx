import type { Metadata } from "next";
import { CartView } from "@/components/cart/cart-view";
import { currentCartView } from "@/lib/shopper/cart-view";

export const metadata: Metadata = { title: "Cart" };

export default async function CartPage() {
  const cart = await currentCartView();
  return (
    <div>
      <h1 className="mb-6 text-2xl font-bold">{cart.oci ? "Basket" : "Cart"}</h1>
      <CartView initialCart={cart} />
    </div>
  );
}
