import { z } from "zod";
import { cartMutation, cartResponse } from "@/lib/shopper/cart-api";
import { clearCart } from "@/lib/cart/store";
import { guarded } from "@/lib/http/guard";

export const GET = guarded(async () => cartResponse());

export const DELETE = guarded(async (request: Request) => cartMutation(request, z.object({}), (cartId) => clearCart(cartId)));
