import "server-only";
import { CredentialsSignin } from "next-auth";
import { findUserByLogin } from "./credentials";
import type { GrantPurpose } from "./grants";
import { auth, signIn } from "./index";
import { endAuthSession } from "./sessions";

/**
 * Runs a sign-in; once it succeeded, the session this browser had before ends on the server too, so
 * a copy of the replaced cookie is worthless. A refused sign-in leaves the old session as it was.
 */
async function replacingSession(signInNow: () => Promise<void>) {
  const before = (await auth())?.sid;
  await signInNow();
  if (before) await endAuthSession(before);
}

// Auth.js reports some failures (a host it does not trust, say) as a returned URL, not an error.
function assertSignedIn(url: unknown) {
  if (typeof url === "string" && /[?&]error=/.test(url)) throw new CredentialsSignin();
}

/**
 * The one credentials sign-in behind /login and /ocihome: Auth.js sets the session cookie, and the
 * caller gets the user it signed in. Refusals throw Auth.js's CredentialsSignin (with code
 * "throttled" / "busy" / "disabled" where that applies).
 */
export async function signInWithPassword(username: string, password: string) {
  await replacingSession(async () => assertSignedIn(await signIn("credentials", { username, password, redirect: false })));
  const user = await findUserByLogin(username);
  if (!user) throw new CredentialsSignin();
  return user;
}

/** Signs in the user a single-use grant names (see lib/auth/grants); throws CredentialsSignin if used up. */
export async function signInWithGrant(token: string, purpose: GrantPurpose) {
  await replacingSession(async () => assertSignedIn(await signIn("grant", { token, purpose, redirect: false })));
}
