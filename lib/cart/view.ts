import "server-only";
import { getViewer } from "@/lib/auth/viewer";
import { ociFormFor } from "@/lib/oci/basket";
import { getOciState } from "@/lib/oci/current";
import { priceContextFor } from "@/lib/pricing/context";
import { currentCartId } from "./current";
import { toCartDto, type CartDto } from "./dto";
import { readCart } from "./store";

/** The cart as this request's shopper sees it, with the OCI return form in a punchout session. */
export async function currentCartView(cartId?: string | null): Promise<CartDto> {
  const [viewer, oci] = await Promise.all([getViewer(), getOciState()]);
  const id = cartId === undefined ? await currentCartId() : cartId;
  const cart = await readCart(id, priceContextFor(viewer));
  const form = oci.state === "active" && viewer ? ociFormFor(cart, oci.session, viewer.customer.ociVendorNumber) : undefined;
  return toCartDto(cart, form);
}
