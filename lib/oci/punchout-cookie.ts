import "server-only";
import { appSecret } from "@/lib/auth/secret";
import { COOKIE_NAMES, COOKIE_OPTIONS, type CookieJar, type CookieSpec } from "@/lib/http/cookies";
import { ociConfig } from "./config";
import { hookOrigin } from "./inbound-call";
import { openOciSession, sealOciSession, type OciSessionData, type OpenOciSessionResult } from "./session-token";

/**
 * The encrypted punchout cookie (hook URL, target, charset, echo fields). This module is its only
 * writer; callers hand in a cookie jar (Next's `cookies()` in route handlers and actions, the
 * response in the proxy) so the rules stay in one place and testable without Next.
 */
export type { CookieJar, CookieSpec } from "@/lib/http/cookies";

const NAME = COOKIE_NAMES.oci;
// Re-seal at most once a minute: the idle expiry counts from the last activity.
const REFRESH_AFTER_SECONDS = 60;

/** The idle limit of this session: the customer's (its OCI profile), else the shop's. */
function idleSecondsOf(data: Pick<OciSessionData, "idleMinutes">): number {
  return data.idleMinutes ? data.idleMinutes * 60 : ociConfig().idleSeconds;
}

/** Seconds the cookie may live from now: the idle limit, capped by the session's absolute end. */
function lifetime(data: OciSessionData, now = Date.now()): number {
  const { maxSeconds } = ociConfig();
  const left = Math.floor((data.startedAt + maxSeconds * 1000 - now) / 1000);
  return Math.min(idleSecondsOf(data), left);
}

async function spec(data: OciSessionData): Promise<CookieSpec | null> {
  const seconds = lifetime(data);
  if (seconds <= 0) return null;
  const value = await sealOciSession(data, { secret: appSecret(), idleSeconds: seconds });
  return { name: NAME, value, ...COOKIE_OPTIONS, maxAge: seconds };
}

export async function writePunchoutCookie(jar: CookieJar, data: OciSessionData): Promise<void> {
  const cookie = await spec(data);
  if (cookie) jar.set(cookie);
  else jar.delete(NAME);
}

export function clearPunchoutCookie(jar: CookieJar): void {
  if (jar.get(NAME) !== undefined) jar.delete(NAME);
}

/** What the cookie proves: the session data, or that it expired (idle or absolute), or nothing. */
export async function readPunchoutCookie(token: string | undefined): Promise<OpenOciSessionResult> {
  const opened = await openOciSession(token, { secret: appSecret() });
  if (opened.status === "valid" && lifetime(opened.session) <= 0) return { status: "expired", sid: opened.session.sid };
  return opened;
}

export async function readPunchoutJar(jar: CookieJar): Promise<OpenOciSessionResult> {
  return readPunchoutCookie(jar.get(NAME));
}

/** For the proxy: a fresh cookie when the current one is valid and older than a minute. */
export async function refreshedPunchoutCookie(token: string | undefined): Promise<CookieSpec | null> {
  const opened = await readPunchoutCookie(token);
  if (opened.status !== "valid") return null;
  if (opened.expiresAt - Date.now() >= (idleSecondsOf(opened.session) - REFRESH_AFTER_SECONDS) * 1000) return null;
  return spec(opened.session);
}

// Browsers keep about 4 KB per cookie; a call whose session would not fit is refused up front.
const MAX_COOKIE_TOKEN = 3800;

/**
 * Whether a punchout of this call would fit its cookie: sealed as a probe with an all-zero sid of a
 * real one's length, before anything is opened.
 */
export async function punchoutFitsCookie(
  call: Pick<OciSessionData, "hookUrl" | "target" | "echoFields" | "charset" | "cxml">,
  profile: { idleMinutes: number | null; frameOrigins: readonly string[] },
): Promise<boolean> {
  const probe = await sealOciSession(
    {
      sid: "00000000-0000-4000-8000-000000000000",
      userId: 0,
      customerId: 0,
      hookUrl: call.hookUrl,
      target: call.target,
      echoFields: call.echoFields,
      charset: call.charset,
      startedAt: Date.now(),
      ...(profile.idleMinutes ? { idleMinutes: profile.idleMinutes } : {}),
      ...(profile.frameOrigins.length ? { frameOrigins: [...profile.frameOrigins] } : {}),
      ...(call.cxml ? { cxml: call.cxml } : {}),
    },
    { secret: appSecret(), idleSeconds: 60 },
  );
  return probe.length <= MAX_COOKIE_TOKEN;
}

/** CSP sources that may frame a page with this cookie: the hook's origin plus the configured ones. */
export async function punchoutFrameSources(token: string | undefined): Promise<string[] | null> {
  const opened = await readPunchoutCookie(token);
  if (opened.status !== "valid") return null;
  return frameSourcesFor(opened.session.hookUrl, opened.session.frameOrigins);
}

const CSP_ORIGIN = /^https?:\/\/(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The shop's configured sources, the hook's origin and the customer's framing origins (its OCI
 * profile). Only plain scheme://host[:port] values go into the header; anything else is dropped.
 */
export function frameSourcesFor(hookUrl: string | null, customerOrigins: readonly string[] = []): string[] {
  const sources = new Set(ociConfig().frameAncestors);
  const extra = customerOrigins.map((o) => o.trim().replace(/\/$/, "")).filter((o) => CSP_ORIGIN.test(o));
  if (hookUrl) {
    try {
      const origin = hookOrigin(hookUrl);
      // Only a plain scheme://host[:port] goes into the header; a host with ; , * ' or spaces
      // (which URL parsing lets through) would change the policy itself.
      if (CSP_ORIGIN.test(origin)) sources.add(origin);
    } catch {
      // not a URL: only the configured sources
    }
  }
  for (const origin of extra) sources.add(origin.toLowerCase());
  return [...sources];
}
