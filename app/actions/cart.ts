"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { productIdSchema } from "@/lib/shopper/cart-api";
import { quantityField } from "@/lib/cart/quantity-rules";
import { currentCartIdForWrite } from "@/lib/shopper/current-cart";
import { addToCart, CartError } from "@/lib/cart/store";
import { slugSchema } from "@/lib/catalog/params";

const schema = z.object({ productId: productIdSchema, quantity: quantityField(), slug: slugSchema });

/**
 * "Add to cart" without JavaScript (some procurement browsers run none): a plain form post. With
 * script the client adds through the cart API instead and this never runs.
 */
export async function addToCartFormAction(form: FormData) {
  const parsed = schema.safeParse({ productId: form.get("productId"), quantity: form.get("quantity"), slug: form.get("slug") });
  if (!parsed.success) {
    const slug = slugSchema.safeParse(form.get("slug"));
    redirect(slug.success ? `/products/${slug.data}?error=quantity` : "/");
  }
  try {
    await addToCart(await currentCartIdForWrite(), parsed.data.productId, parsed.data.quantity);
  } catch (error) {
    // The cart says why an inspect basket cannot change.
    if (error instanceof CartError && error.code === "read_only") redirect("/cart");
    if (error instanceof CartError) redirect(`/products/${parsed.data.slug}?error=${error.code === "unavailable" ? "unavailable" : "quantity"}`);
    throw error;
  }
  redirect("/cart");
}
