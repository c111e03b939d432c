import "server-only";
import { cookies } from "next/headers";
import { getViewer, type Viewer } from "@/lib/auth/viewer";
import { anonymousCartCookie, CART_COOKIE, parseAnonymousCartId } from "@/lib/cart/cookie";
import { CartError, ensureCartId, findCartId } from "@/lib/cart/store";
import type { CartOwner } from "@/lib/cart/types";
import { COOKIE_OPTIONS } from "@/lib/http/cookies";
import { getOciState, type OciState } from "@/lib/oci/next/current";

export const INSPECT_READ_ONLY = "This basket was opened from your procurement system for viewing only: it cannot be changed.";

/**
 * Whose cart this request works on: the punchout basket, the user's cart, or the cookie cart. This
 * is where the request's viewer, punchout and cart cookie meet, so the cart itself knows none of them.
 */
export async function currentCartOwner(): Promise<CartOwner> {
  const viewer = await getViewer();
  return cartOwnerOf(viewer, viewer ? await getOciState() : null);
}

/** The cart owner for a viewer and punchout already looked up. */
export async function cartOwnerOf(viewer: Viewer | null, oci: OciState | null): Promise<CartOwner> {
  if (viewer) {
    if (oci?.state === "active") return { kind: "oci", userId: viewer.userId, ociSessionId: oci.session.sid };
    return { kind: "user", userId: viewer.userId };
  }
  return { kind: "anonymous", cartId: parseAnonymousCartId((await cookies()).get(CART_COOKIE)?.value) };
}

export async function currentCartId(): Promise<string | null> {
  return findCartId(await currentCartOwner());
}

/**
 * For route handlers and server actions only: creates the cart (and its cookie) when needed. A
 * cXML inspect punchout's basket is read-only: every write is refused here, before it starts.
 */
export async function currentCartIdForWrite(): Promise<string> {
  const viewer = await getViewer();
  const oci = viewer ? await getOciState() : null;
  if (oci?.state === "active" && oci.session.cxml?.operation === "inspect") throw new CartError(INSPECT_READ_ONLY, "read_only");
  const owner = await cartOwnerOf(viewer, oci);
  const id = await ensureCartId(owner);
  if (owner.kind === "anonymous" && owner.cartId !== id) (await cookies()).set(anonymousCartCookie(id));
  return id;
}

export async function forgetAnonymousCart(): Promise<string | null> {
  const jar = await cookies();
  const id = parseAnonymousCartId(jar.get(CART_COOKIE)?.value);
  if (id) jar.delete({ name: CART_COOKIE, ...COOKIE_OPTIONS });
  return id;
}
