import "server-only";
import { findUserByLogin, verifyCredentials } from "@/lib/auth/credentials";
import { redeemGrant } from "@/lib/auth/grants";
import { countAttempt, forgetAttempt, loginThrottleKeys, loginUserKey } from "@/lib/auth/throttle";
import { testCredentialToken } from "./entry-rules";

/**
 * Who a punchout call is from, checked once (one password hash, or one test credential), before the
 * entry decides anything else. Signs nobody in: the entry first applies the customer's rules, then
 * opens a web session only where the call needs one.
 */
export type OciCaller = { id: number; customerId: number; email: string; name: string };

export type OciAuthResult =
  | { ok: true; user: OciCaller; testCall: boolean }
  | { ok: false; reason: "credentials" | "disabled" }
  | { ok: false; reason: "throttled" | "busy"; retryAfterSeconds: number };

export async function authenticateOciCall(call: { username: string; password: string }, ip: string | null): Promise<OciAuthResult> {
  const token = testCredentialToken(call.password);
  if (token !== null) return authenticateTestCall(call.username, token, ip);

  const result = await verifyCredentials({ username: call.username, password: call.password }, ip);
  if (!result.ok) {
    if (result.reason === "throttled" || result.reason === "busy") return result;
    return { ok: false, reason: result.reason === "disabled" ? "disabled" : "credentials" };
  }
  const user = await findUserByLogin(result.user.email);
  if (!user) return { ok: false, reason: "credentials" };
  return { ok: true, user: { id: user.id, customerId: user.customerId, email: user.email, name: user.name }, testCall: false };
}

/**
 * The tester's credential: `ocitest_<token>` of a single-use "oci-test" grant minted for the very
 * user the username names. Counted by the password throttle before it is checked, like a password;
 * a wrong one stays counted.
 */
async function authenticateTestCall(username: string, token: string, ip: string | null): Promise<OciAuthResult> {
  const user = await findUserByLogin(username);
  const keys = loginThrottleKeys(loginUserKey(user?.id ?? null, username), ip);
  const attempt = await countAttempt(keys);
  if (!attempt.allowed) return { ok: false, reason: "throttled", retryAfterSeconds: attempt.retryAfterSeconds };
  // Redeemed whether or not the user exists: the same work either way, so the answer's timing does
  // not tell a stranger which user names are real.
  const granted = await redeemGrant(token, ["oci-test"]);
  if (!user || !granted || Number(granted.id) !== user.id) return { ok: false, reason: "credentials" };
  await forgetAttempt(keys);
  if (!user.active || !user.customerActive) return { ok: false, reason: "disabled" };
  return { ok: true, user: { id: user.id, customerId: user.customerId, email: user.email, name: user.name }, testCall: true };
}
