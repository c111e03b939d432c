import "server-only";
import { getViewer } from "@/lib/auth/viewer";
import { toCartDto } from "@/lib/cart/dto";
import { readCart } from "@/lib/cart/store";
import { getOciState } from "@/lib/oci/next/current";
import { returnFormFor } from "@/lib/oci/transfer";
import { priceContextFor } from "@/lib/pricing/context";
import type { CartView } from "./cart-view-types";
import { currentCartId } from "./current-cart";

/** The cart as this request's shopper sees it; in a punchout, with the basket frozen for return. */
export async function currentCartView(cartId?: string | null): Promise<CartView> {
  const [viewer, oci] = await Promise.all([getViewer(), getOciState()]);
  const id = cartId === undefined ? await currentCartId() : cartId;
  const cart = await readCart(id, priceContextFor(viewer));
  const dto = toCartDto(cart);
  if (oci.state !== "active" || !viewer) return dto;
  return { ...dto, oci: await returnFormFor(oci.session, viewer, cart) };
}
