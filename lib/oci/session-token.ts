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
};

export type OpenOciSessionResult =
  | { status: "valid"; session: OciSessionData; expiresAt: number }
  | { status: "expired" }
  | { status: "invalid" }
  | { status: "absent" };

const MAX_TOKEN_LENGTH = 8192;

const sessionSchema = z.object({
  sid: z.string().min(1).max(200),
  userId: z.number().int().safe(),
  customerId: z.number().int().safe(),
  hookUrl: z.string().min(1).max(2048),
  target: z.string().min(1).max(64),
  echoFields: z.array(z.tuple([z.string(), z.string()])).max(20),
  charset: z.enum(["utf-8", "iso-8859-1"]),
  startedAt: z.number().int().nonnegative(),
});

const keyCache = new Map<string, Uint8Array>();

/**
 * "cookie" seals the session cookie; "handoff" seals the short-lived link that moves a punchout into
 * a new window when the browser refused cookies. Separate keys: one can never pass for the other.
 */
export type TokenPurpose = "cookie" | "handoff";
const KEY_INFO: Record<TokenPurpose, string> = { cookie: "oci-session-cookie v1", handoff: "oci-session-handoff v1" };

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

export async function sealOciSession(data: OciSessionData, options: { secret: string; idleSeconds: number; now?: number; purpose?: TokenPurpose }): Promise<string> {
  const session = sessionSchema.parse(data);
  if (!Number.isFinite(options.idleSeconds) || options.idleSeconds <= 0) throw new RangeError("OCI session: idleSeconds must be > 0");
  const nowSeconds = Math.floor((options.now ?? Date.now()) / 1000);
  return new EncryptJWT({ oci: session })
    .setProtectedHeader({ alg: "dir", enc: "A256GCM", typ: "JWT" })
    .setIssuedAt(nowSeconds)
    .setExpirationTime(nowSeconds + Math.ceil(options.idleSeconds))
    .setJti(session.sid)
    .encrypt(deriveKey(options.secret, options.purpose));
}

export async function openOciSession(token: string | undefined, options: { secret: string; now?: number; purpose?: TokenPurpose }): Promise<OpenOciSessionResult> {
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
    const session = sessionSchema.safeParse(payload.oci);
    if (!session.success || typeof payload.exp !== "number") return { status: "invalid" };
    return { status: "valid", session: session.data as OciSessionData, expiresAt: payload.exp * 1000 };
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { status: "expired" };
    return { status: "invalid" };
  }
}
