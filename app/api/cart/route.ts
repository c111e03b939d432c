import { z } from "zod";
import { cartMutation, cartResponse } from "@/lib/cart/api";
import { clearCart } from "@/lib/cart/store";

export const dynamic = "force-dynamic";

export async function GET() {
  return cartResponse();
}

export async function DELETE(request: Request) {
  return cartMutation(request, z.object({}), (cartId) => clearCart(cartId));
}
