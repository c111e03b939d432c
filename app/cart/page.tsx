import type { Metadata } from "next";
import { CartView } from "@/components/cart/cart-view";
import { currentCartId, currentPriceContext } from "@/lib/cart/current";
import { toCartDto } from "@/lib/cart/dto";
import { readCart } from "@/lib/cart/store";
import { getOciState } from "@/lib/oci/current";

export const metadata: Metadata = { title: "Cart" };

export default async function CartPage() {
  const [cartId, ctx, oci] = await Promise.all([currentCartId(), currentPriceContext(), getOciState()]);
  const cart = toCartDto(await readCart(cartId, ctx));
  return (
    <div>
      <h1 className="mb-6 text-2xl font-bold">Cart</h1>
      <CartView initialCart={cart} mode={oci.state === "active" ? "oci" : "web"} />
    </div>
  );
}
