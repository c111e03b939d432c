import "server-only";
import { cookies } from "next/headers";
import { z } from "zod";
import { getViewer } from "@/lib/auth/viewer";
import { ANON_CART_MAX_AGE, COOKIE_NAMES, COOKIE_OPTIONS } from "@/lib/http/cookies";
import { getOciState } from "@/lib/oci/current";
import { ensureCartId, findCartId } from "./store";
import type { CartOwner } from "./types";

const cartIdSchema = z.string().uuid();

async function anonymousCartCookie(): Promise<string | null> {
  const value = (await cookies()).get(COOKIE_NAMES.cart)?.value;
  return cartIdSchema.safeParse(value).success ? value! : null;
}

/** Whose cart this request works on: the punchout basket, the user's cart, or the cookie cart. */
export async function currentCartOwner(): Promise<CartOwner> {
  const viewer = await getViewer();
  if (viewer) {
    const oci = await getOciState();
    if (oci.state === "active") return { kind: "oci", userId: viewer.userId, ociSessionId: oci.session.sid };
    return { kind: "user", userId: viewer.userId };
  }
  return { kind: "anonymous", cartId: await anonymousCartCookie() };
}

export async function currentCartId(): Promise<string | null> {
  return findCartId(await currentCartOwner());
}

/** For route handlers and server actions only: creates the cart (and its cookie) when needed. */
export async function currentCartIdForWrite(): Promise<string> {
  const owner = await currentCartOwner();
  const id = await ensureCartId(owner);
  if (owner.kind === "anonymous" && owner.cartId !== id) {
    (await cookies()).set(COOKIE_NAMES.cart, id, { ...COOKIE_OPTIONS, maxAge: ANON_CART_MAX_AGE });
  }
  return id;
}

export async function forgetAnonymousCart(): Promise<string | null> {
  const id = await anonymousCartCookie();
  if (id) (await cookies()).delete({ name: COOKIE_NAMES.cart, ...COOKIE_OPTIONS });
  return id;
}
