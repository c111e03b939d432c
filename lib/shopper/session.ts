import "server-only";
import { headers } from "next/headers";
import { signOut } from "@/lib/auth";
import { mintGrant } from "@/lib/auth/grants";
import { PasswordHashBusyError } from "@/lib/auth/password";
import { registerConsumer, type Registration } from "@/lib/auth/register";
import { signInWithGrant, signInWithPassword } from "@/lib/auth/sign-in";
import { countRegistrationAttempt } from "@/lib/auth/throttle";
import { mergeAnonymousCart } from "@/lib/cart/store";
import { clientIp } from "@/lib/http/client-ip";
import { nextCookieJar } from "@/lib/oci/next/jar";
import { endPunchout } from "@/lib/oci/punchout-session";
import { forgetAnonymousCart } from "./current-cart";
import { clearPricePass } from "./price-pass-cookie";

/** After a web sign-in: the anonymous cart joins the user's, and any punchout of this browser ends. */
async function afterWebSignIn(userId: number) {
  // Only after a successful sign-in: a failed attempt must leave the anonymous cart as it was.
  const anonymousCart = await forgetAnonymousCart();
  if (anonymousCart) await mergeAnonymousCart(anonymousCart, userId);
  // Its basket must not take over the web cart.
  await endPunchout(await nextCookieJar(), "cancelled");
}

/** /login: throws Auth.js's CredentialsSignin (with a code) when refused. */
export async function signInShopper(username: string, password: string): Promise<void> {
  const user = await signInWithPassword(username, password);
  await afterWebSignIn(user.id);
}

export type RegistrationResult = { ok: true } | { ok: false; field?: "email"; message: string };

/**
 * Registration, throttled per address; the new user is signed in with a single-use grant, so the
 * password is hashed once (not hashed, then checked again).
 */
export async function registerShopper(input: Registration): Promise<RegistrationResult> {
  const allowed = await countRegistrationAttempt(clientIp(await headers()));
  if (!allowed.allowed) return { ok: false, message: `Too many accounts were created from your network. Please try again in ${Math.ceil(allowed.retryAfterSeconds / 60)} minutes.` };
  let result: Awaited<ReturnType<typeof registerConsumer>>;
  try {
    result = await registerConsumer(input);
  } catch (error) {
    if (error instanceof PasswordHashBusyError) return { ok: false, message: "We are busy creating accounts right now. Please try again in a few seconds." };
    throw error;
  }
  if (!result.ok) return { ok: false, field: "email", message: result.message };
  await signInWithGrant(await mintGrant(result.userId, "registration", 60), "registration");
  await afterWebSignIn(result.userId);
  return { ok: true };
}

/** Sign-out ends the server-side session (every cookie copy dies) and this browser's punchout. */
export async function signOutShopper(): Promise<void> {
  const jar = await nextCookieJar();
  await endPunchout(jar, "signed_out");
  clearPricePass(jar);
  await signOut({ redirect: false });
}
