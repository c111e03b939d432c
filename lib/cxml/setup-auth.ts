import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { users } from "@/db/schema";
import { burnPasswordCheck, PasswordHashBusyError, verifyPassword } from "@/lib/auth/password";
import { countAttempt, forgetAttempt, loginThrottleKeys } from "@/lib/auth/throttle";
import { getDb } from "@/lib/db/client";
import { extrinsic, type CxmlSetupCall } from "./inbound-setup";
import { settingsForFrom, type CxmlSettings } from "./settings-store";

/**
 * Who a PunchOutSetupRequest is from. The From credential names the customer; the To credential
 * must be our identity for them; the Sender credential must be theirs and carry the shared secret,
 * checked against its hash — exactly one scrypt per request, also for an unknown From, so timing
 * tells a stranger nothing. Counted by the sign-in throttle (per From identity and address).
 * Only then the customer's state and the user: the `UserEmail` extrinsic when it names an active
 * user of this customer, else the customer's default punchout user.
 */
export type SetupCaller = { settings: CxmlSettings; user: { id: number; customerId: number; email: string; name: string } };

export type SetupAuthResult =
  | { ok: true; caller: SetupCaller }
  | { ok: false; code: 401 | 403; detail: string }
  | { ok: false; code: 429 | 503; detail: string; retryAfterSeconds: number };

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export const AUTH_FAILED = "Authentication failed: the From, To and Sender credentials or the shared secret do not match this supplier's settings.";

/**
 * The counters a setup request is counted on: the customer its From credentials name (whichever of
 * them matched, so a decoy first credential changes nothing), else the first identity as sent; per
 * address, and per address alone. Not across addresses: a customer's identity is no secret, and a
 * stranger elsewhere must not lock the real procurement system out. Without a known address there
 * is only the one shared per-identity counter (README: TRUST_PROXY_HOPS).
 */
function throttleKeys(call: CxmlSetupCall, customerId: number | null, ip: string | null) {
  const first = call.from[0]!;
  const who = customerId !== null ? `cxml:c${customerId}` : `cxml:${first.domain.toLowerCase()}:${first.identity.toLowerCase()}`;
  const keys = loginThrottleKeys(who, ip);
  return ip === null ? keys : keys.filter((k) => k.scope !== "user");
}

export async function authenticateSetup(call: CxmlSetupCall, ip: string | null): Promise<SetupAuthResult> {
  const settings = await settingsForFrom(call.from);
  const keys = throttleKeys(call, settings?.customerId ?? null, ip);
  const attempt = await countAttempt(keys);
  if (!attempt.allowed) return { ok: false, code: 429, detail: "Too many failed setup requests for this identity. Try again later.", retryAfterSeconds: attempt.retryAfterSeconds };

  const sender = settings ? call.sender.find((c) => same(c.domain, settings.senderDomain) && same(c.identity, settings.senderIdentity)) : undefined;
  const secret = sender?.sharedSecret ?? call.sender.find((c) => c.sharedSecret !== null)?.sharedSecret ?? "";
  let secretOk = false;
  try {
    if (settings && sender) secretOk = await verifyPassword(secret, settings.sharedSecretHash);
    else await burnPasswordCheck(secret);
  } catch (error) {
    if (error instanceof PasswordHashBusyError) return { ok: false, code: 503, detail: "The shop is busy. Send the setup request again in a few seconds.", retryAfterSeconds: 2 };
    throw error;
  }
  const toOk = settings ? call.to.some((c) => same(c.domain, settings.toDomain) && same(c.identity, settings.toIdentity)) : false;
  if (!settings || !secretOk || !toOk) return { ok: false, code: 401, detail: AUTH_FAILED };
  await forgetAttempt(keys);

  if (!settings.enabled) return { ok: false, code: 403, detail: "cXML punchout is switched off for this customer. Ask your supplier contact to enable it." };
  if (!settings.customerActive) return { ok: false, code: 403, detail: "This customer account is disabled." };

  const user = await punchoutUser(settings, extrinsic(call, "UserEmail"));
  if (!user) return { ok: false, code: 403, detail: "No shop user for this punchout: the UserEmail extrinsic names none of this customer's active users and no default punchout user is set." };
  return { ok: true, caller: { settings, user } };
}

async function punchoutUser(settings: CxmlSettings, email: string | null) {
  const db = await getDb();
  const columns = { id: users.id, customerId: users.customerId, email: users.email, name: users.name };
  if (email) {
    const [named] = await db
      .select(columns)
      .from(users)
      .where(and(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`, eq(users.customerId, settings.customerId), eq(users.active, true)))
      .limit(1);
    if (named) return named;
  }
  if (settings.defaultUserId === null) return null;
  const [fallback] = await db
    .select(columns)
    .from(users)
    .where(and(eq(users.id, settings.defaultUserId), eq(users.customerId, settings.customerId), eq(users.active, true)))
    .limit(1);
  return fallback ?? null;
}
