/**
 * The encrypted OCI session cookie value: a JWE (compact, `alg: "dir"`, `enc: "A256GCM"`) made with
 * jose, keyed by 32 bytes derived from the app secret with HKDF-SHA256 (salt "oci-shop",
 * info "oci-session-cookie v1"). Pure TypeScript, no I/O.
 *
 * - The session data is carried in the claim `oci`; `iat`, `exp` (= now + idleSeconds, whole
 *   seconds) and `jti` (= sid) are set as well. `expiresAt` is `exp` in epoch milliseconds.
 * - `openOciSession` returns "absent" for a missing/empty token, "expired" when jose's clock check
 *   fails on `exp` (no clock tolerance), and "invalid" for everything else: garbage, tampering,
 *   another key, another algorithm, oversized tokens (> 8 KiB), or a decryptable payload whose shape
 *   is wrong (validated with zod).
 */
import { hkdfSync } from "node:crypto";
import { EncryptJWT, errors, jwtDecrypt } from "jose";
import { z } from "zod";
import type { CxmlSessionData } from "@/db/schema";

export type OciSessionData = {
  sid: string;
  userId: number;
  customerId: number;
  hookUrl: string;
  target: string;
  echoFields: [string, string][];
  charset: "utf-8" | "iso-8859-1";
  /** epoch ms */
  startedAt: number;
  /** The customer's idle lifetime (its OCI profile) when it differs from the shop default. */
  idleMinutes?: number;
  /** The customer's extra framing origins (portals), beside the hook's own origin. */
  frameOrigins?: string[];
  /** A cXML punchout: the hook is the BrowserFormPost URL and the basket goes back as a PunchOutOrderMessage. */
  cxml?: CxmlSessionData;
};

export type OpenOciSessionResult =
  | { status: "valid"; session: OciSessionData; expiresAt: number }
  /** `sid` is the session the expired token belonged to (the shop records it as expired). */
  | { status: "expired"; sid?: string }
  | { status: "invalid" }
  | { status: "absent" };

const MAX_TOKEN_LENGTH = 8192;

const credentialSchema = z.object({ domain: z.string().max(100), identity: z.string().max(200) });
const cxmlSchema = z.object({
  setupId: z.string().uuid(),
  operation: z.enum(["create", "edit", "inspect"]),
  buyerCookie: z.string().min(1).max(512),
  buyer: credentialSchema,
  supplier: credentialSchema,
  field: z.enum(["cxml-urlencoded", "cxml-base64"]),
  lang: z.string().max(35),
});

const sessionSchema = z.object({
  sid: z.string().min(1).max(200),
  userId: z.number().int().safe(),
  customerId: z.number().int().safe(),
  hookUrl: z.string().min(1).max(2048),
  target: z.string().min(1).max(64),
  echoFields: z.array(z.tuple([z.string(), z.string()])).max(20),
  charset: z.enum(["utf-8", "iso-8859-1"]),
  startedAt: z.number().int().nonnegative(),
  idleMinutes: z.number().int().min(1).max(7 * 24 * 60).optional(),
  frameOrigins: z.array(z.string().max(200)).max(20).optional(),
  cxml: cxmlSchema.optional(),
});

const keyCache = new Map<string, Uint8Array>();

/**
 * "cookie" seals the session cookie; "handoff" the short-lived link that moves a punchout into a new
 * window when the browser refused cookies; "switch" the confirmation that lets a browser signed in
 * as someone else continue as the punchout user. Separate keys: one can never pass for another.
 */
export type TokenPurpose = "cookie" | "handoff" | "switch";
const KEY_INFO: Record<TokenPurpose, string> = { cookie: "oci-session-cookie v1", handoff: "oci-session-handoff v1", switch: "oci-account-switch v1" };

function deriveKey(secret: string, purpose: TokenPurpose = "cookie"): Uint8Array {
  if (typeof secret !== "string" || secret.length === 0) throw new Error("OCI session: the app secret is empty");
  const cacheKey = `${purpose}:${secret}`;
  let key = keyCache.get(cacheKey);
  if (!key) {
    key = new Uint8Array(hkdfSync("sha256", secret, "oci-shop", KEY_INFO[purpose], 32));
    if (keyCache.size > 8) keyCache.clear();
    keyCache.set(cacheKey, key);
  }
  return key;
}

type SealOptions = { secret: string; idleSeconds: number; now?: number; purpose?: TokenPurpose };
type OpenOptions = { secret: string; now?: number; purpose?: TokenPurpose };

async function seal(claims: Record<string, unknown>, jti: string, options: SealOptions): Promise<string> {
  if (!Number.isFinite(options.idleSeconds) || options.idleSeconds <= 0) throw new RangeError("OCI session: idleSeconds must be > 0");
  const nowSeconds = Math.floor((options.now ?? Date.now()) / 1000);
  return new EncryptJWT(claims)
    .setProtectedHeader({ alg: "dir", enc: "A256GCM", typ: "JWT" })
    .setIssuedAt(nowSeconds)
    .setExpirationTime(nowSeconds + Math.ceil(options.idleSeconds))
    .setJti(jti)
    .encrypt(deriveKey(options.secret, options.purpose));
}

type Opened = { status: "valid"; payload: Record<string, unknown>; exp: number } | { status: "expired"; payload?: Record<string, unknown> } | { status: "invalid" } | { status: "absent" };

async function open(token: string | undefined, options: OpenOptions): Promise<Opened> {
  if (token === undefined || token === "") return { status: "absent" };
  const key = deriveKey(options.secret, options.purpose);
  if (typeof token !== "string" || token.length > MAX_TOKEN_LENGTH) return { status: "invalid" };
  try {
    const { payload } = await jwtDecrypt(token, key, {
      keyManagementAlgorithms: ["dir"],
      contentEncryptionAlgorithms: ["A256GCM"],
      currentDate: new Date(options.now ?? Date.now()),
      requiredClaims: ["exp"],
    });
    if (typeof payload.exp !== "number") return { status: "invalid" };
    return { status: "valid", payload, exp: payload.exp };
  } catch (error) {
    // Only a token that decrypted (so it is ours) and is past its exp is "expired".
    if (error instanceof errors.JWTExpired) return { status: "expired", payload: error.payload as Record<string, unknown> };
    return { status: "invalid" };
  }
}

export async function sealOciSession(data: OciSessionData, options: SealOptions): Promise<string> {
  const session = sessionSchema.parse(data);
  return seal({ oci: session }, session.sid, options);
}

export async function openOciSession(token: string | undefined, options: OpenOptions): Promise<OpenOciSessionResult> {
  const opened = await open(token, options);
  if (opened.status === "expired") {
    const sid = sessionSchema.safeParse(opened.payload?.oci);
    return sid.success ? { status: "expired", sid: sid.data.sid } : { status: "expired" };
  }
  if (opened.status !== "valid") return opened;
  const session = sessionSchema.safeParse(opened.payload.oci);
  if (!session.success) return { status: "invalid" };
  return { status: "valid", session: session.data as OciSessionData, expiresAt: opened.exp * 1000 };
}

// ---------------------------------------------------------------------------------------------
// The handoff link: the session to resume plus the single-use sign-in grant that proves the link.

export type OciHandoff = { session: OciSessionData; grant: string };
const grantSchema = z.string().min(20).max(200);

export async function sealOciHandoff(handoff: OciHandoff, options: Omit<SealOptions, "purpose">): Promise<string> {
  return seal({ oci: sessionSchema.parse(handoff.session), grant: grantSchema.parse(handoff.grant) }, handoff.session.sid, { ...options, purpose: "handoff" });
}

export async function openOciHandoff(token: string | undefined, options: Omit<OpenOptions, "purpose">): Promise<{ status: "valid"; handoff: OciHandoff } | { status: "expired" | "invalid" | "absent" }> {
  const opened = await open(token, { ...options, purpose: "handoff" });
  if (opened.status !== "valid") return { status: opened.status };
  const session = sessionSchema.safeParse(opened.payload.oci);
  const grant = grantSchema.safeParse(opened.payload.grant);
  if (!session.success || !grant.success) return { status: "invalid" };
  return { status: "valid", handoff: { session: session.data as OciSessionData, grant: grant.data } };
}

// ---------------------------------------------------------------------------------------------
// The account-switch confirmation: a verified punchout call waiting for the buyer's "Continue".

export type OciPendingSwitch = {
  /** the user whose credentials the call carried (already verified) */
  userId: number;
  /** the user this browser was signed in as when the call arrived */
  fromUserId: number;
  grant: string;
  hookUrl: string;
  target: string;
  echoFields: [string, string][];
  charset: "utf-8" | "iso-8859-1";
  next: string;
  cxml?: CxmlSessionData;
};

const pendingSchema = z.object({
  userId: z.number().int().safe(),
  fromUserId: z.number().int().safe(),
  grant: grantSchema,
  hookUrl: z.string().min(1).max(2048),
  target: z.string().min(1).max(64),
  echoFields: z.array(z.tuple([z.string(), z.string()])).max(20),
  charset: z.enum(["utf-8", "iso-8859-1"]),
  next: z.string().min(1).max(512),
  cxml: cxmlSchema.optional(),
});

export async function sealOciPendingSwitch(pending: OciPendingSwitch, options: Omit<SealOptions, "purpose">): Promise<string> {
  return seal({ pending: pendingSchema.parse(pending) }, `switch-${pending.userId}`, { ...options, purpose: "switch" });
}

export async function openOciPendingSwitch(token: string | undefined, options: Omit<OpenOptions, "purpose">): Promise<OciPendingSwitch | null> {
  const opened = await open(token, { ...options, purpose: "switch" });
  if (opened.status !== "valid") return null;
  const pending = pendingSchema.safeParse(opened.payload.pending);
  return pending.success ? (pending.data as OciPendingSwitch) : null;
}
