/**
 * The rules the punchout entry applies once the caller's credentials are verified: which hook URL a
 * call may name, which charset it gets, and how the tester's test credential is recognised. Pure.
 */
import { hookAllowed, type HookVerdict, type OciProfile } from "./profile";
import type { OciCharset } from "./text-rules";

/** The tester's single-use credential is sent as the password `ocitest_<grant token>`. */
export const TEST_PASSWORD_PREFIX = "ocitest_";

/** Where the shop's built-in hook receiver lives; only a test call may name it. */
export const TESTER_HOOK_PATH = "/oci-tester/hook/";

export function testCredentialToken(password: string): string | null {
  return password.startsWith(TEST_PASSWORD_PREFIX) ? password.slice(TEST_PASSWORD_PREFIX.length) : null;
}

/**
 * The shop's own public origin: AUTH_URL when configured (a proxy may hide the public host), else
 * the origin the server sees the request at. Never a Host header alone.
 */
export function shopOrigin(requestUrl: string, authUrl: string | undefined): string {
  if (authUrl) {
    try {
      return new URL(authUrl).origin;
    } catch {
      // a malformed AUTH_URL is Auth.js's problem; the request's origin still holds
    }
  }
  return new URL(requestUrl).origin;
}

function isTesterHook(hookUrl: string, ownOrigin: string): boolean {
  let url: URL;
  try {
    url = new URL(hookUrl);
  } catch {
    return false;
  }
  // Compared parsed, so "../" segments, look-alike hosts and user-info cannot pass for it.
  return !url.username && !url.password && url.origin === ownOrigin && url.pathname.startsWith(TESTER_HOOK_PATH) && hookUrl.startsWith(`${ownOrigin}${TESTER_HOOK_PATH}`);
}

/**
 * The customer's allowed-hook rule; a test call (the tester's credential) may in addition post to
 * the shop's own tester hook.
 */
export function entryHookVerdict(profile: Pick<OciProfile, "allowedHooks" | "allowSapEvent">, hookUrl: string, options: { testCall: boolean; ownOrigin: string }): HookVerdict {
  if (options.testCall && isTesterHook(hookUrl, options.ownOrigin)) return { ok: true };
  return hookAllowed(profile, hookUrl);
}

/** The charset the answer and the return form use: the call's, else the customer's default. */
export function callCharset(call: { charset: OciCharset; charsetNamed: boolean }, profile: Pick<OciProfile, "defaultCharset">): OciCharset {
  return call.charsetNamed ? call.charset : profile.defaultCharset;
}
