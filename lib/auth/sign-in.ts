import "server-only";
import { CredentialsSignin } from "next-auth";
import { findUserByLogin } from "./credentials";
import { signIn } from "./index";

/**
 * The one credentials sign-in behind /login, registration and /ocihome: Auth.js sets the session
 * cookie, and the caller gets the user it signed in. Refusals throw Auth.js's CredentialsSignin
 * (with code "throttled" / "disabled" where that applies).
 */
export async function signInWithPassword(username: string, password: string) {
  const url: unknown = await signIn("credentials", { username, password, redirect: false });
  // Auth.js reports some failures as a returned URL instead of an error (see stack notes).
  if (typeof url === "string" && /[?&]error=/.test(url)) throw new CredentialsSignin();
  const user = await findUserByLogin(username);
  if (!user) throw new CredentialsSignin();
  return user;
}
