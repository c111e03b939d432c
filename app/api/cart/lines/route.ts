import { z } from "zod";
import { cartMutation, productIdSchema } from "@/lib/shopper/cart-api";
import { quantityField } from "@/lib/cart/quantity-rules";
import { addToCart } from "@/lib/cart/store";
import { guarded } from "@/lib/http/guard";

const addSchema = z.object({ productId: productIdSchema, quantity: quantityField() });

export const POST = guarded(async (request: Request) =>
  cartMutation(request, addSchema, (cartId, { productId, quantity }) => addToCart(cartId, productId, quantity)),
);
