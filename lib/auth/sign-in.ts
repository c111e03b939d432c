import "server-only";
import { CredentialsSignin } from "next-auth";
import { findUserByLogin } from "./credentials";
import type { GrantPurpose } from "./grants";
import { signIn } from "./index";

// Auth.js reports some failures as a returned URL instead of an error (see the README's notes).
function assertSignedIn(url: unknown) {
  if (typeof url === "string" && /[?&]error=/.test(url)) throw new CredentialsSignin();
}

/**
 * The one credentials sign-in behind /login and /ocihome: Auth.js sets the session cookie, and the
 * caller gets the user it signed in. Refusals throw Auth.js's CredentialsSignin (with code
 * "throttled" / "busy" / "disabled" where that applies).
 */
export async function signInWithPassword(username: string, password: string) {
  assertSignedIn(await signIn("credentials", { username, password, redirect: false }));
  const user = await findUserByLogin(username);
  if (!user) throw new CredentialsSignin();
  return user;
}

/** Signs in the user a single-use grant names (see lib/auth/grants); throws CredentialsSignin if used up. */
export async function signInWithGrant(token: string, purpose: GrantPurpose) {
  assertSignedIn(await signIn("grant", { token, purpose, redirect: false }));
}
