import { z } from "zod";
import { cartMutation, productIdSchema, quantitySchema } from "@/lib/cart/api";
import { addToCart } from "@/lib/cart/store";

const addSchema = z.object({ productId: productIdSchema, quantity: quantitySchema });

export async function POST(request: Request) {
  return cartMutation(request, addSchema, (cartId, { productId, quantity }) => addToCart(cartId, productId, quantity));
}
