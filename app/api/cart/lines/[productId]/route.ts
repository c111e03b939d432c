import { z } from "zod";
import { cartMutation, productIdSchema } from "@/lib/shopper/cart-api";
import { quantityField } from "@/lib/cart/quantity-rules";
import { guarded } from "@/lib/http/guard";
import { jsonError } from "@/lib/http/json";
import { removeLine, setLineQuantity } from "@/lib/cart/store";

type Params = { params: Promise<{ productId: string }> };

export const PATCH = guarded(async (request: Request, { params }: Params) => {
  const productId = productIdSchema.safeParse((await params).productId);
  if (!productId.success) return jsonError(404, "No such cart line.");
  return cartMutation(request, z.object({ quantity: quantityField() }), (cartId, { quantity }) =>
    setLineQuantity(cartId, productId.data, quantity),
  );
});

export const DELETE = guarded(async (request: Request, { params }: Params) => {
  const productId = productIdSchema.safeParse((await params).productId);
  if (!productId.success) return jsonError(404, "No such cart line.");
  return cartMutation(request, z.object({}), (cartId) => removeLine(cartId, productId.data));
});
